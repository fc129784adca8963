using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// REINFORCE hyper-parameters (Williams 1992; Sutton and Barto ch. 13.3–13.4), with SB3-style names. Neither SB3 nor
/// the Zoo ships REINFORCE, so the defaults are the textbook algorithm with the usual practical choices (reward-to-go,
/// a learned baseline, normalised advantages, Adam); <see cref="Presets"/> holds the tuned values per environment.
/// </summary>
public sealed record ReinforceConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget (rounded up to whole episodes).</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Complete episodes collected per gradient step (one environment, played to the end).</summary>
    public int EpisodesPerUpdate { get; init; } = 4;

    /// <summary>Discount γ of the reward-to-go G_t = Σ_k γ^(k−t) r_k.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Adam learning rate (constant or lin_X).</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(1e-3);

    /// <summary>
    /// Learn a state-value baseline V(s) (trained on mean (G − V)², weighted by vf_coef) and use G − V(s) as the
    /// advantage; false: the plain reward-to-go. With a baseline, a time-limit truncation bootstraps G with γ·V(final
    /// observation); without one the truncated episode ends there.
    /// </summary>
    public bool UseBaseline { get; init; } = true;

    /// <summary>Normalise the advantages of each update (mean 0, std 1).</summary>
    public bool NormalizeAdvantage { get; init; } = true;

    /// <summary>Entropy bonus coefficient.</summary>
    public double EntCoef { get; init; }

    /// <summary>Value-loss coefficient of the baseline.</summary>
    public double VfCoef { get; init; } = 0.5;

    /// <summary>Global gradient-norm clip (0: none).</summary>
    public double MaxGradNorm { get; init; }

    /// <summary>Hidden layers of the policy and baseline networks.</summary>
    public int[] NetArch { get; init; } = [64, 64];

    /// <summary>"tanh" or "relu".</summary>
    public string ActivationFn { get; init; } = "tanh";

    /// <summary>Orthogonal initialisation (gains √2 hidden, 0.01 policy, 1 value).</summary>
    public bool OrthoInit { get; init; } = true;

    /// <summary>Initial log σ of the Gaussian policy (Box actions).</summary>
    public double LogStdInit { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    /// <remarks>REINFORCE evaluates after the update that crosses each multiple of eval_freq.</remarks>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;
}
