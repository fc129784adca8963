using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.Wrappers;

/// <summary>
/// Gymnasium's <c>RescaleAction</c> + <c>ClipAction</c> in one: the agent acts in [−1, 1]ⁿ (what a tanh-squashed
/// or clipped Gaussian policy produces) and the wrapper maps each value affinely onto the environment's
/// [low, high], clipping first when <see cref="Clip"/> is on. The model file records the bounds so evaluation
/// applies the same mapping. No allocation per step: the scratch action lives in the wrapper.
/// </summary>
public sealed class RescaleAction : IEnvironment
{
    private readonly IEnvironment _inner;
    private readonly BoxSpace _target;
    private readonly float[] _scratch;

    /// <summary>Wraps an environment with a bounded Box action space. Throws <see cref="ArgumentException"/> otherwise.</summary>
    public RescaleAction(IEnvironment inner, bool clip = true)
    {
        if (inner.ActionSpace is not BoxSpace box || !box.IsBounded)
        {
            throw new ArgumentException($"RescaleAction needs a bounded Box action space; this environment has {inner.ActionSpace}.", nameof(inner));
        }
        _inner = inner;
        _target = box;
        Clip = clip;
        _scratch = new float[box.FlatSize];
        ActionSpace = BoxSpace.Uniform(-1f, 1f, box.FlatSize);
    }

    /// <summary>True when actions are clipped into [−1, 1] before rescaling.</summary>
    public bool Clip { get; }

    /// <inheritdoc/>
    public Space ObservationSpace => _inner.ObservationSpace;

    /// <inheritdoc/>
    public Space ActionSpace { get; }

    /// <inheritdoc/>
    public void Reset(Span<float> observation, int? seed = null) => _inner.Reset(observation, seed);

    /// <inheritdoc/>
    public StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        Map(action, _target.Low, _target.High, Clip, _scratch);
        return _inner.Step(_scratch, observation);
    }

    /// <summary>low + (a + 1)·(high − low)/2, with a clipped to [−1, 1] first when <paramref name="clip"/> is set.</summary>
    public static void Map(ReadOnlySpan<float> action, ReadOnlySpan<float> low, ReadOnlySpan<float> high, bool clip, Span<float> destination)
    {
        for (int i = 0; i < action.Length; i++)
        {
            float a = clip ? Math.Clamp(action[i], -1f, 1f) : action[i];
            destination[i] = low[i] + ((a + 1f) * 0.5f * (high[i] - low[i]));
        }
    }
}
