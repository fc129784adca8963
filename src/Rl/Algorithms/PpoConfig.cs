using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// PPO hyper-parameters, named as SB3's (snake_case in config files: n_envs, n_steps, …); defaults are SB3's.
/// Presets per environment come from <see cref="Presets"/>; <c>--config FILE</c> overrides any of them.
/// </summary>
public sealed record PpoConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Parallel environments.</summary>
    public int NEnvs { get; init; } = 1;

    /// <summary>Steps per environment per rollout.</summary>
    public int NSteps { get; init; } = 2048;

    /// <summary>Minibatch size.</summary>
    public int BatchSize { get; init; } = 64;

    /// <summary>Passes over each rollout.</summary>
    public int NEpochs { get; init; } = 10;

    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>GAE λ.</summary>
    public double GaeLambda { get; init; } = 0.95;

    /// <summary>Adam learning rate (constant or lin_X).</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(3e-4);

    /// <summary>Clip ε of the surrogate (constant or lin_X).</summary>
    public Schedule ClipRange { get; init; } = Schedule.Constant(0.2);

    /// <summary>Clip of the value change (null: no value clipping).</summary>
    public double? ClipRangeVf { get; init; }

    /// <summary>Entropy bonus coefficient.</summary>
    public double EntCoef { get; init; }

    /// <summary>Value-loss coefficient (loss = mean (R − V)²).</summary>
    public double VfCoef { get; init; } = 0.5;

    /// <summary>Global gradient-norm clip.</summary>
    public double MaxGradNorm { get; init; } = 0.5;

    /// <summary>Normalise advantages per minibatch.</summary>
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

    /// <summary>
    /// Generalized State-Dependent Exploration for Box actions (SB3's use_sde, unsquashed): a = μ + θ·W with θ the policy's
    /// last hidden features and W ~ N(0, σ²) per environment, σ a learned [hidden, action] matrix. See <see cref="StateDependentNoise"/>.
    /// </summary>
    public bool UseSde { get; init; }

    /// <summary>With gSDE: redraw each environment's W every this many steps; −1 only at the start of each rollout.</summary>
    public int SdeSampleFreq { get; init; } = -1;

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    /// <remarks>PPO evaluates after the rollout update that crosses each multiple of eval_freq.</remarks>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;
}
