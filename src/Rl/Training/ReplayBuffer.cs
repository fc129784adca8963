namespace Zero.Rl.Training;

/// <summary>
/// The ring-buffer replay memory of DQN and SAC: (obs, action, reward, next obs, terminated). The next
/// observation of a finished episode is the real final observation and <c>terminated</c> is false on a time-limit
/// truncation, so the learner bootstraps there (SB3's handle_timeout_termination, CleanRL's final_observation).
/// Minibatches are gathered into caller-visible buffers without allocation.
/// </summary>
public sealed class ReplayBuffer
{
    private readonly float[] _obs;
    private readonly float[] _nextObs;
    private readonly float[] _actions;
    private readonly float[] _rewards;
    private readonly float[] _terminated;
    private int _next;

    /// <summary>Creates a buffer of <paramref name="capacity"/> transitions.</summary>
    public ReplayBuffer(int capacity, int observationSize, int actionSize)
    {
        if (capacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "A replay buffer needs room for at least one transition.");
        }
        Capacity = capacity;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        _obs = new float[capacity * observationSize];
        _nextObs = new float[capacity * observationSize];
        _actions = new float[capacity * actionSize];
        _rewards = new float[capacity];
        _terminated = new float[capacity];
    }

    /// <summary>Maximum number of transitions.</summary>
    public int Capacity { get; }

    /// <summary>Floats per observation / action.</summary>
    public int ObservationSize { get; }

    /// <inheritdoc cref="ObservationSize"/>
    public int ActionSize { get; }

    /// <summary>Transitions stored (≤ capacity).</summary>
    public int Count { get; private set; }

    /// <summary>Stores one transition, overwriting the oldest when full.</summary>
    public void Add(ReadOnlySpan<float> obs, ReadOnlySpan<float> action, float reward, ReadOnlySpan<float> nextObs, bool terminated)
    {
        obs.CopyTo(_obs.AsSpan(_next * ObservationSize, ObservationSize));
        nextObs.CopyTo(_nextObs.AsSpan(_next * ObservationSize, ObservationSize));
        action.CopyTo(_actions.AsSpan(_next * ActionSize, ActionSize));
        _rewards[_next] = reward;
        _terminated[_next] = terminated ? 1f : 0f;
        _next = (_next + 1) % Capacity;
        Count = Math.Min(Count + 1, Capacity);
    }

    /// <summary>Draws <paramref name="batch"/> transitions uniformly (with replacement) into the given buffers.</summary>
    public void Sample(int batch, RandomSource random, Span<float> obs, Span<float> actions, Span<float> rewards, Span<float> nextObs, Span<float> terminated)
    {
        if (Count == 0)
        {
            throw new InvalidOperationException("The replay buffer is empty: collect transitions before sampling.");
        }
        for (int b = 0; b < batch; b++)
        {
            int i = random.NextInt(Count);
            _obs.AsSpan(i * ObservationSize, ObservationSize).CopyTo(obs.Slice(b * ObservationSize, ObservationSize));
            _nextObs.AsSpan(i * ObservationSize, ObservationSize).CopyTo(nextObs.Slice(b * ObservationSize, ObservationSize));
            _actions.AsSpan(i * ActionSize, ActionSize).CopyTo(actions.Slice(b * ActionSize, ActionSize));
            rewards[b] = _rewards[i];
            terminated[b] = _terminated[i];
        }
    }
}
