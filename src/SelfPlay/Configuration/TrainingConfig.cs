namespace Zero.SelfPlay.Configuration;

/// <summary>The training section of a run config: optimizer, schedule and the replay window.</summary>
public sealed record TrainingConfig
{
    /// <summary>Positions per optimizer step.</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>
    /// Training samples drawn per new position stored: steps per phase = ratio × new positions / batch size.
    /// Around 1–4 for small games; higher re-uses data more (risk of over-fitting the window).
    /// </summary>
    public double SamplesPerPosition { get; init; } = 2;

    /// <summary>"sgd" (with momentum, AlphaZero) or "adam".</summary>
    public string Optimizer { get; init; } = "sgd";

    /// <summary>Learning rate at the start of the run.</summary>
    public double LearningRate { get; init; } = 0.02;

    /// <summary>SGD momentum (AlphaZero 0.9); ignored by Adam.</summary>
    public double Momentum { get; init; } = 0.9;

    /// <summary>L2 coefficient c in the loss (AlphaZero 1e-4).</summary>
    public double WeightDecay { get; init; } = 1e-4;

    /// <summary>Generations after which the learning rate is multiplied by <see cref="LearningRateDrop"/>.</summary>
    public int[] LearningRateDropGenerations { get; init; } = [];

    /// <summary>Factor applied at each drop.</summary>
    public double LearningRateDrop { get; init; } = 0.1;

    /// <summary>Most recent games the trainer samples from.</summary>
    public int ReplayWindowGames { get; init; } = 5000;

    /// <summary>No training until the window holds at least this many positions.</summary>
    public int MinPositions { get; init; } = 500;

    /// <summary>
    /// Weight w of the root's search value q in the value target: target = (1 − w)·z + w·q, z the game's outcome.
    /// 0 is AlphaZero's pure outcome; 0.5 (the average) gives a less noisy target that learns faster on small runs.
    /// </summary>
    public double ValueTargetQWeight { get; init; }

    /// <summary>Apply the game's symmetries to training samples.</summary>
    public bool Augment { get; init; } = true;
}
