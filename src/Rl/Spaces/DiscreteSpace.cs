namespace Zero.Rl.Spaces;

/// <summary>The integers {0, …, N−1}, as Gymnasium's <c>Discrete(n)</c>. A value is one float holding the index.</summary>
public sealed class DiscreteSpace : Space
{
    /// <summary>Creates Discrete(n). Throws <see cref="ArgumentOutOfRangeException"/> when n &lt; 1.</summary>
    public DiscreteSpace(int n)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "A discrete space needs at least one element.");
        }
        N = n;
    }

    /// <summary>Number of elements.</summary>
    public int N { get; }

    /// <inheritdoc/>
    public override int FlatSize => 1;

    /// <inheritdoc/>
    public override void Sample(RandomSource random, Span<float> destination) => destination[0] = random.NextInt(N);

    /// <inheritdoc/>
    public override bool Contains(ReadOnlySpan<float> value)
    {
        if (value.Length != 1)
        {
            return false;
        }
        float v = value[0];
        return v >= 0 && v < N && v == MathF.Floor(v);
    }

    /// <inheritdoc/>
    public override string ToString() => $"Discrete({N})";
}
