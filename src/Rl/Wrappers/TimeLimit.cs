using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.Wrappers;

/// <summary>
/// Gymnasium's <c>TimeLimit</c>: sets <c>truncated</c> (never <c>terminated</c>) once the episode has taken
/// <see cref="MaxEpisodeSteps"/> steps, so learners bootstrap from the final observation. A step can be both
/// terminated and truncated. Added by <see cref="ClassicControl.ClassicControlCatalog.Make"/>.
/// </summary>
public sealed class TimeLimit : IEnvironment
{
    private readonly IEnvironment _inner;

    /// <summary>Wraps <paramref name="inner"/> with a limit of <paramref name="maxEpisodeSteps"/> steps.</summary>
    public TimeLimit(IEnvironment inner, int maxEpisodeSteps)
    {
        if (maxEpisodeSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(maxEpisodeSteps), maxEpisodeSteps, "A time limit needs at least one step.");
        }
        _inner = inner;
        MaxEpisodeSteps = maxEpisodeSteps;
    }

    /// <summary>The step limit.</summary>
    public int MaxEpisodeSteps { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps { get; private set; }

    /// <summary>The wrapped environment.</summary>
    public IEnvironment Inner => _inner;

    /// <inheritdoc/>
    public Space ObservationSpace => _inner.ObservationSpace;

    /// <inheritdoc/>
    public Space ActionSpace => _inner.ActionSpace;

    /// <inheritdoc/>
    public void Reset(Span<float> observation, int? seed = null)
    {
        ElapsedSteps = 0;
        _inner.Reset(observation, seed);
    }

    /// <inheritdoc/>
    public StepResult Step(ReadOnlySpan<float> action, Span<float> observation)
    {
        StepResult r = _inner.Step(action, observation);
        ElapsedSteps++;
        return ElapsedSteps >= MaxEpisodeSteps ? r with { Truncated = true } : r;
    }
}
