namespace Zero.Games.Go;

/// <summary>One move of an SGF main line: who played it, the move (a point or a pass), and the node's C[] comment.</summary>
public readonly record struct SgfMove(GoColor Color, GoMove Move, string? Comment = null);
