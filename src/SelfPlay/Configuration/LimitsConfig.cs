namespace Zero.SelfPlay.Configuration;

/// <summary>The limits section of a run config: when `zero train` stops (it can always be resumed).</summary>
public sealed record LimitsConfig
{
    /// <summary>Stop after this many generations in total (0 = no limit).</summary>
    public int Generations { get; init; }

    /// <summary>Stop after this much wall time in this session ("90s", "10m", "2h", "1h30m"; empty = no limit).</summary>
    public string Time { get; init; } = "";
}
