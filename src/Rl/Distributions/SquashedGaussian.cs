namespace Zero.Rl.Distributions;

/// <summary>
/// SAC's tanh-squashed Gaussian: the actor outputs [μ, log σ] (log σ clamped to [−20, 2] as SB3), u = μ + σ·ε
/// (reparameterised), a = tanh(u), and log π(a) = Σ log N(u; μ, σ) − log(1 − a² + 1e-6) (the change-of-variables
/// correction). <see cref="Backward"/> turns dL/da (from the critic) and the weight of log π into dL/dμ and
/// dL/d log σ, holding ε fixed. Deterministic action: tanh(μ).
/// </summary>
public static class SquashedGaussian
{
    /// <summary>Clamp range of log σ.</summary>
    public const float LogStdMin = -20f, LogStdMax = 2f;

    private const float Epsilon = 1e-6f;
    private static readonly float HalfLog2Pi = 0.5f * MathF.Log(2 * MathF.PI);

    /// <summary>
    /// Samples a = tanh(μ + σε) from one actor output row [μ (d), log σ (d)], writing ε (for the backward pass) and
    /// the action; returns log π(a).
    /// </summary>
    public static float Sample(ReadOnlySpan<float> actorOutput, RandomSource random, Span<float> noise, Span<float> action)
    {
        int d = action.Length;
        float lp = 0;
        for (int j = 0; j < d; j++)
        {
            float logStd = Math.Clamp(actorOutput[d + j], LogStdMin, LogStdMax);
            float eps = (float)random.NextNormal();
            noise[j] = eps;
            float u = actorOutput[j] + (MathF.Exp(logStd) * eps);
            float a = MathF.Tanh(u);
            action[j] = a;
            lp += (-0.5f * eps * eps) - logStd - HalfLog2Pi - MathF.Log(1f - (a * a) + Epsilon);
        }
        return lp;
    }

    /// <summary>tanh(μ): the deterministic action.</summary>
    public static void Mode(ReadOnlySpan<float> actorOutput, Span<float> action)
    {
        for (int j = 0; j < action.Length; j++)
        {
            action[j] = MathF.Tanh(actorOutput[j]);
        }
    }

    /// <summary>
    /// Gradient of L = wLogProb·log π(a) + Σ_j gradAction_j·a_j through the reparameterised sample (ε fixed) with
    /// respect to the actor output row [μ, log σ], written into <paramref name="gradOutput"/> (overwrites).
    /// </summary>
    public static void Backward(ReadOnlySpan<float> actorOutput, ReadOnlySpan<float> noise, ReadOnlySpan<float> action, float wLogProb, ReadOnlySpan<float> gradAction, Span<float> gradOutput)
    {
        int d = action.Length;
        for (int j = 0; j < d; j++)
        {
            float raw = actorOutput[d + j];
            float logStd = Math.Clamp(raw, LogStdMin, LogStdMax);
            float a = action[j];
            float oneMinusA2 = 1f - (a * a);

            // dL/du: the squash correction −log(1 − a² + ε) and the critic path both flow through a = tanh(u).
            float dCorrection = 2f * a * oneMinusA2 / (oneMinusA2 + Epsilon);
            float dU = (wLogProb * dCorrection) + (gradAction[j] * oneMinusA2);

            // u = μ + σε: du/dμ = 1, du/dlog σ = σε; log N(u) = −ε²/2 − log σ − c contributes −wLogProb to dlog σ.
            gradOutput[j] = dU;
            float dLogStd = (dU * MathF.Exp(logStd) * noise[j]) - wLogProb;
            gradOutput[d + j] = raw >= LogStdMin && raw <= LogStdMax ? dLogStd : 0f;
        }
    }
}
