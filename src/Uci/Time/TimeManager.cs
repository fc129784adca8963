namespace Zero.Uci.Time;

/// <summary>
/// How long to think on one move, given the clock the GUI sends with `go`. Never forfeits by construction:
/// the move overhead is taken off first, then the budget is a share of what is left, capped so that a reserve
/// always remains. Called by <see cref="Protocol.UciEngine"/> for every timed `go` (and again at `ponderhit`).
/// </summary>
/// <remarks>
/// 1. `movetime`: exactly that, minus the overhead (at least 1 ms).
/// 2. Otherwise now = our time − overhead, and m = the moves still to play: `movestogo` when given (capped at 50),
///    else an estimate that shrinks as the game goes on (max(20, 50 − fullmove/2)) — sudden death keeps a long tail.
/// 3. Over those m moves we will have now + (increment − overhead)·(m − 1): every future move also costs the overhead
///    (as in Stockfish's time manager), so a low clock without increment is kept for the latency of the moves to come.
///    Target = that / m · slowmover.
/// 4. Cap: never more than 40 % of now (70 % when this is the last move before the control), so a reserve is always
///    left; and never below 1 ms.
/// </remarks>
public static class TimeManager
{
    /// <summary>The budget for this move; null when there is no clock (infinite or node/depth searches).</summary>
    public static TimeSpan? Budget(TimeControl clock, int fullmoveNumber, TimeSpan overhead, double slowmover = 1.0)
    {
        if (clock.MoveTime is { } fixedTime)
        {
            return Max(fixedTime - overhead, TimeSpan.FromMilliseconds(1));
        }
        if (clock.Remaining is not { } remaining)
        {
            return null;
        }
        double inc = (clock.Increment ?? TimeSpan.Zero).TotalMilliseconds;
        double ovh = overhead.TotalMilliseconds;
        double now = Math.Max(0, remaining.TotalMilliseconds - ovh);
        double moves = clock.MovesToGo is > 0 and var n ? Math.Min(n, 50) : Math.Max(20, 50 - fullmoveNumber / 2.0);
        double horizon = Math.Max(0, now + (inc - ovh) * (moves - 1));
        double target = horizon / moves * slowmover;
        double cap = now * (clock.MovesToGo == 1 ? 0.7 : 0.4);
        double budget = Math.Max(1, Math.Min(target, cap));
        return TimeSpan.FromMilliseconds(budget);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
