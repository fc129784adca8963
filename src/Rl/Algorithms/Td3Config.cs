using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// TD3 hyper-parameters (Fujimoto et al. 2018), named as SB3's; defaults are SB3's TD3 defaults ([400, 300] ReLU actor
/// and twin critics, policy delay 2, target smoothing N(0, 0.2²) clipped at 0.5). DDPG's keys are <see cref="DdpgConfig"/>.
/// </summary>
public sealed record Td3Config : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Adam learning rate of actor and critics.</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(1e-3);

    /// <summary>Replay capacity.</summary>
    public int BufferSize { get; init; } = 1_000_000;

    /// <summary>Steps of uniform random actions before learning starts.</summary>
    public int LearningStarts { get; init; } = 100;

    /// <summary>Minibatch size.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>Polyak coefficient of the target networks.</summary>
    public double Tau { get; init; } = 0.005;

    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Environment steps between training phases.</summary>
    public int TrainFreq { get; init; } = 1;

    /// <summary>Gradient steps per training phase; −1: as many as environment steps were collected (train_freq).</summary>
    public int GradientSteps { get; init; } = 1;

    /// <summary>Exploration noise added to the actor's action: "normal", "ornstein-uhlenbeck" or "none" (see <see cref="ActionNoise"/>).</summary>
    public string NoiseType { get; init; } = "none";

    /// <summary>σ of the exploration noise, in the [−1, 1] action space.</summary>
    public double NoiseStd { get; init; } = 0.1;

    /// <summary>Actor (and target) updates once every this many critic updates.</summary>
    public int PolicyDelay { get; init; } = 2;

    /// <summary>σ of the target-policy smoothing noise.</summary>
    public double TargetPolicyNoise { get; init; } = 0.2;

    /// <summary>Clip of the target-policy smoothing noise.</summary>
    public double TargetNoiseClip { get; init; } = 0.5;

    /// <summary>Critics; the target takes the minimum over them (clipped double Q).</summary>
    public int NCritics { get; init; } = 2;

    /// <summary>Hidden layers of actor and critics.</summary>
    public int[] NetArch { get; init; } = [400, 300];

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;
}
