using Zero.Uci.Time;

namespace Zero.Uci.Tests.Time;

public sealed class TimeManagerTests
{
    private static readonly TimeSpan Overhead = TimeSpan.FromMilliseconds(100);

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    [Fact]
    public void Budget_MoveTime_IsMoveTimeLessOverhead() =>
        Assert.Equal(Ms(900), TimeManager.Budget(new TimeControl(null, MoveTime: Ms(1000)), 1, Overhead));

    [Fact]
    public void Budget_NoClock_IsNull() => Assert.Null(TimeManager.Budget(new TimeControl(null), 1, Overhead));

    [Theory]
    [InlineData(60000, 0, 0)]
    [InlineData(10000, 100, 0)]
    [InlineData(300, 0, 0)]
    [InlineData(50, 0, 0)]
    [InlineData(120000, 0, 40)]
    [InlineData(5000, 0, 1)]
    [InlineData(1000, 2000, 0)]
    public void Budget_AnyClock_LeavesReserveBeyondOverhead(int remaining, int increment, int movesToGo)
    {
        var clock = new TimeControl(Ms(remaining), Ms(increment), movesToGo == 0 ? null : movesToGo);
        TimeSpan budget = TimeManager.Budget(clock, 30, Overhead)!.Value;
        double available = Math.Max(0, remaining - Overhead.TotalMilliseconds);
        double share = movesToGo == 1 ? 0.7 : 0.4;
        Assert.InRange(budget.TotalMilliseconds, 1, Math.Max(1, available * share));
    }

    [Fact]
    public void Budget_MoreTime_NeverLess()
    {
        TimeSpan previous = TimeSpan.Zero;
        for (int t = 100; t <= 100_000; t += 500)
        {
            TimeSpan b = TimeManager.Budget(new TimeControl(Ms(t), Ms(100)), 20, Overhead)!.Value;
            Assert.True(b >= previous, $"{t} ms left gave {b} < {previous}");
            previous = b;
        }
    }

    /// <summary>
    /// Simulates whole games: each move takes its budget plus a latency below the overhead. Sudden death without
    /// increment is checked over a realistic game length (every move costs at least the latency, so no clock survives
    /// an endless game); with increment or moves-to-go over 300 moves.
    /// </summary>
    [Theory]
    [InlineData(10_000, 100, 0, 300, 50)]
    [InlineData(1_000, 100, 0, 300, 50)]
    [InlineData(10_000, 0, 0, 100, 20)]
    [InlineData(60_000, 0, 0, 150, 30)]
    [InlineData(60_000, 0, 40, 300, 50)]
    [InlineData(3_000, 0, 10, 300, 50)]
    [InlineData(500, 0, 1, 300, 50)]
    public void Budget_WholeGame_NeverForfeits(int baseMs, int incrementMs, int movesPerControl, int moves, int latencyMs)
    {
        double clock = baseMs;
        int toGo = movesPerControl;
        for (int move = 1; move <= moves; move++)
        {
            var control = new TimeControl(Ms(clock), Ms(incrementMs), movesPerControl == 0 ? null : toGo);
            double spent = TimeManager.Budget(control, move, Overhead)!.Value.TotalMilliseconds + latencyMs;
            clock -= spent;
            Assert.True(clock > 0, $"flag fell on move {move} ({baseMs}+{incrementMs}, {movesPerControl} moves per control)");
            clock += incrementMs;
            if (movesPerControl > 0 && --toGo == 0)
            {
                clock += baseMs;
                toGo = movesPerControl;
            }
        }
    }
}
