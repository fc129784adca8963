namespace Zero.Search.Mcts;

/// <summary>The search's statistics for one root move, from the root's side to move.</summary>
/// <param name="Move">The move.</param>
/// <param name="Action">Its policy index.</param>
/// <param name="Visits">N.</param>
/// <param name="Q">Mean value W/N for the root's side to move, in [-1, 1]; NaN when unvisited.</param>
/// <param name="Prior">P, as used by the search (after root noise when it was on).</param>
public readonly record struct MoveStats<TMove>(TMove Move, int Action, int Visits, float Q, float Prior)
    where TMove : struct, IEquatable<TMove>;
