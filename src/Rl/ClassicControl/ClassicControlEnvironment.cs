using Zero.Rl.Environments;
using Zero.Rl.Spaces;

namespace Zero.Rl.ClassicControl;

/// <summary>
/// Shared plumbing of the five classic-control ports: the environment's own random source (reseeded by
/// <c>Reset(seed)</c>, continued otherwise), the float64 physical state and test access to it. The subclasses
/// hold only the physics, written in the update order of Gymnasium's sources. Created by
/// <see cref="ClassicControlCatalog"/>, which adds the time limit.
/// </summary>
public abstract class ClassicControlEnvironment : IEnvironment
{
    private readonly RandomSource _random = new(0);

    /// <summary>The physical state in float64, laid out as each subclass documents.</summary>
    protected double[] State { get; }

    /// <summary>Creates the environment with a state of <paramref name="stateSize"/> doubles.</summary>
    protected ClassicControlEnvironment(int stateSize) => State = new double[stateSize];

    /// <inheritdoc/>
    public abstract Space ObservationSpace { get; }

    /// <inheritdoc/>
    public abstract Space ActionSpace { get; }

    /// <summary>The environment's random source (reseeded by <c>Reset(seed)</c>).</summary>
    protected RandomSource Random => _random;

    /// <inheritdoc/>
    public void Reset(Span<float> observation, int? seed = null)
    {
        if (seed is int s)
        {
            _random.Reseed(s);
        }
        ResetState();
        WriteObservation(observation);
    }

    /// <inheritdoc/>
    public abstract StepResult Step(ReadOnlySpan<float> action, Span<float> observation);

    /// <summary>Draws the initial state from <see cref="Random"/>.</summary>
    protected abstract void ResetState();

    /// <summary>Writes the observation of the current state (float32).</summary>
    protected abstract void WriteObservation(Span<float> observation);

    /// <summary>Copies the physical state out (for tests and golden trajectories).</summary>
    public void GetState(Span<double> destination) => State.CopyTo(destination);

    /// <summary>Sets the physical state (for tests from given states) and writes its observation.</summary>
    public void SetState(ReadOnlySpan<double> state, Span<float> observation)
    {
        if (state.Length != State.Length)
        {
            throw new ArgumentException($"{GetType().Name} has a state of {State.Length} numbers, not {state.Length}.", nameof(state));
        }
        state.CopyTo(State);
        OnStateSet();
        WriteObservation(observation);
    }

    /// <summary>Hook for environments that keep extra episode bookkeeping when a state is set.</summary>
    protected virtual void OnStateSet()
    {
    }

    /// <summary>Reads a discrete action and checks it, with a message that says what was expected.</summary>
    protected static int DiscreteAction(ReadOnlySpan<float> action, int n, string env)
    {
        if (action.Length != 1 || !(action[0] >= 0 && action[0] < n) || action[0] != MathF.Floor(action[0]))
        {
            string got = action.Length == 1 ? action[0].ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{action.Length} values";
            throw new ArgumentException($"{env} takes one action index in 0..{n - 1}, got {got}.", nameof(action));
        }
        return (int)action[0];
    }
}
