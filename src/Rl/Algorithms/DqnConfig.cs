using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>DQN hyper-parameters, named as SB3's; defaults are SB3's (Huber loss, Adam, [64, 64] ReLU, hard target updates).</summary>
public sealed record DqnConfig : IAgentConfig
{
    /// <summary>Environment steps of the preset's training budget.</summary>
    public long NTimesteps { get; init; } = 1_000_000;

    /// <summary>Adam learning rate.</summary>
    public Schedule LearningRate { get; init; } = Schedule.Constant(1e-4);

    /// <summary>Replay capacity.</summary>
    public int BufferSize { get; init; } = 1_000_000;

    /// <summary>Steps of random play before learning starts.</summary>
    public int LearningStarts { get; init; } = 100;

    /// <summary>Minibatch size.</summary>
    public int BatchSize { get; init; } = 32;

    /// <summary>Polyak coefficient of target updates (1 = hard copy).</summary>
    public double Tau { get; init; } = 1.0;

    /// <summary>Discount γ.</summary>
    public double Gamma { get; init; } = 0.99;

    /// <summary>Environment steps between training phases.</summary>
    public int TrainFreq { get; init; } = 4;

    /// <summary>Gradient steps per training phase (−1: as many as environment steps collected).</summary>
    public int GradientSteps { get; init; } = 1;

    /// <summary>Environment steps between target updates.</summary>
    public int TargetUpdateInterval { get; init; } = 10_000;

    /// <summary>Fraction of training over which ε decays linearly.</summary>
    public double ExplorationFraction { get; init; } = 0.1;

    /// <summary>Initial ε.</summary>
    public double ExplorationInitialEps { get; init; } = 1.0;

    /// <summary>Final ε.</summary>
    public double ExplorationFinalEps { get; init; } = 0.05;

    /// <summary>Global gradient-norm clip.</summary>
    public double MaxGradNorm { get; init; } = 10;

    /// <summary>Hidden layers of the Q-network.</summary>
    public int[] NetArch { get; init; } = [64, 64];

    /// <summary>Double DQN target (online argmax, target evaluation).</summary>
    public bool DoubleQ { get; init; }

    /// <summary>
    /// Environment steps between deterministic evaluations during training (0: none). With evaluations, training ends
    /// on the weights whose evaluation scored best (ties go to the later one; the final weights are evaluated too), as
    /// SB3's EvalCallback keeps best_model. Evaluation episodes are not counted as training steps.
    /// </summary>
    public int EvalFreq { get; init; }

    /// <summary>Episodes per evaluation during training (seeds 2,000,000 and up, disjoint from <c>zero rl eval</c>'s).</summary>
    public int EvalEpisodes { get; init; } = 10;

    /// <summary>VecNormalize observations (rewards are left raw).</summary>
    public bool Normalize { get; init; }
}
