using Zero.Games;

namespace Zero.SelfPlay.Replay;

/// <summary>
/// A reusable buffer for one training batch: features [count, InputSize], policy targets [count, ActionCount]
/// (probabilities summing to 1 over the visited actions) and value targets [count] (the game outcome from the
/// side to move). Allocated once by the trainer and refilled by <see cref="ReplayWindow{TGame,TMove}.Sample"/>.
/// </summary>
public sealed class TrainingBatch
{
    public TrainingBatch(int capacity, int inputSize, int actionCount)
    {
        Capacity = capacity;
        InputSize = inputSize;
        ActionCount = actionCount;
        Features = new float[capacity * inputSize];
        Policy = new float[capacity * actionCount];
        Values = new float[capacity];
    }

    /// <summary>A batch shaped for game <typeparamref name="TGame"/>.</summary>
    public static TrainingBatch For<TGame, TMove>(int capacity)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove> =>
        new(capacity, TGame.InputShape.Size, TGame.ActionCount);

    public int Capacity { get; }
    public int InputSize { get; }
    public int ActionCount { get; }

    /// <summary>Samples currently in the buffer.</summary>
    public int Count { get; internal set; }

    public float[] Features { get; }
    public float[] Policy { get; }
    public float[] Values { get; }
}
