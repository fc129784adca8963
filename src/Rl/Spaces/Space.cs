namespace Zero.Rl.Spaces;

/// <summary>
/// The set of valid observations or actions of an environment, as Gymnasium's <c>spaces</c>. Values travel as
/// flat float spans (a discrete value is one float holding its index), so environments, vector environments
/// and buffers never allocate per step. Environments declare two; the checker and the algorithms read them.
/// </summary>
public abstract class Space
{
    /// <summary>How many floats one value occupies in a flat buffer (1 for <see cref="DiscreteSpace"/>).</summary>
    public abstract int FlatSize { get; }

    /// <summary>Writes a random member of the space into <paramref name="destination"/> (length <see cref="FlatSize"/>).</summary>
    public abstract void Sample(RandomSource random, Span<float> destination);

    /// <summary>True when <paramref name="value"/> is a member of the space.</summary>
    public abstract bool Contains(ReadOnlySpan<float> value);

    /// <summary>Gymnasium-style description, e.g. <c>Discrete(2)</c> or <c>Box(-1.0, 1.0, (1,), float32)</c>.</summary>
    public abstract override string ToString();
}
