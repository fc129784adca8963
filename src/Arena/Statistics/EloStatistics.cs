namespace Zero.Arena.Statistics;

/// <summary>
/// Elo, its 95% interval, normalized Elo (nElo), the likelihood of superiority and the draw ratio of a match played
/// in pairs, computed from the pentanomial counts as fastchess does (app/src/matchmaking/elo/elo_pentanomial.cpp):
/// score = WW + ¾WD + ½(WL+DD) + ¼LD over pairs, var = Σ pᵢ(aᵢ − score)², interval score ± 1.96·√(var/pairs)
/// mapped to Elo (half its width is the ±), nElo = (score − ½)/√(2·var) · 800/ln 10, LOS = (1 − erf(−(score − ½)/√(2·var/pairs)))/2.
/// Used by the tournament's reports and JSON summary and by training's evaluation. Values that have no finite Elo
/// (a score of 0 or 1, no variance) are infinities or NaN; reports print them as such and JSON as null.
/// </summary>
public sealed record EloStatistics(
    int Pairs, double Score, double Elo, double EloError, double NElo, double NEloError, double Los, double Variance)
{
    /// <summary>800 / ln 10: nElo per unit of t-value (fishtest's nelo_divided_by_nt).</summary>
    public const double NEloPerT = 347.43558552260146;

    private static readonly double[] PairScores = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>The statistics of <paramref name="counts"/>; zero pairs give a score of ½ and NaN everything else.</summary>
    public static EloStatistics From(Pentanomial counts)
    {
        int n = counts.Pairs;
        if (n == 0)
        {
            return new EloStatistics(0, 0.5, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }
        int[] c = counts.Counts;
        double score = 0;
        for (int i = 0; i < 5; i++)
        {
            score += PairScores[i] * c[i] / n;
        }
        double variance = 0;
        for (int i = 0; i < 5; i++)
        {
            variance += (double)c[i] / n * (PairScores[i] - score) * (PairScores[i] - score);
        }
        double margin = 1.96 * Math.Sqrt(variance / n);
        double elo = EloFromScore(score);
        double error = (EloFromScore(score + margin) - EloFromScore(score - margin)) / 2;
        double nElo = (score - 0.5) / Math.Sqrt(2 * variance) * NEloPerT;
        double nEloError = margin / Math.Sqrt(2 * variance) * NEloPerT;
        double los = (1 - Erf(-(score - 0.5) / Math.Sqrt(2 * variance / n))) / 2;
        return new EloStatistics(n, score, elo, error, nElo, nEloError, los, variance);
    }

    /// <summary>Logistic Elo of an expected score: −400·log10(1/score − 1) (±∞ at 1 and 0).</summary>
    public static double EloFromScore(double score) =>
        score <= 0 ? double.NegativeInfinity : score >= 1 ? double.PositiveInfinity : -400 * Math.Log10(1 / score - 1);

    /// <summary>Expected score of a player <paramref name="elo"/> stronger: 1/(1 + 10^(−elo/400)).</summary>
    public static double ScoreFromElo(double elo) => 1 / (1 + Math.Pow(10, -elo / 400));

    /// <summary>The error function, from Numerical Recipes' Chebyshev fit of erfc (fractional error below 1.2e-7).</summary>
    public static double Erf(double x)
    {
        if (double.IsNaN(x))
        {
            return double.NaN;
        }
        if (double.IsInfinity(x))
        {
            return Math.Sign(x);
        }
        double z = Math.Abs(x);
        double t = 1 / (1 + 0.5 * z);
        double erfc = t * Math.Exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
            + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? 1 - erfc : erfc - 1;
    }
}
