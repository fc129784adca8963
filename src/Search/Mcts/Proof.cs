using Zero.Games;

namespace Zero.Search.Mcts;

/// <summary>
/// A node's game-theoretic value once the MCTS-solver has proven it (Winands, Björnsson and Saito 2008; Lc0 calls it
/// certainty propagation), packed in one byte so that <see cref="Node"/> stays 32 bytes. Like the node's statistics
/// it is seen by the player who chose the move into the node. Set on terminal leaves when they are reached and, in
/// backup, on a node with a child that wins for its side to move or whose children are all proven.
/// <code>
///   bits 0-1  result + 2: 0 not proven, 1 loss, 2 draw, 3 win (for the chooser)
///   bits 2-7  plies from the node's position to the end of the game with best play (the winner hurries, the
///             loser delays), saturating at 63
/// </code>
/// </summary>
internal readonly struct Proof
{
    private const int MaxPlies = 63;
    private readonly byte _bits;

    private Proof(GameResult result, int plies) =>
        _bits = (byte)((sbyte)result + 2 | Math.Min(plies, MaxPlies) << 2);

    /// <summary>True when the node's value is known exactly.</summary>
    public bool IsKnown => _bits != 0;

    /// <summary>The result for the chooser; only meaningful when <see cref="IsKnown"/>.</summary>
    public GameResult Result => (GameResult)((_bits & 3) - 2);

    /// <summary>Plies from the node's position to the end of the game with best play (63 means 63 or more).</summary>
    public int Plies => _bits >> 2;

    /// <summary>The exact value for the chooser: 1, 0 or -1 (0 when not proven).</summary>
    public float Value => IsKnown ? (sbyte)Result : 0f;

    /// <summary>A proven result for the chooser, the game ending <paramref name="plies"/> plies after the node.</summary>
    public static Proof Of(GameResult result, int plies) => new(result, plies);

    /// <summary>The proof of a terminal node whose side to move got <paramref name="resultForSideToMove"/>.</summary>
    public static Proof Terminal(GameResult resultForSideToMove) => new(resultForSideToMove.Flip(), 0);
}
