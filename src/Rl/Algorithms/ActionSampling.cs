namespace Zero.Rl.Algorithms;

/// <summary>
/// Acting without a tape: drawing actions from the policy heads that <see cref="Zero.Engine.Models.Mlp.Predict(ReadOnlySpan{float}, int, Span{float}, Zero.Engine.Kernels.ComputePool?)"/>
/// computed, and their log-probabilities for PPO's rollout buffer and SAC's targets. The training losses use the
/// differentiable versions in <c>Zero.Engine.Ops.TensorOps</c> (CategoricalLogProb, GaussianLogProb,
/// TanhSquashCorrection); these helpers use the same formulas, so PPO's first-epoch ratio is 1. Nothing allocates.
/// </summary>
public static class ActionSampling
{
    /// <summary>Clamp range of SAC's log σ (SB3).</summary>
    public const float LogStdMin = -20f, LogStdMax = 2f;

    private const float HalfLog2Pi = 0.918938533204672741780329736f;
    private const float Log2 = 0.693147180559945309417232121458f;

    /// <summary>Draws an action from softmax(logits) and returns it with its log-probability.</summary>
    public static int Categorical(ReadOnlySpan<float> logits, RandomSource random, out float logProbability)
    {
        float logSum = LogSumExp(logits);
        double u = random.NextDouble();
        int choice = logits.Length - 1;
        for (int j = 0; j < logits.Length; j++)
        {
            u -= Math.Exp(logits[j] - logSum);
            if (u < 0)
            {
                choice = j;
                break;
            }
        }

        logProbability = logits[choice] - logSum;
        return choice;
    }

    /// <summary>The index of the largest value (first on ties): the greedy action of DQN and the mode of a categorical policy.</summary>
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

    /// <summary>Draws a ~ N(mean, exp(logStd)²) into <paramref name="action"/> and returns Σ log N(a_j).</summary>
    public static float Gaussian(ReadOnlySpan<float> mean, ReadOnlySpan<float> logStd, RandomSource random, Span<float> action)
    {
        float lp = 0;
        for (int j = 0; j < mean.Length; j++)
        {
            float z = (float)random.NextNormal();
            action[j] = mean[j] + (MathF.Exp(logStd[j]) * z);
            lp += (-0.5f * z * z) - logStd[j] - HalfLog2Pi;
        }

        return lp;
    }

    /// <summary>
    /// SAC's squashed Gaussian from one actor row [μ (d), log σ (d)]: u = μ + σε, a = tanh(u); returns
    /// log π(a) = Σ log N(u; μ, σ) − log(1 − tanh²u), the correction computed stably as 2(log 2 − u − softplus(−2u)).
    /// </summary>
    public static float SquashedGaussian(ReadOnlySpan<float> actorRow, RandomSource random, Span<float> action)
    {
        int d = action.Length;
        float lp = 0;
        for (int j = 0; j < d; j++)
        {
            float logStd = Math.Clamp(actorRow[d + j], LogStdMin, LogStdMax);
            float eps = (float)random.NextNormal();
            float u = actorRow[j] + (MathF.Exp(logStd) * eps);
            action[j] = MathF.Tanh(u);
            float correction = TanhCorrection(u);
            lp += (-0.5f * eps * eps) - logStd - HalfLog2Pi - correction;
        }

        return lp;
    }

    /// <summary>tanh(μ): the deterministic action of the squashed Gaussian.</summary>
    public static void SquashedMode(ReadOnlySpan<float> actorRow, Span<float> action)
    {
        for (int j = 0; j < action.Length; j++)
        {
            action[j] = MathF.Tanh(actorRow[j]);
        }
    }

    /// <summary>log(1 − tanh²(u)) in the stable form 2(log 2 − u − softplus(−2u)): the squashed Gaussian's log-prob correction.</summary>
    internal static float TanhCorrection(float u) => 2f * (Log2 - u - Softplus(-2f * u));

    private static float Softplus(float x) => x > 0 ? x + MathF.Log(1f + MathF.Exp(-x)) : MathF.Log(1f + MathF.Exp(x));

    private static float LogSumExp(ReadOnlySpan<float> x)
    {
        float max = float.NegativeInfinity;
        foreach (float v in x)
        {
            max = Math.Max(max, v);
        }

        double sum = 0;
        foreach (float v in x)
        {
            sum += Math.Exp(v - max);
        }

        return max + (float)Math.Log(sum);
    }
}
