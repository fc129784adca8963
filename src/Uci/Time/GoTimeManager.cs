namespace Zero.Uci.Time;

/// <summary>
/// How long `zero gtp` thinks on one move under a <see cref="GoClock"/>. Never loses on time by construction: the
/// overhead (pipes, the controller, the last playouts) is taken off every move first, and every budget leaves a
/// reserve. Called by <see cref="Gtp.GtpEngine"/> for each genmove.
/// </summary>
/// <remarks>
/// m = the moves we still expect to play, on the long side: max(N²/5, (1.2·N² − ply)/2) on an N×N board (a 9×9 game
/// lasts 60 to 110 plies, a 19×19 one about 250; passes and captures at the end make long games).
/// 1. Absolute: (remaining − m·overhead)/m, at most 25 % of what is left.
/// 2. Fischer: (remaining − overhead)/m + 0.8·(increment − overhead), at most 40 % of remaining − overhead.
/// 3. Canadian and Japanese in main time: min(main/m, 40 % of main) − overhead, but at least one byo-yomi share
///    (below): a move that overruns the main time is charged to the first block or period, which that share fits.
/// 4. Canadian in byo-yomi: (block time left − stones·overhead)/stones·0.9 — the block is split evenly over its
///    stones. Japanese in byo-yomi: 0.8 · period − overhead (a period is never spent).
/// Never below 1 ms; no clock gives null (think to the playout limit).
/// </remarks>
public static class GoTimeManager
{
    /// <summary>The moves we still expect to play on a <paramref name="size"/> board at <paramref name="ply"/>.</summary>
    public static double MovesLeft(int size, int ply) => Math.Max(size * size / 5.0, (1.2 * size * size - ply) / 2);

    /// <summary>The budget for this move, or null when there is no clock.</summary>
    public static TimeSpan? Budget(GoClock clock, int size, int ply, TimeSpan overhead)
    {
        double ovh = overhead.TotalMilliseconds;
        double m = Math.Max(1, MovesLeft(size, ply));
        double rem = clock.Remaining.TotalMilliseconds;
        double ms;
        switch (clock.System)
        {
            case GoTimeSystem.None:
                return null;
            case GoTimeSystem.Absolute:
                ms = Math.Min((rem - m * ovh) / m, 0.25 * rem - ovh);
                break;
            case GoTimeSystem.Fischer:
                double inc = clock.Increment.TotalMilliseconds;
                ms = Math.Min((rem - ovh) / m + 0.8 * Math.Max(0, inc - ovh), 0.4 * (rem + inc) - ovh);
                break;
            default:
                if (!clock.InByoYomi)
                {
                    double share = clock.System == GoTimeSystem.Canadian
                        ? ByoYomiShare(clock.ByoYomiTime.TotalMilliseconds, Math.Max(1, clock.ByoYomiStones), ovh)
                        : 0.8 * clock.ByoYomiTime.TotalMilliseconds - ovh;
                    ms = Math.Max(Math.Min(rem / m, 0.4 * rem) - ovh, share);
                }
                else if (clock.System == GoTimeSystem.Canadian)
                {
                    ms = ByoYomiShare(rem, Math.Max(1, clock.StonesLeft), ovh);
                }
                else
                {
                    ms = 0.8 * clock.ByoYomiTime.TotalMilliseconds - ovh;
                }
                break;
        }
        return TimeSpan.FromMilliseconds(Math.Max(1, ms));
    }

    private static double ByoYomiShare(double blockLeft, int stones, double overhead) => (blockLeft - stones * overhead) / stones * 0.9;
}
