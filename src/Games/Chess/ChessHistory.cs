namespace Zero.Games.Chess;

/// <summary>
/// One earlier position of a game, in an immutable chain from the newest back to the last capture or pawn move.
/// <see cref="ChessPosition"/> keeps a reference to it for threefold repetition and the history planes of the
/// network input; nodes are shared between positions, so a search tree holding many positions of one game holds
/// one chain. Chosen over a ring of hashes inside the position because the network needs whole boards, not hashes,
/// and it keeps the position struct at 104 bytes; the price is one small allocation per reversible move (captures
/// and pawn moves cut the chain and allocate nothing). Perft and the move generator never touch it.
/// </summary>
public sealed class ChessHistory
{
    internal ChessHistory(in ChessBoard board, int repetitions, ChessMove move, ChessHistory? previous)
    {
        Board = board;
        Repetitions = repetitions;
        Move = move;
        Previous = previous;
    }

    /// <summary>The earlier board.</summary>
    public ChessBoard Board { get; }

    /// <summary>How often <see cref="Board"/> had occurred before it was reached.</summary>
    public int Repetitions { get; }

    /// <summary>The move that was played from <see cref="Board"/> (toward the newer position).</summary>
    public ChessMove Move { get; }

    /// <summary>The position before this one, or null at the last capture or pawn move (or the game's start).</summary>
    public ChessHistory? Previous { get; }
}
