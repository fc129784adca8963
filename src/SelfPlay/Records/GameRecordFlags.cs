namespace Zero.SelfPlay.Records;

/// <summary>
/// How a stored game ended and how it was played. Written by the self-play workers, read by the trainer (which
/// uses the outcome of every game) and by the resignation check (which counts false positives among the games
/// that were played out although the resign rule fired).
/// </summary>
[Flags]
public enum GameRecordFlags : byte
{
    None = 0,

    /// <summary>The game ended when one side resigned; the outcome is the resigning side's loss.</summary>
    Resigned = 1,

    /// <summary>Resignation was switched off for this game so it was played out (the false-positive sample).</summary>
    ResignDisabled = 2,

    /// <summary>The game hit the ply limit and was adjudicated a draw.</summary>
    Truncated = 4,
}
