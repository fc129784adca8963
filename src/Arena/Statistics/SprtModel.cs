namespace Zero.Arena.Statistics;

/// <summary>
/// What elo0 and elo1 of an <see cref="Sprt"/> measure: normalized Elo (fishtest's and fastchess's default: the
/// t-value of the pair score, so the test length does not depend on the draw rate) or logistic Elo (the expected
/// score 1/(1 + 10^(−elo/400))).
/// </summary>
public enum SprtModel
{
    Normalized,
    Logistic,
}
