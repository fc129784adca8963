using Zero.Rl.Spaces;

namespace Zero.Rl.Environments;

/// <summary>
/// The Gymnasium-style environment contract that every environment, wrapper and user plug-in implements;
/// vector environments, the checker and the algorithms call it. Observations and actions are flat float
/// spans owned by the caller, so a step allocates nothing.
/// <list type="bullet">
/// <item><c>Reset(obs, seed)</c>: a seed reseeds the environment's own random source; a reset without a seed
/// continues the stream (an environment never seeded behaves as if seeded with 0, so runs are reproducible).</item>
/// <item><c>Step(action, obs)</c>: a discrete action is one float holding the index; a Box action has
/// <c>ActionSpace.FlatSize</c> floats.</item>
/// </list>
/// </summary>
public interface IEnvironment
{
    /// <summary>The space of observations (a <see cref="BoxSpace"/> for every built-in environment).</summary>
    Space ObservationSpace { get; }

    /// <summary>The space of actions.</summary>
    Space ActionSpace { get; }

    /// <summary>Starts an episode and writes the first observation. A seed reseeds the environment's random source.</summary>
    void Reset(Span<float> observation, int? seed = null);

    /// <summary>Applies an action, writes the next observation and returns reward, terminated and truncated.</summary>
    StepResult Step(ReadOnlySpan<float> action, Span<float> observation);
}
