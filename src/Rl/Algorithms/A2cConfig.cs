using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// A2C hyper-parameters, named as SB3's (snake_case in config files); defaults are SB3's A2C defaults. Presets per
/// environment come from <see cref="Presets"/>; <c>--config FILE</c> overrides any of them.
/// </summary>
public sealed record A2cConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Parallel environments (the synchronous version of A3C's workers).</summary>
    public int NEnvs { get; init; } = 1;

    /// <summary>Steps per environment per update (the n of n-step returns).</summary>
    public int NSteps { get; init; } = 5;

    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>GAE λ (1: plain n-step returns bootstrapped from V at the end of the rollout).</summary>
    public double GaeLambda { get; init; } = 1.0;

    /// <summary>Learning rate (constant or lin_X).</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(7e-4);

    /// <summary>Entropy bonus coefficient.</summary>
    public double EntCoef { get; init; }

    /// <summary>Value-loss coefficient (loss = mean (R − V)²).</summary>
    public double VfCoef { get; init; } = 0.5;

    /// <summary>Global gradient-norm clip.</summary>
    public double MaxGradNorm { get; init; } = 0.5;

    /// <summary>RMSprop (PyTorch's, α 0.99, ε rms_prop_eps) as SB3; false: Adam (ε 1e-5).</summary>
    public bool UseRmsProp { get; init; } = true;

    /// <summary>ε of RMSprop.</summary>
    public double RmsPropEps { get; init; } = 1e-5;

    /// <summary>Normalise the advantages of each update.</summary>
    public bool NormalizeAdvantage { get; init; }

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

    /// <summary>gSDE for Box actions (SB3's use_sde, unsquashed), as <see cref="PpoConfig.UseSde"/>.</summary>
    public bool UseSde { get; init; }

    /// <summary>With gSDE: redraw each environment's noise matrix every this many steps; −1 only at the start of each rollout.</summary>
    public int SdeSampleFreq { get; init; } = -1;

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    /// <remarks>A2C evaluates after the update that crosses each multiple of eval_freq.</remarks>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;
}
