namespace Zero.Arena.Statistics;

/// <summary>
/// Elo difference from a match score, with a 95% interval from the normal approximation of the score's standard
/// error (trinomial: wins, draws, losses). Used by the evaluation stage (generation vs previous generation and vs
/// baselines) and by the per-generation Elo curve, where a generation's Elo is the previous one's plus the
/// difference measured between the two. A score of 0 or 1 has no finite Elo: it is reported as the bound of
/// ±<see cref="MaxDifference"/> (shown as "≥" / "≤" by reports).
/// </summary>
public readonly record struct EloEstimate(double Difference, double Low, double High)
{
    /// <summary>The largest difference reported (a 100% or 0% score).</summary>
    public const double MaxDifference = 800;

    /// <summary>Elo difference for an expected score <paramref name="score"/> in (0, 1): −400·log10(1/score − 1).</summary>
    public static double FromScore(double score)
    {
        if (score <= 0)
        {
            return -MaxDifference;
        }
        if (score >= 1)
        {
            return MaxDifference;
        }
        return Math.Clamp(-400 * Math.Log10(1 / score - 1), -MaxDifference, MaxDifference);
    }

    /// <summary>The expected score of a player <paramref name="difference"/> Elo stronger: 1 / (1 + 10^(−d/400)).</summary>
    public static double ExpectedScore(double difference) => 1 / (1 + Math.Pow(10, -difference / 400));

    /// <summary>The estimate from a match's wins, draws and losses (counted for the player measured).</summary>
    public static EloEstimate FromResults(int wins, int draws, int losses)
    {
        int n = wins + draws + losses;
        if (n == 0)
        {
            return new EloEstimate(0, -MaxDifference, MaxDifference);
        }
        double score = (wins + 0.5 * draws) / n;
        double variance = (wins * Math.Pow(1 - score, 2) + draws * Math.Pow(0.5 - score, 2) + losses * Math.Pow(score, 2)) / n;
        double se = Math.Sqrt(variance / n);
        return new EloEstimate(FromScore(score), FromScore(score - 1.96 * se), FromScore(score + 1.96 * se));
    }

    public override string ToString() =>
        Difference >= MaxDifference ? $"≥ +{MaxDifference:0}"
        : Difference <= -MaxDifference ? $"≤ −{MaxDifference:0}"
        : $"{Difference:+0;-0;0} ({Low:+0;-0;0} … {High:+0;-0;0})";
}
