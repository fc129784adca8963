namespace Zero.Rl.Distributions;

/// <summary>
/// The diagonal Gaussian policy head of PPO for Box actions: mean μ from the network, a state-independent log σ
/// vector (SB3's <c>log_std</c>). log π(a) = Σ −½((a−μ)/σ)² − log σ − ½ log 2π; H = Σ ½ + ½ log 2π + log σ.
/// Gradients: ∂log π/∂μ = (a−μ)/σ², ∂log π/∂log σ = ((a−μ)/σ)² − 1, ∂H/∂log σ = 1.
/// </summary>
public static class DiagonalGaussian
{
    private static readonly float HalfLog2Pi = 0.5f * MathF.Log(2 * MathF.PI);

    /// <summary>Draws a ~ N(μ, σ²) into <paramref name="action"/>.</summary>
    public static void Sample(ReadOnlySpan<float> mean, ReadOnlySpan<float> logStd, RandomSource random, Span<float> action)
    {
        for (int j = 0; j < mean.Length; j++)
        {
            action[j] = mean[j] + (MathF.Exp(logStd[j]) * (float)random.NextNormal());
        }
    }

    /// <summary>log π(a) and H.</summary>
    public static (float LogProbability, float Entropy) Evaluate(ReadOnlySpan<float> mean, ReadOnlySpan<float> logStd, ReadOnlySpan<float> action)
    {
        float lp = 0, h = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            float z = (action[j] - mean[j]) / MathF.Exp(logStd[j]);
            lp += (-0.5f * z * z) - logStd[j] - HalfLog2Pi;
            h += 0.5f + HalfLog2Pi + logStd[j];
        }
        return (lp, h);
    }

    /// <summary>
    /// Writes d(wLogProb·log π(a))/dμ into <paramref name="gradMean"/> (overwrites), adds d(wLogProb·log π + wEntropy·H)/dlog σ
    /// into <paramref name="gradLogStd"/>, and returns (log π(a), H).
    /// </summary>
    public static (float LogProbability, float Entropy) Backward(ReadOnlySpan<float> mean, ReadOnlySpan<float> logStd, ReadOnlySpan<float> action, float wLogProb, float wEntropy, Span<float> gradMean, Span<float> gradLogStd)
    {
        float lp = 0, h = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            float sigma = MathF.Exp(logStd[j]);
            float z = (action[j] - mean[j]) / sigma;
            lp += (-0.5f * z * z) - logStd[j] - HalfLog2Pi;
            h += 0.5f + HalfLog2Pi + logStd[j];
            gradMean[j] = wLogProb * z / sigma;
            gradLogStd[j] += (wLogProb * ((z * z) - 1f)) + wEntropy;
        }
        return (lp, h);
    }
}
