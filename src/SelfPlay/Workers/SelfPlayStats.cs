namespace Zero.SelfPlay.Workers;

/// <summary>
/// Counters of one self-play phase, shown by the live view and written to the metrics file. The resignation
/// counters measure the false-positive rate: among the games played out with resignation disabled in which the
/// resign rule fired, the share the would-be resigner did not lose.
/// </summary>
public sealed record SelfPlayStats(
    int Games,
    long Positions,
    TimeSpan Elapsed,
    int FirstPlayerWins,
    int Draws,
    int FirstPlayerLosses,
    int Resigned,
    int ResignChecks,
    int ResignFalsePositives)
{
    /// <summary>Positions (moves) stored per second of wall time.</summary>
    public double PositionsPerSecond => Elapsed > TimeSpan.Zero ? Positions / Elapsed.TotalSeconds : 0;

    /// <summary>Share of checked would-be resignations that were wrong (NaN when none was checked).</summary>
    public double ResignFalsePositiveRate => ResignChecks == 0 ? double.NaN : (double)ResignFalsePositives / ResignChecks;

    /// <summary>Mean plies per game.</summary>
    public double MeanLength => Games == 0 ? 0 : (double)Positions / Games;
}
