using System.Globalization;

namespace Zero.Arena.Statistics;

/// <summary>
/// Wald's sequential probability ratio test on pentanomial counts, with the generalised log-likelihood ratio of
/// fishtest (server/fishtest/stats/LLRcalc.py) and fastchess (app/src/matchmaking/sprt/sprt.cpp):
/// <list type="number">
/// <item>The counts become an empirical distribution p̂ over the pair scores aᵢ = 0, ¼, ½, ¾, 1; an empty bin counts
/// 1e−3 (regularisation, so every logarithm is finite).</item>
/// <item>For each hypothesis Hₖ, pₖ is the distribution closest to p̂ (maximum likelihood) whose statistic equals
/// the hypothesis: the expected score sₖ = 1/(1 + 10^(−eloₖ/400)) for <see cref="SprtModel.Logistic"/>, the
/// t-value (μ − ½)/σ = √2·nEloₖ/(800/ln 10) for <see cref="SprtModel.Normalized"/>.</item>
/// <item>LLR = N · Σ p̂ᵢ (ln p₁ᵢ − ln p₀ᵢ) with N the regularised pair count.</item>
/// </list>
/// The test stops at LLR ≤ ln(β/(1−α)) (H0) or LLR ≥ ln((1−β)/α) (H1). Used by the tournament to stop a match.
/// </summary>
public sealed record Sprt(double Elo0, double Elo1, double Alpha, double Beta, SprtModel Model)
{
    private const double EmptyBin = 1e-3;
    private static readonly double[] PairScores = [0, 0.25, 0.5, 0.75, 1];

    /// <summary>ln(β/(1−α)): at or below it H0 is accepted.</summary>
    public double Lower => Math.Log(Beta / (1 - Alpha));

    /// <summary>ln((1−β)/α): at or above it H1 is accepted.</summary>
    public double Upper => Math.Log((1 - Beta) / Alpha);

    /// <summary>Checks the parameters; null when valid, else what to change.</summary>
    public string? Problem()
    {
        if (!(Alpha is > 0 and < 0.5) || !(Beta is > 0 and < 0.5))
        {
            return string.Create(CultureInfo.InvariantCulture, $"alpha={Alpha} beta={Beta}: give error rates between 0 and 0.5, e.g. alpha=0.05 beta=0.05");
        }
        if (!(Elo1 > Elo0))
        {
            return string.Create(CultureInfo.InvariantCulture, $"elo0={Elo0} elo1={Elo1}: elo1 must be larger than elo0, e.g. elo0=0 elo1=5");
        }
        return null;
    }

    /// <summary>The generalised log-likelihood ratio of H1 against H0 for <paramref name="counts"/> (0 with no pairs).</summary>
    public double Llr(Pentanomial counts)
    {
        if (counts.Pairs == 0)
        {
            return 0;
        }
        // 1. The regularised empirical distribution.
        double[] regularised = counts.Counts.Select(c => c == 0 ? EmptyBin : c).ToArray();
        double n = regularised.Sum();
        double[] observed = regularised.Select(c => c / n).ToArray();

        // 2. The maximum-likelihood distribution under each hypothesis.
        double[] p0, p1;
        if (Model == SprtModel.Logistic)
        {
            p0 = WithExpectation(observed, EloStatistics.ScoreFromElo(Elo0));
            p1 = WithExpectation(observed, EloStatistics.ScoreFromElo(Elo1));
        }
        else
        {
            double t0 = Math.Sqrt(2) * Elo0 / EloStatistics.NEloPerT, t1 = Math.Sqrt(2) * Elo1 / EloStatistics.NEloPerT;
            p0 = WithTValue(observed, 0.5, t0);
            p1 = WithTValue(observed, 0.5, t1);
        }

        // 3. N times the expected log ratio.
        double sum = 0;
        for (int i = 0; i < observed.Length; i++)
        {
            sum += observed[i] * (Math.Log(p1[i]) - Math.Log(p0[i]));
        }
        return n * sum;
    }

    /// <summary>The decision for <paramref name="llr"/>.</summary>
    public SprtDecision Decide(double llr) => llr >= Upper ? SprtDecision.H1 : llr <= Lower ? SprtDecision.H0 : SprtDecision.Continue;

    /// <summary>
    /// The distribution with expectation <paramref name="s"/> closest to <paramref name="observed"/>:
    /// pᵢ = p̂ᵢ/(1 + θ(aᵢ − s)) with θ the root of Σ p̂ᵢ(aᵢ − s)/(1 + θ(aᵢ − s)) = 0 (van den Bergh, Proposition 1.1).
    /// </summary>
    internal static double[] WithExpectation(double[] observed, double s)
    {
        double[] shifted = PairScores.Select(a => a - s).ToArray();
        double theta = Secular(observed, shifted);
        return observed.Select((p, i) => p / (1 + theta * shifted[i])).ToArray();
    }

    /// <summary>
    /// The distribution with t-value (μ − <paramref name="reference"/>)/σ = <paramref name="t"/> closest to
    /// <paramref name="observed"/>, by fishtest's fixed-point iteration (at most 10 rounds from the uniform
    /// distribution): φᵢ = aᵢ − ref − ½·t·σ·(1 + ((μ − aᵢ)/σ)²) with μ, σ of the current estimate, then the secular
    /// equation on φ.
    /// </summary>
    internal static double[] WithTValue(double[] observed, double reference, double t)
    {
        int k = observed.Length;
        double[] estimate = Enumerable.Repeat(1.0 / k, k).ToArray();
        for (int round = 0; round < 10; round++)
        {
            double mu = 0, variance = 0;
            for (int i = 0; i < k; i++)
            {
                mu += estimate[i] * PairScores[i];
            }
            for (int i = 0; i < k; i++)
            {
                variance += estimate[i] * (PairScores[i] - mu) * (PairScores[i] - mu);
            }
            double sigma = Math.Sqrt(variance);
            double[] phi = new double[k];
            for (int i = 0; i < k; i++)
            {
                double z = (mu - PairScores[i]) / sigma;
                phi[i] = PairScores[i] - reference - t * sigma * (1 + z * z) / 2;
            }
            double theta = Secular(observed, phi);
            double[] next = observed.Select((p, i) => p / (1 + theta * phi[i])).ToArray();
            double change = next.Select((p, i) => Math.Abs(p - estimate[i])).Max();
            estimate = next;
            if (change < 1e-9)
            {
                break;
            }
        }
        return estimate;
    }

    /// <summary>
    /// Solves Σ pᵢ·aᵢ/(1 + x·aᵢ) = 0 for x in (−1/max a, −1/min a), where the sum falls from +∞ to −∞ (bisection to
    /// machine precision; the values must have both signs).
    /// </summary>
    internal static double Secular(double[] p, double[] a)
    {
        double min = a.Min(), max = a.Max();
        if (!(min < 0 && max > 0))
        {
            throw new ArgumentException("the secular equation needs values of both signs: the hypothesis lies outside the possible scores");
        }
        const double epsilon = 1e-9;
        double lo = -1 / max + epsilon, hi = -1 / min - epsilon;
        for (int i = 0; i < 200 && hi - lo > 1e-15 * Math.Max(1, Math.Abs(lo)); i++)
        {
            double mid = (lo + hi) / 2;
            double f = 0;
            for (int j = 0; j < p.Length; j++)
            {
                f += p[j] * a[j] / (1 + mid * a[j]);
            }
            if (f > 0)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }
}
