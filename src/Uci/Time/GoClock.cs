namespace Zero.Uci.Time;

/// <summary>
/// One player's Go clock as GTP describes it: the system and its settings (time_settings, kgs-time_settings,
/// kata-time_settings) and the current state (time_left, or the engine's own bookkeeping after each genmove when the
/// controller sends no time_left). Mutable and owned by one <see cref="Gtp.GtpEngine"/>; <see cref="GoTimeManager"/>
/// turns it into a budget for one move.
/// </summary>
public sealed class GoClock
{
    /// <summary>The clock kind.</summary>
    public GoTimeSystem System { get; private set; } = GoTimeSystem.None;

    /// <summary>Main time as set.</summary>
    public TimeSpan MainTime { get; private set; }

    /// <summary>Canadian: time for a block of stones; Japanese: one period.</summary>
    public TimeSpan ByoYomiTime { get; private set; }

    /// <summary>Canadian: stones per block.</summary>
    public int ByoYomiStones { get; private set; }

    /// <summary>Japanese: number of periods.</summary>
    public int Periods { get; private set; }

    /// <summary>Fischer: time added after each move.</summary>
    public TimeSpan Increment { get; private set; }

    /// <summary>Time left now: main time, or (in byo-yomi) the current block or period.</summary>
    public TimeSpan Remaining { get; private set; }

    /// <summary>Canadian byo-yomi: stones still to play in the current block; 0 while in main time.</summary>
    public int StonesLeft { get; private set; }

    /// <summary>Japanese: periods left once main time is spent (0 while in main time means "all").</summary>
    public int PeriodsLeft { get; private set; }

    /// <summary>True once main time is used up and byo-yomi runs.</summary>
    public bool InByoYomi { get; private set; }

    /// <summary>Sets a new clock and starts it full.</summary>
    public void Set(GoTimeSystem system, TimeSpan main, TimeSpan byoYomi = default, int stones = 0, int periods = 0, TimeSpan increment = default)
    {
        System = system;
        MainTime = main;
        ByoYomiTime = byoYomi;
        ByoYomiStones = stones;
        Periods = periods;
        Increment = increment;
        Remaining = main;
        StonesLeft = 0;
        PeriodsLeft = periods;
        InByoYomi = false;
        if (main <= TimeSpan.Zero && system is GoTimeSystem.Canadian or GoTimeSystem.Japanese)
        {
            EnterByoYomi();
        }
    }

    /// <summary>
    /// GTP time_left: <paramref name="stones"/> 0 means main time (or the whole time of absolute and Fischer clocks);
    /// more means byo-yomi with that many stones (Canadian) or periods (Japanese, as kgsGtp sends) left.
    /// </summary>
    public void Update(TimeSpan left, int stones)
    {
        Remaining = left < TimeSpan.Zero ? TimeSpan.Zero : left;
        if (stones > 0 && System is GoTimeSystem.Canadian or GoTimeSystem.Japanese)
        {
            InByoYomi = true;
            StonesLeft = System == GoTimeSystem.Canadian ? stones : 0;
            PeriodsLeft = System == GoTimeSystem.Japanese ? stones : PeriodsLeft;
        }
        else
        {
            InByoYomi = false;
            StonesLeft = 0;
        }
    }

    /// <summary>Bookkeeping after our own move took <paramref name="used"/> (the controller may overwrite it with time_left).</summary>
    public void Spend(TimeSpan used)
    {
        switch (System)
        {
            case GoTimeSystem.None:
                return;
            case GoTimeSystem.Fischer:
                Remaining = Max(Remaining - used, TimeSpan.Zero) + Increment;
                return;
            case GoTimeSystem.Absolute:
                Remaining = Max(Remaining - used, TimeSpan.Zero);
                return;
        }
        if (!InByoYomi)
        {
            if (used < Remaining)
            {
                Remaining -= used;
                return;
            }
            used -= Remaining;
            EnterByoYomi();
        }
        if (System == GoTimeSystem.Canadian)
        {
            Remaining = Max(Remaining - used, TimeSpan.Zero);
            if (--StonesLeft <= 0)
            {
                Remaining = ByoYomiTime;
                StonesLeft = ByoYomiStones;
            }
        }
        else
        {
            while (used >= ByoYomiTime && PeriodsLeft > 1)
            {
                used -= ByoYomiTime;
                PeriodsLeft--;
            }
            Remaining = ByoYomiTime;
        }
    }

    private void EnterByoYomi()
    {
        InByoYomi = true;
        Remaining = ByoYomiTime;
        StonesLeft = ByoYomiStones;
        PeriodsLeft = Math.Max(Periods, 1);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
}
