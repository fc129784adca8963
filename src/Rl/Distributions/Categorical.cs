namespace Zero.Rl.Distributions;

/// <summary>
/// The categorical policy head over logits z (one row per sample): sampling, log-probabilities, entropy, and the
/// gradients PPO needs, d log π(a)/dz = onehot(a) − p and dH/dz_j = −p_j·(log p_j + H). Called by PPO and by
/// DQN's greedy action pick (<see cref="ArgMax"/>). Rows are spans owned by the caller; nothing allocates.
/// </summary>
public static class Categorical
{
    /// <summary>Writes log-softmax(z) into <paramref name="logProbabilities"/>.</summary>
    public static void LogSoftmax(ReadOnlySpan<float> logits, Span<float> logProbabilities)
    {
        float max = float.NegativeInfinity;
        foreach (float z in logits)
        {
            max = Math.Max(max, z);
        }
        double sum = 0;
        foreach (float z in logits)
        {
            sum += Math.Exp(z - max);
        }
        float logSum = max + (float)Math.Log(sum);
        for (int j = 0; j < logits.Length; j++)
        {
            logProbabilities[j] = logits[j] - logSum;
        }
    }

    /// <summary>Draws an action from softmax(z).</summary>
    public static int Sample(ReadOnlySpan<float> logits, RandomSource random)
    {
        Span<float> lp = stackalloc float[logits.Length];
        LogSoftmax(logits, lp);
        double u = random.NextDouble();
        for (int j = 0; j < lp.Length; j++)
        {
            u -= Math.Exp(lp[j]);
            if (u < 0)
            {
                return j;
            }
        }
        return lp.Length - 1;
    }

    /// <summary>The index of the largest value (first on ties): the deterministic action.</summary>
    public static int ArgMax(ReadOnlySpan<float> values)
    {
        int best = 0;
        for (int j = 1; j < values.Length; j++)
        {
            if (values[j] > values[best])
            {
                best = j;
            }
        }
        return best;
    }

    /// <summary>log π(a) and the entropy H of softmax(z).</summary>
    public static (float LogProbability, float Entropy) Evaluate(ReadOnlySpan<float> logits, int action)
    {
        Span<float> lp = stackalloc float[logits.Length];
        LogSoftmax(logits, lp);
        float h = 0;
        for (int j = 0; j < lp.Length; j++)
        {
            h -= MathF.Exp(lp[j]) * lp[j];
        }
        return (lp[action], h);
    }

    /// <summary>
    /// Writes d(wLogProb·log π(a) + wEntropy·H)/dz into <paramref name="gradLogits"/> (overwrites) and returns (log π(a), H).
    /// </summary>
    public static (float LogProbability, float Entropy) Backward(ReadOnlySpan<float> logits, int action, float wLogProb, float wEntropy, Span<float> gradLogits)
    {
        Span<float> lp = stackalloc float[logits.Length];
        LogSoftmax(logits, lp);
        float h = 0;
        for (int j = 0; j < lp.Length; j++)
        {
            h -= MathF.Exp(lp[j]) * lp[j];
        }
        for (int j = 0; j < lp.Length; j++)
        {
            float p = MathF.Exp(lp[j]);
            gradLogits[j] = (wLogProb * ((j == action ? 1f : 0f) - p)) - (wEntropy * p * (lp[j] + h));
        }
        return (lp[action], h);
    }
}
