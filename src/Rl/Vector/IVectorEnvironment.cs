using Zero.Rl.Spaces;

namespace Zero.Rl.Vector;

/// <summary>
/// N copies of an environment stepped together, as Gymnasium's vector API / SB3's VecEnv: flat row-major
/// buffers owned by the vector environment (row i belongs to sub-environment i) that the caller reads after each
/// step, so a step allocates nothing. Implemented by <see cref="VectorEnvironment"/> and decorated by
/// <see cref="Wrappers.VecNormalize"/>; the algorithms' rollout loops call it.
/// </summary>
public interface IVectorEnvironment
{
    /// <summary>Number of sub-environments.</summary>
    int Count { get; }

    /// <summary>The observation space of one sub-environment.</summary>
    Space SingleObservationSpace { get; }

    /// <summary>The action space of one sub-environment.</summary>
    Space SingleActionSpace { get; }

    /// <summary>Observations, Count × ObservationSize floats.</summary>
    ReadOnlySpan<float> Observations { get; }

    /// <summary>Rewards of the last step, Count floats.</summary>
    ReadOnlySpan<float> Rewards { get; }

    /// <summary>Terminated flags of the last step.</summary>
    ReadOnlySpan<bool> Terminated { get; }

    /// <summary>Truncated flags of the last step.</summary>
    ReadOnlySpan<bool> Truncated { get; }

    /// <summary>Row i holds the last observation of the episode that ended at row i on the last step (where Terminated or Truncated).</summary>
    ReadOnlySpan<float> FinalObservations { get; }

    /// <summary>Episode returns and lengths of the raw environment.</summary>
    EpisodeStatistics Statistics { get; }

    /// <summary>Resets every sub-environment; with a seed, sub-environment i is seeded with seed + i.</summary>
    void Reset(int? seed = null);

    /// <summary>Steps every sub-environment; <paramref name="actions"/> holds Count × action FlatSize floats.</summary>
    void Step(ReadOnlySpan<float> actions);
}
