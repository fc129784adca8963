using Zero.Uci.Protocol;

namespace Zero.Uci.Tests.Protocol;

public sealed class GoParametersTests
{
    private static GoParameters Parse(string words)
    {
        Assert.True(GoParameters.TryParse(words.Split(' ', StringSplitOptions.RemoveEmptyEntries), out GoParameters p, out string? error), error);
        return p;
    }

    [Fact]
    public void TryParse_EveryWord_IsRead()
    {
        GoParameters p = Parse("wtime 1000 btime 2000 winc 10 binc 20 movestogo 5 depth 7 nodes 300 movetime 400 ponder searchmoves e2e4 d2d4 infinite");
        Assert.Equal(TimeSpan.FromMilliseconds(1000), p.WTime);
        Assert.Equal(TimeSpan.FromMilliseconds(2000), p.BTime);
        Assert.Equal(TimeSpan.FromMilliseconds(10), p.WInc);
        Assert.Equal(TimeSpan.FromMilliseconds(20), p.BInc);
        Assert.Equal(5, p.MovesToGo);
        Assert.Equal(7, p.Depth);
        Assert.Equal(300, p.Nodes);
        Assert.Equal(TimeSpan.FromMilliseconds(400), p.MoveTime);
        Assert.True(p.Ponder);
        Assert.True(p.Infinite);
        Assert.Equal(["e2e4", "d2d4"], p.SearchMoves);
        Assert.Equal(TimeSpan.FromMilliseconds(2000), p.ClockFor(1).Remaining);
    }

    [Fact]
    public void TryParse_Nothing_IsUnlimited() => Assert.True(Parse("").Unlimited);

    [Fact]
    public void TryParse_NegativeClock_IsZero() => Assert.Equal(TimeSpan.Zero, Parse("wtime -50 btime 100").WTime);

    [Theory]
    [InlineData("wtime")]
    [InlineData("wtime soon")]
    [InlineData("fast 100")]
    public void TryParse_BadWords_FailWithReason(string words)
    {
        Assert.False(GoParameters.TryParse(words.Split(' '), out _, out string? error));
        Assert.Contains("go:", error, StringComparison.Ordinal);
    }
}
