using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// TRPO hyper-parameters (Schulman et al. 2015), named as sb3-contrib's; defaults are sb3-contrib's TRPO defaults.
/// Presets per environment come from <see cref="Presets"/>; <c>--config FILE</c> overrides any of them.
/// </summary>
public sealed record TrpoConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Parallel environments.</summary>
    public int NEnvs { get; init; } = 1;

    /// <summary>Steps per environment per update.</summary>
    public int NSteps { get; init; } = 2048;

    /// <summary>Minibatch size of the critic's updates.</summary>
    public int BatchSize { get; init; } = 128;

    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>GAE λ.</summary>
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>Adam learning rate of the critic (the policy moves by the natural-gradient step, not by a learning rate).</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(1e-3);

    /// <summary>Passes of the critic over each rollout.</summary>
    public int NCriticUpdates { get; init; } = 10;

    /// <summary>Conjugate-gradient iterations solving F·s = g.</summary>
    public int CgMaxSteps { get; init; } = 15;

    /// <summary>Damping added to the Fisher matrix: (F + damping·I)·v.</summary>
    public double CgDamping { get; init; } = 0.1;

    /// <summary>Trust region δ: the step keeps the mean KL(π_new ‖ π_old) on the rollout below it.</summary>
    public double TargetKl { get; init; } = 0.01;

    /// <summary>Factor the step shrinks by at each failed line-search try.</summary>
    public double LineSearchShrinkingFactor { get; init; } = 0.8;

    /// <summary>Line-search tries before the update is abandoned (parameters restored).</summary>
    public int LineSearchMaxIter { get; init; } = 10;

    /// <summary>Normalise the advantages of each update.</summary>
    public bool NormalizeAdvantage { get; init; } = true;

    /// <summary>VecNormalize observations and rewards.</summary>
    public bool Normalize { get; init; }

    /// <summary>Hidden layers of the separate policy and value networks.</summary>
    public int[] NetArch { get; init; } = [64, 64];

    /// <summary>"tanh" or "relu".</summary>
    public string ActivationFn { get; init; } = "tanh";

    /// <summary>Orthogonal initialisation (gains √2 hidden, 0.01 policy, 1 value).</summary>
    public bool OrthoInit { get; init; } = true;

    /// <summary>Initial log σ of the Gaussian policy (Box actions; with gSDE every entry of the [hidden, action] log σ).</summary>
    public double LogStdInit { get; init; }

    /// <summary>gSDE for Box actions (use_sde, unsquashed), as <see cref="PpoConfig.UseSde"/>.</summary>
    public bool UseSde { get; init; }

    /// <summary>With gSDE: redraw each environment's noise matrix every this many steps; −1 only at the start of each rollout.</summary>
    public int SdeSampleFreq { get; init; } = -1;

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    /// <remarks>TRPO evaluates after the update that crosses each multiple of eval_freq.</remarks>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;
}
