using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// DDPG hyper-parameters (Lillicrap et al. 2016), named as SB3's; defaults are SB3's DDPG defaults. SB3's DDPG is TD3
/// with one critic, no policy delay and no target smoothing, and so is Zero's: <see cref="AsTd3"/> fixes those three.
/// </summary>
public sealed record DdpgConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Adam learning rate of actor and critic.</summary>
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

    /// <summary>Hidden layers of actor and critic.</summary>
    public int[] NetArch { get; init; } = [400, 300];

    /// <inheritdoc cref="DqnConfig.EvalFreq"/>
    public int EvalFreq { get; init; }

    /// <inheritdoc cref="DqnConfig.EvalEpisodes"/>
    public int EvalEpisodes { get; init; } = 10;

    /// <summary>The same run as TD3 keys: one critic, policy delay 1, no target smoothing.</summary>
    public Td3Config AsTd3() => new()
    {
        NTimesteps = NTimesteps, LearningRate = LearningRate, BufferSize = BufferSize, LearningStarts = LearningStarts, BatchSize = BatchSize,
        Tau = Tau, Gamma = Gamma, TrainFreq = TrainFreq, GradientSteps = GradientSteps, NoiseType = NoiseType, NoiseStd = NoiseStd,
        NetArch = NetArch, EvalFreq = EvalFreq, EvalEpisodes = EvalEpisodes, PolicyDelay = 1, TargetPolicyNoise = 0, TargetNoiseClip = 0, NCritics = 1,
    };
}
