using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>
/// Perft counts against the published numbers (chessprogramming.org "Perft Results" positions 1-6 and the
/// special-rule suite by Peter Ellis Jones, each counted again with Stockfish's <c>go perft</c>). The deep counts of
/// the issue (start position depth 6, Kiwipete depth 5) are Slow tests; everything else runs by default.
/// </summary>
public sealed class PerftTests
{
    public const string Kiwipete = "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1";
    public const string Position3 = "8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1";
    public const string Position4 = "r3k2r/Pppp1ppp/1b3nbN/nP6/BBP1P3/q4N2/Pp1P2PP/R2Q1RK1 w kq - 0 1";
    public const string Position4Mirrored = "r2q1rk1/pP1p2pp/Q4n2/bbp1p3/Np6/1B3NBn/pPPP1PPP/R3K2R b KQ - 0 1";
    public const string Position5 = "rnbq1k1r/pp1Pbppp/2p5/8/2B5/8/PPP1NnPP/RNBQK2R w KQ - 1 8";
    public const string Position6 = "r4rk1/1pp1qppp/p1np1n2/2b1p1B1/2B1P1b1/P1NP1N2/1PP1QPPP/R4RK1 w - - 0 10";

    private static long Count(string fen, int depth)
    {
        Assert.True(Fen.TryParse(fen, out ChessBoard board, out string? error), error);
        return Perft.Count(in board, depth);
    }

    [Theory]
    [InlineData(Fen.StartPosition, 1, 20L)]
    [InlineData(Fen.StartPosition, 2, 400L)]
    [InlineData(Fen.StartPosition, 3, 8_902L)]
    [InlineData(Fen.StartPosition, 4, 197_281L)]
    [InlineData(Fen.StartPosition, 5, 4_865_609L)]
    [InlineData(Kiwipete, 1, 48L)]
    [InlineData(Kiwipete, 2, 2_039L)]
    [InlineData(Kiwipete, 3, 97_862L)]
    [InlineData(Kiwipete, 4, 4_085_603L)]
    [InlineData(Position3, 1, 14L)]
    [InlineData(Position3, 2, 191L)]
    [InlineData(Position3, 3, 2_812L)]
    [InlineData(Position3, 4, 43_238L)]
    [InlineData(Position3, 5, 674_624L)]
    [InlineData(Position4, 1, 6L)]
    [InlineData(Position4, 2, 264L)]
    [InlineData(Position4, 3, 9_467L)]
    [InlineData(Position4, 4, 422_333L)]
    [InlineData(Position4Mirrored, 4, 422_333L)]
    [InlineData(Position5, 1, 44L)]
    [InlineData(Position5, 2, 1_486L)]
    [InlineData(Position5, 3, 62_379L)]
    [InlineData(Position5, 4, 2_103_487L)]
    [InlineData(Position6, 1, 46L)]
    [InlineData(Position6, 2, 2_079L)]
    [InlineData(Position6, 3, 89_890L)]
    [InlineData(Position6, 4, 3_894_594L)]
    public void Count_StandardPositions_MatchPublishedNumbers(string fen, int depth, long expected) =>
        Assert.Equal(expected, Count(fen, depth));

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(Fen.StartPosition, 6, 119_060_324L)]
    [InlineData(Kiwipete, 5, 193_690_690L)]
    [InlineData(Position3, 6, 11_030_083L)]
    [InlineData(Position4, 5, 15_833_292L)]
    [InlineData(Position5, 5, 89_941_194L)]
    [InlineData(Position6, 5, 164_075_551L)]
    public void Count_StandardPositionsDeep_MatchPublishedNumbers(string fen, int depth, long expected) =>
        Assert.Equal(expected, Count(fen, depth));
}
