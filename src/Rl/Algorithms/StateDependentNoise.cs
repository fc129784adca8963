using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Rl.Algorithms;

/// <summary>
/// Generalized State-Dependent Exploration (gSDE, Raffin et al. 2021, arXiv:2005.05719) for SAC's squashed Gaussian, as
/// SB3's <c>StateDependentNoiseDistribution</c> with full_std, use_expln false and learn_features false:
/// <code>
/// θ = relu(last hidden layer) [N, L], detached      σ = exp(log_std) [L, A], learned, initialised to log_std_init
/// W = σ ∘ E, E ~ N(0, 1) [L, A], redrawn by <see cref="Resample"/>
/// u = μ + θ·W        Var(u_k) = Σ_j θ_j² σ_jk² (+ 1e-6)        a = tanh(u)
/// log π(a|s) = Σ_k log N(u_k; μ_k, √Var(u_k)) − log(1 − tanh² u_k)
/// </code>
/// The noise is a function of the state while W is held: the same state gets the same perturbation, so exploration is
/// smooth along a trajectory (a fixed push that can carry MountainCarContinuous up the hill) instead of white noise.
/// <see cref="Sample(ReadOnlySpan{float}, ReadOnlySpan{float}, ReadOnlySpan{float}, Span{float})"/> is the tape-free path (acting, SAC's target); <see cref="LogProbability"/> builds the same graph
/// on a tape for the actor loss (its gradient reaches μ through u and log_std through W and the variance).
/// </summary>
public sealed class StateDependentNoise
{
    /// <summary>Variance floor, SB3's epsilon.</summary>
    public const float Epsilon = 1e-6f;

    private const float HalfLog2Pi = 0.918938533204672741780329736f;

    /// <summary>Creates log σ [latent, actions] filled with <paramref name="logStdInit"/>.</summary>
    public StateDependentNoise(int latent, int actions, double logStdInit)
    {
        Latent = latent;
        Actions = actions;
        LogStd = new Tensor(latent, actions) { RequiresGrad = true };
        LogStd.Span.Fill((float)logStdInit);
    }

    /// <summary>Width L of the features θ.</summary>
    public int Latent { get; }

    /// <summary>Action dimensions A.</summary>
    public int Actions { get; }

    /// <summary>The learned log σ [L, A] (a parameter of the actor's optimizer).</summary>
    public Tensor LogStd { get; }

    /// <summary>Draws E ~ N(0, 1) into <paramref name="eps"/> and sets <paramref name="matrix"/> = exp(log σ) ∘ E (both L·A).</summary>
    public void Resample(RandomSource random, Span<float> eps, Span<float> matrix)
    {
        ReadOnlySpan<float> logStd = LogStd.Span;
        for (int i = 0; i < eps.Length; i++)
        {
            eps[i] = (float)random.NextNormal();
            matrix[i] = MathF.Exp(logStd[i]) * eps[i];
        }
    }

    /// <summary>
    /// One row: u = μ + θ·W, a = tanh(u) into <paramref name="action"/>; returns log π(a|s) (the formula in the type's
    /// comment, the tanh correction computed stably as 2(log 2 − u − softplus(−2u))). Nothing allocates.
    /// </summary>
    public float Sample(ReadOnlySpan<float> mean, ReadOnlySpan<float> latent, ReadOnlySpan<float> matrix, Span<float> action) =>
        Sample(mean, latent, matrix, action, squash: true);

    /// <summary>
    /// PPO's unsquashed variant (SB3's squash_output false): a = μ + θ·W into <paramref name="action"/>, returns
    /// Σ_k log N(a_k; μ_k, √Var(a_k)). Nothing allocates.
    /// </summary>
    public float SampleUnsquashed(ReadOnlySpan<float> mean, ReadOnlySpan<float> latent, ReadOnlySpan<float> matrix, Span<float> action) =>
        Sample(mean, latent, matrix, action, squash: false);

    private float Sample(ReadOnlySpan<float> mean, ReadOnlySpan<float> latent, ReadOnlySpan<float> matrix, Span<float> action, bool squash)
    {
        ReadOnlySpan<float> logStd = LogStd.Span;
        float lp = 0;
        for (int k = 0; k < Actions; k++)
        {
            float noise = 0, variance = 0;
            for (int j = 0; j < Latent; j++)
            {
                float theta = latent[j];
                noise += theta * matrix[(j * Actions) + k];
                variance += theta * theta * MathF.Exp(2f * logStd[(j * Actions) + k]);
            }
            variance += Epsilon;
            float u = mean[k] + noise;
            action[k] = squash ? MathF.Tanh(u) : u;
            float correction = squash ? ActionSampling.TanhCorrection(u) : 0f;
            lp += (-0.5f * noise * noise / variance) - (0.5f * MathF.Log(variance)) - HalfLog2Pi - correction;
        }

        return lp;
    }

    /// <summary>
    /// The differentiable version for a batch: mean [N, A], latent [N, L] (detached here), eps E [L, A]. Returns the
    /// pre-squash sample u [N, A] and log π [N].
    /// </summary>
    public (Tensor U, Tensor LogPi) LogProbability(Tape tape, Tensor mean, Tensor latent, Tensor eps)
    {
        Tensor theta = tape.Detach(latent);
        Tensor noise = tape.MatMul(theta, tape.Mul(tape.Exp(LogStd), eps));
        Tensor u = tape.Add(mean, noise);
        return (u, tape.Sub(tape.GaussianLogProb(mean, ActionLogStd(tape, theta), u), tape.TanhSquashCorrection(u)));
    }

    /// <summary>
    /// log √(Var + 1e-6) [N, A] of the action distribution for features <paramref name="latent"/> [N, L] (detached here):
    /// with <c>GaussianLogProb(mean, it, action)</c> and <c>GaussianEntropy(it)</c> it gives PPO's log π and entropy.
    /// </summary>
    public Tensor ActionLogStd(Tape tape, Tensor latent)
    {
        Tensor theta = latent.RequiresGrad ? tape.Detach(latent) : latent;
        Tensor variance = tape.MatMul(tape.Square(theta), tape.Exp(tape.Scale(LogStd, 2f)));
        return tape.Scale(tape.Log(tape.AddScalar(variance, Epsilon)), 0.5f);
    }

}
