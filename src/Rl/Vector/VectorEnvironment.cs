using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.Vector;

/// <summary>
/// The in-process vector environment (Gymnasium's SyncVectorEnv, SB3's DummyVecEnv): steps N environments in
/// a loop over preallocated buffers, resets finished ones automatically (<see cref="AutoresetMode"/>) and keeps
/// <see cref="EpisodeStatistics"/>. Nothing is allocated per step. Classic-control steps cost tens of
/// nanoseconds, so threads would cost more than they save.
/// </summary>
public sealed class VectorEnvironment : IVectorEnvironment
{
    private readonly IEnvironment[] _envs;
    private readonly float[] _obs;
    private readonly float[] _finalObs;
    private readonly float[] _rewards;
    private readonly bool[] _terminated;
    private readonly bool[] _truncated;
    private readonly bool[] _needsReset;
    private readonly int _obsSize;
    private readonly int _actSize;

    /// <summary>Creates <paramref name="count"/> environments from <paramref name="factory"/>. Throws <see cref="ArgumentException"/> when they disagree on spaces.</summary>
    public VectorEnvironment(Func<IEnvironment> factory, int count, AutoresetMode mode = AutoresetMode.SameStep)
    {
        if (count < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A vector environment needs at least one environment.");
        }
        _envs = new IEnvironment[count];
        for (int i = 0; i < count; i++)
        {
            _envs[i] = factory();
        }
        SingleObservationSpace = _envs[0].ObservationSpace;
        SingleActionSpace = _envs[0].ActionSpace;
        for (int i = 1; i < count; i++)
        {
            if (_envs[i].ObservationSpace.ToString() != SingleObservationSpace.ToString() || _envs[i].ActionSpace.ToString() != SingleActionSpace.ToString())
            {
                throw new ArgumentException("Every environment of a vector environment needs the same spaces; the factory returned different ones.", nameof(factory));
            }
        }
        Mode = mode;
        _obsSize = SingleObservationSpace.FlatSize;
        _actSize = SingleActionSpace.FlatSize;
        _obs = new float[count * _obsSize];
        _finalObs = new float[count * _obsSize];
        _rewards = new float[count];
        _terminated = new bool[count];
        _truncated = new bool[count];
        _needsReset = new bool[count];
        Statistics = new EpisodeStatistics(count);
    }

    /// <summary>The autoreset mode.</summary>
    public AutoresetMode Mode { get; }

    /// <summary>Sub-environment i (for wrappers and tests).</summary>
    public IEnvironment this[int i] => _envs[i];

    /// <inheritdoc/>
    public int Count => _envs.Length;

    /// <inheritdoc/>
    public Space SingleObservationSpace { get; }

    /// <inheritdoc/>
    public Space SingleActionSpace { get; }

    /// <inheritdoc/>
    public ReadOnlySpan<float> Observations => _obs;

    /// <inheritdoc/>
    public ReadOnlySpan<float> Rewards => _rewards;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Terminated => _terminated;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Truncated => _truncated;

    /// <inheritdoc/>
    public ReadOnlySpan<float> FinalObservations => _finalObs;

    /// <inheritdoc/>
    public EpisodeStatistics Statistics { get; }

    /// <inheritdoc/>
    public void Reset(int? seed = null)
    {
        for (int i = 0; i < _envs.Length; i++)
        {
            _envs[i].Reset(_obs.AsSpan(i * _obsSize, _obsSize), seed is int s ? s + i : null);
        }
        Array.Clear(_rewards);
        Array.Clear(_terminated);
        Array.Clear(_truncated);
        Array.Clear(_needsReset);
        Statistics.ResetRunning();
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> actions)
    {
        if (actions.Length != _envs.Length * _actSize)
        {
            throw new ArgumentException($"Step needs {_envs.Length} × {_actSize} action values, got {actions.Length}.", nameof(actions));
        }
        Statistics.BeginStep();
        for (int i = 0; i < _envs.Length; i++)
        {
            Span<float> obs = _obs.AsSpan(i * _obsSize, _obsSize);

            // Next-step mode: an environment that finished last step is reset now and does not act.
            if (_needsReset[i])
            {
                _envs[i].Reset(obs);
                _needsReset[i] = false;
                _rewards[i] = 0;
                _terminated[i] = false;
                _truncated[i] = false;
                continue;
            }

            StepResult r = _envs[i].Step(actions.Slice(i * _actSize, _actSize), obs);
            _rewards[i] = (float)r.Reward;
            _terminated[i] = r.Terminated;
            _truncated[i] = r.Truncated;
            Statistics.Record(i, r.Reward, r.Done);
            if (!r.Done)
            {
                continue;
            }
            obs.CopyTo(_finalObs.AsSpan(i * _obsSize, _obsSize));
            if (Mode == AutoresetMode.SameStep)
            {
                _envs[i].Reset(obs);
            }
            else
            {
                _needsReset[i] = true;
            }
        }
    }
}
