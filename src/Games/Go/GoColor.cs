namespace Zero.Games.Go;

/// <summary>
/// What lies on a point of a <see cref="GoBoard"/>: nothing, a black or a white stone, or the edge (the padding
/// ring around the board). Black is player 0 (moves first), White player 1. Used by the rules core, scoring,
/// features and SGF.
/// </summary>
public enum GoColor : byte
{
    Empty = 0,
    Black = 1,
    White = 2,
    Edge = 3,
}
