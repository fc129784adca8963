using Zero.Uci.Time;

namespace Zero.Uci.Tests.Time;

/// <summary>
/// The Go time manager never loses on time: whole games are simulated on each clock kind, every move taking its budget
/// plus the overhead (the worst case the overhead is meant for), and the clock must never run out (sudden death: for
/// games up to 1.4·N² plies, as no budget can pay the overhead of an endless game).
/// </summary>
public sealed class GoTimeManagerTests
{
    private static readonly TimeSpan Overhead = TimeSpan.FromMilliseconds(100);

    public static TheoryData<string> Clocks() => ["absolute 60", "absolute 40", "canadian 30 10 5", "canadian 0 5 10", "japanese 10 1 3", "fischer 5 1", "fischer 1 0.5"];

    private static GoClock Make(string spec)
    {
        string[] w = spec.Split(' ');
        double[] v = w.Skip(1).Select(s => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var clock = new GoClock();
        switch (w[0])
        {
            case "absolute": clock.Set(GoTimeSystem.Absolute, TimeSpan.FromSeconds(v[0])); break;
            case "canadian": clock.Set(GoTimeSystem.Canadian, TimeSpan.FromSeconds(v[0]), TimeSpan.FromSeconds(v[1]), (int)v[2]); break;
            case "japanese": clock.Set(GoTimeSystem.Japanese, TimeSpan.FromSeconds(v[0]), TimeSpan.FromSeconds(v[1]), periods: (int)v[2]); break;
            default: clock.Set(GoTimeSystem.Fischer, TimeSpan.FromSeconds(v[0]), increment: TimeSpan.FromSeconds(v[1])); break;
        }
        return clock;
    }

    [Theory]
    [MemberData(nameof(Clocks))]
    public void Budget_WholeGameAtBudgetPlusOverhead_NeverRunsOut(string spec)
    {
        foreach (int size in new[] { 9, 19 })
        {
            GoClock clock = Make(spec);
            TimeSpan total = TimeSpan.Zero;
            // sudden death cannot outlast every game when each move costs the overhead: long games (1.4·N² plies) are the bar
            int plies = clock.System == GoTimeSystem.Absolute ? (int)(1.4 * size * size) : 3 * size * size;
            for (int ply = 0; ply < plies; ply += 2)
            {
                TimeSpan used = GoTimeManager.Budget(clock, size, ply, Overhead)!.Value + Overhead;
                // what the move may use: the clock's remaining time, plus one byo-yomi share in main time
                TimeSpan limit = clock.System switch
                {
                    GoTimeSystem.Absolute => clock.Remaining,
                    GoTimeSystem.Fischer => clock.Remaining,
                    GoTimeSystem.Japanese => clock.InByoYomi ? clock.ByoYomiTime : clock.Remaining + clock.ByoYomiTime,
                    _ => clock.InByoYomi ? clock.Remaining : clock.Remaining + clock.ByoYomiTime / clock.ByoYomiStones,
                };
                Assert.True(used <= limit, $"{spec} on {size}x{size}, ply {ply}: {used.TotalMilliseconds:0} ms used, {limit.TotalMilliseconds:0} ms allowed");
                if (clock.System == GoTimeSystem.Japanese && clock.InByoYomi)
                {
                    Assert.Equal(clock.Periods, clock.PeriodsLeft);
                }
                clock.Spend(used);
                total += used;
            }
            Assert.True(total > TimeSpan.Zero);
        }
    }

    [Fact]
    public void Budget_NoClock_IsNull() => Assert.Null(GoTimeManager.Budget(new GoClock(), 19, 0, Overhead));

    [Fact]
    public void Budget_EarlyAbsolute_UsesAShareNotEverything()
    {
        GoClock clock = Make("absolute 60");
        TimeSpan budget = GoTimeManager.Budget(clock, 9, 0, Overhead)!.Value;
        Assert.InRange(budget.TotalSeconds, 0.5, 5);
    }

    [Fact]
    public void Update_TimeLeftWithStones_EntersByoYomi()
    {
        GoClock clock = Make("canadian 30 10 5");
        clock.Update(TimeSpan.FromSeconds(4), 2);
        Assert.True(clock.InByoYomi);
        Assert.Equal(2, clock.StonesLeft);
        TimeSpan budget = GoTimeManager.Budget(clock, 9, 40, Overhead)!.Value;
        Assert.True(budget + Overhead <= TimeSpan.FromSeconds(2), $"{budget} for 2 stones in 4 s");
    }
}
