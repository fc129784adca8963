using Zero.Search.Evaluation;
using Zero.SelfPlay.Replay;

namespace Zero.SelfPlay.Training;

/// <summary>
/// The network as the training loop sees it: one optimizer step on a batch, a frozen inference copy for self-play
/// and evaluation, and files (weights for a generation; a checkpoint = weights + optimizer state). The engine's
/// policy-value network implements it (<c>EngineNetwork</c>); tests use a small tabular double, so the loop is
/// tested without the tensor engine. Not thread-safe: the training loop owns it.
/// </summary>
public interface ITrainableNetwork
{
    /// <summary>A short description ("b2c32, 23,456 parameters").</summary>
    string Description { get; }

    /// <summary>
    /// One optimizer step on <paramref name="batch"/> (its <see cref="TrainingBatch.Count"/> samples) with the loss
    /// (z − v)² − πᵀ log p + c‖θ‖² at <paramref name="learningRate"/>; returns the loss parts before the step.
    /// </summary>
    LossParts TrainStep(TrainingBatch batch, double learningRate);

    /// <summary>The loss parts on <paramref name="batch"/> without changing anything (held-out measurement).</summary>
    LossParts Measure(TrainingBatch batch);

    /// <summary>An inference model with the current weights, unaffected by later steps.</summary>
    IBatchModel CreateInferenceModel();

    /// <summary>Writes the weights file of a generation (atomically: temporary file, then rename).</summary>
    void SaveWeights(string path);

    /// <summary>Writes weights and optimizer state (atomically).</summary>
    void SaveCheckpoint(string path);

    /// <summary>Optimizer steps taken so far (restored by a checkpoint).</summary>
    long Steps { get; }
}
