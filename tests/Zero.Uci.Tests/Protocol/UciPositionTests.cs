using Zero.Games.Chess;
using Zero.Uci.Protocol;

namespace Zero.Uci.Tests.Protocol;

public sealed class UciPositionTests
{
    [Theory]
    [InlineData("position startpos", "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1")]
    [InlineData("position startpos moves e2e4 d7d5 e4e5 f7f5 e5f6", "rnbqkbnr/ppp1p1pp/5P2/3p4/8/8/PPPP1PPP/RNBQKBNR b KQkq - 0 3")]
    [InlineData("position fen r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1 moves e1g1 e8c8", "2kr3r/8/8/8/8/8/8/R4RK1 w - - 2 2")]
    [InlineData("position fen 8/1P4k1/8/8/8/8/6K1/8 w - - 0 1 moves b7b8n", "1N6/6k1/8/8/8/8/6K1/8 b - - 0 1")]
    [InlineData("position   startpos   moves  g1f3  ", "rnbqkbnr/pppppppp/8/8/8/5N2/PPPPPPPP/RNBQKB1R b KQkq - 1 1")]
    public void TryParse_SpecialMoves_GivesExpectedFen(string line, string fen)
    {
        Assert.True(UciPosition.TryParse(line, out ChessPosition p, out string? error), error);
        Assert.Equal(fen, p.Fen);
    }

    [Theory]
    [InlineData("position fen not/a/fen w - - 0 1")]
    [InlineData("position startpos moves e2e5")]
    [InlineData("position startpos moves e2e4 e7e5 e1g1")]
    [InlineData("position")]
    [InlineData("position middlegame")]
    public void TryParse_BadInput_FailsWithReason(string line)
    {
        Assert.False(UciPosition.TryParse(line, out _, out string? error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void TryParse_MovesAfterThreefoldRepetition_AreStillPlayed()
    {
        string shuffle = string.Concat(Enumerable.Repeat(" g1f3 g8f6 f3g1 f6g8", 3));
        Assert.True(UciPosition.TryParse("position startpos moves" + shuffle + " e2e4", out ChessPosition p, out string? error), error);
        Assert.Equal(PieceType.Pawn, p.Board.PieceAt(28));
        Assert.Null(p.Outcome);
    }

    [Fact]
    public void SearchableRoot_DrawnByRepetitionWithMovesLeft_GivesPlayableRoot()
    {
        string shuffle = string.Concat(Enumerable.Repeat(" g1f3 g8f6 f3g1 f6g8", 2));
        Assert.True(UciPosition.TryParse("position startpos moves" + shuffle, out ChessPosition p, out _));
        Assert.NotNull(p.Outcome);
        Assert.True(UciPosition.SearchableRoot(p, out ChessPosition root));
        Assert.Null(root.Outcome);
        Assert.Equal(p.Board.Hash, root.Board.Hash);
    }

    [Fact]
    public void SearchableRoot_Checkmate_IsFalse()
    {
        Assert.True(UciPosition.TryParse("position startpos moves f2f3 e7e5 g2g4 d8h4", out ChessPosition p, out _));
        Assert.False(UciPosition.SearchableRoot(p, out _));
    }
}
