namespace Zero.Games.Go;

/// <summary>
/// One entry of a game's history, newest first, shared between positions (a persistent list: playing a move
/// adds a node and copies nothing). It records the move that led here and the resulting whole-board colouring,
/// which the superko check compares against. The oldest node is the setup position (its move is a pass that
/// was never played, marked by <see cref="IsSetup"/>).
/// </summary>
/// <param name="Move">The move played to reach this position.</param>
/// <param name="StoneHash">Zobrist hash of the stones after the move.</param>
/// <param name="Stones">Stones on the board after the move (a cheap filter before the hash compare).</param>
/// <param name="ToMove">The player to move after the move (situational superko compares it).</param>
/// <param name="Previous">The position before, or null for the setup.</param>
public sealed class GoHistory(GoMove move, ulong stoneHash, int stones, GoColor toMove, GoHistory? previous)
{
    public GoMove Move { get; } = move;
    public ulong StoneHash { get; } = stoneHash;
    public int Stones { get; } = stones;
    public GoColor ToMove { get; } = toMove;
    public GoHistory? Previous { get; } = previous;

    /// <summary>True for the setup position (no move led here).</summary>
    public bool IsSetup => Previous is null;

    /// <summary>True when an earlier (or this) position has the same colouring (and, when <paramref name="situational"/>, the same player to move).</summary>
    public bool Repeats(ulong stoneHash, int stones, GoColor toMove, bool situational)
    {
        for (GoHistory? h = this; h is not null; h = h.Previous)
        {
            if (h.StoneHash == stoneHash && h.Stones == stones && (!situational || h.ToMove == toMove))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The moves from the setup to here, oldest first.</summary>
    public GoMove[] Moves()
    {
        var moves = new List<GoMove>();
        for (GoHistory? h = this; h is { IsSetup: false }; h = h.Previous)
        {
            moves.Add(h.Move);
        }
        moves.Reverse();
        return moves.ToArray();
    }
}
