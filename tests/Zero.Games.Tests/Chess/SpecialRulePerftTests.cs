using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>
/// Perft from positions that each exercise one special rule, with the reason beside each case. Most come from Peter
/// Ellis Jones's published suite; every count was checked again with Stockfish 15.1's <c>go perft</c>.
/// </summary>
public sealed class SpecialRulePerftTests
{
    [Theory]
    // en passant that would expose the own king along the rank or diagonal must not be generated
    [InlineData("8/5bk1/8/2Pp4/8/1K6/8/8 w - d6 0 1", 6, 824_064L)]
    [InlineData("8/8/1k6/8/2pP4/8/5BK1/8 b - d3 0 1", 6, 824_064L)]
    // en passant discovered check along the fifth rank: both pawns leave it and the rook sees the king (5, not 6)
    [InlineData("8/8/8/K1pP3r/8/8/8/7k w - c6 0 1", 1, 5L)]
    // en passant capture that gives check to the opponent
    [InlineData("8/8/1k6/2b5/2pP4/8/5K2/8 b - d3 0 1", 6, 1_440_467L)]
    // castling that gives check (the rook lands on the king's file)
    [InlineData("5k2/8/8/8/8/8/8/4K2R w K - 0 1", 6, 661_072L)]
    [InlineData("3k4/8/8/8/8/8/8/R3K3 w Q - 0 1", 6, 803_711L)]
    // castling rights lost when a rook is captured on its home square (bishops and queen hit the corners)
    [InlineData("r3k2r/1b4bq/8/8/8/8/7B/R3K2R w KQkq - 0 1", 4, 1_274_206L)]
    [InlineData("r3k2r/8/8/8/8/8/6b1/R3K2R b KQkq - 0 1", 3, 22_268L)]
    [InlineData("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", 4, 314_346L)]
    // castling prevented: through or into attacked squares
    [InlineData("r3k2r/8/3Q4/8/8/5q2/8/R3K2R b KQkq - 0 1", 4, 1_720_476L)]
    // promotion out of check and promotion with capture (c7c8 and c7xb8, four pieces each, plus five king moves)
    [InlineData("2K2r2/4P3/8/8/8/8/8/3k4 w - - 0 1", 6, 3_821_001L)]
    [InlineData("1n2k3/2P5/8/8/8/8/8/4K3 w - - 0 1", 1, 13L)]
    [InlineData("1n2k3/2P5/8/8/8/8/8/4K3 w - - 0 1", 4, 6_846L)]
    // promotion (and under-promotion) giving check
    [InlineData("4k3/1P6/8/8/8/8/K7/8 w - - 0 1", 6, 217_342L)]
    [InlineData("8/P1k5/K7/8/8/8/8/8 w - - 0 1", 6, 92_683L)]
    // discovered check
    [InlineData("8/8/1P2K3/8/2n5/1q6/8/5k2 b - - 0 1", 5, 1_004_658L)]
    // double check (rook h1 along the rank and knight f3): only king moves, Rxf3 is illegal
    [InlineData("4k3/8/8/8/8/R4n2/8/4K2r w - - 0 1", 1, 2L)]
    [InlineData("4k3/8/8/8/8/R4n2/8/4K2r w - - 0 1", 4, 18_044L)]
    // stalemate: the side to move has no legal move and is not in check
    [InlineData("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1", 1, 0L)]
    // self-stalemate and stalemate/checkmate deep in the tree
    [InlineData("K1k5/8/P7/8/8/8/8/8 w - - 0 1", 6, 2_217L)]
    [InlineData("8/k1P5/8/1K6/8/8/8/8 w - - 0 1", 7, 567_584L)]
    [InlineData("8/8/2k5/5q2/5n2/8/5K2/8 b - - 0 1", 4, 23_527L)]
    public void Count_SpecialRulePositions_MatchStockfish(string fen, int depth, long expected)
    {
        Assert.True(Fen.TryParse(fen, out ChessBoard board, out string? error), error);
        Assert.Equal(expected, Perft.Count(in board, depth));
    }

    [Fact]
    public void Divide_WithThreads_MatchesSingleThread()
    {
        Assert.True(Fen.TryParse(PerftTests.Kiwipete, out ChessBoard board, out _));
        var one = Perft.Divide(board, 3, 1);
        var four = Perft.Divide(board, 3, 4);
        Assert.Equal(one, four);
        Assert.Equal(97_862L, one.Sum(x => x.Nodes));
        Assert.Equal(97_862L, Perft.Run(board, 3, 3));
    }
}
