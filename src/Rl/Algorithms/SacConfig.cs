using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>SAC hyper-parameters, named as SB3's; defaults are SB3's (twin critics, [256, 256] ReLU, automatic entropy with target −|A|).</summary>
public sealed record SacConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Adam learning rate of actor, critics and entropy coefficient.</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(3e-4);

    /// <summary>Replay capacity.</summary>
    public int BufferSize { get; init; } = 1_000_000;

    /// <summary>Steps of uniform random actions before learning starts.</summary>
    public int LearningStarts { get; init; } = 100;

    /// <summary>Minibatch size.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Polyak coefficient of the target critics.</summary>
    public double Tau { get; init; } = 0.005;

    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Environment steps between training phases.</summary>
    public int TrainFreq { get; init; } = 1;

    /// <summary>Gradient steps per training phase.</summary>
    public int GradientSteps { get; init; } = 1;

    /// <summary>"auto", "auto_X" (learned, starting at X) or a fixed number.</summary>
    public string EntCoef { get; init; } = "auto";

    /// <summary>Hidden layers of actor and critics.</summary>
    public int[] NetArch { get; init; } = [256, 256];

    /// <summary>
    /// Generalized State-Dependent Exploration (gSDE, Raffin et al. 2021) instead of the state-dependent log σ head: the
    /// exploration noise is θ(s)·W, θ the actor's last hidden features, W ~ N(0, σ²) a [hidden, action] matrix that stays
    /// fixed between resamples and σ = exp(log_std) a learned [hidden, action] parameter. See <see cref="StateDependentNoise"/>.
    /// </summary>
    public bool UseSde { get; init; }

    /// <summary>With gSDE: resample W every this many environment steps; −1 (SB3's default) resamples only at the start of each rollout (every train_freq steps).</summary>
    public int SdeSampleFreq { get; init; } = -1;

    /// <summary>With gSDE: initial value of every log σ entry.</summary>
    public double LogStdInit { get; init; } = -3;

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;
}
