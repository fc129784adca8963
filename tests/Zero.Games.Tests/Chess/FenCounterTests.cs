using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>
/// Issue 15, findings 11 and 13: FEN clocks above 9999 are read (a GUI's long game reaches them), the range is named
/// when a clock is out of it, and play saturates the 16-bit counters instead of wrapping to an unreadable FEN.
/// </summary>
public sealed class FenCounterTests
{
    [Theory]
    [InlineData("4k3/8/8/8/8/8/8/4K2N w - - 120 10000")]
    [InlineData("4k3/8/8/8/8/8/8/4K2N b - - 65535 65535")]
    public void TryParse_CountersAbove9999_RoundTrip(string fen)
    {
        Assert.True(Fen.TryParse(fen, out ChessBoard board, out string? error), error);
        Assert.Equal(fen, Fen.Format(in board));
    }

    [Theory]
    [InlineData("4k3/8/8/8/8/8/8/4K2N w - - 65536 1", "0 to 65535")]
    [InlineData("4k3/8/8/8/8/8/8/4K2N w - - 0 99999999999", "1 to 65535")]
    [InlineData("4k3/8/8/8/8/8/8/4K2N w - - 0 0", "1 to 65535")]
    public void TryParse_CounterOutOfRange_NamesTheRange(string fen, string range)
    {
        Assert.False(Fen.TryParse(fen, out _, out string? error));
        Assert.Contains(range, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_AtTheLargestCounters_SaturatesAndStaysReadable()
    {
        Assert.True(Fen.TryParse("4k3/8/8/8/8/8/8/4K2N b - - 65535 65535", out ChessBoard board, out _));
        Span<ChessMove> moves = stackalloc ChessMove[ChessPosition.MaxMoves];
        board.GenerateMoves(moves);
        ChessBoard next = board.Play(moves[0]);
        Assert.Equal(ChessBoard.MaxCounter, next.HalfmoveClock);
        Assert.Equal(ChessBoard.MaxCounter, next.FullmoveNumber);
        Assert.True(Fen.TryParse(Fen.Format(in next), out _, out string? error), error);
    }
}
