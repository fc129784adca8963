namespace Zero.Arena.Participants;

/// <summary>
/// An engine's evaluation from its own side, as UCI `info score cp N` or `score mate N` gives it. Read by the draw
/// and resign adjudication (fastchess's rules: a mate score invalidates a draw count and counts for resigning).
/// </summary>
public readonly record struct EngineScore(int Centipawns, int? Mate)
{
    /// <summary>True for a mate score (in either direction).</summary>
    public bool IsMate => Mate is not null;

    /// <summary>True when the engine sees itself losing by at least <paramref name="threshold"/> centipawns, or mated.</summary>
    public bool IsLosingBy(int threshold) => Mate is { } m ? m < 0 : Centipawns <= -threshold;

    /// <summary>True when the engine sees itself winning by at least <paramref name="threshold"/> centipawns, or mating.</summary>
    public bool IsWinningBy(int threshold) => Mate is { } m ? m > 0 : Centipawns >= threshold;
}
