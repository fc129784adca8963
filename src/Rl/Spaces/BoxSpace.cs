using System.Globalization;

namespace Zero.Rl.Spaces;

/// <summary>
/// A box of float32 vectors low ≤ x ≤ high, as Gymnasium's <c>Box</c> (one dimension here: every classic-control
/// space is a vector). Bounds may be infinite. Sampling follows Gymnasium: uniform when both bounds are finite,
/// normal when both are infinite, low + exponential or high − exponential when one side is bounded.
/// </summary>
public sealed class BoxSpace : Space
{
    private readonly float[] _low;
    private readonly float[] _high;

    /// <summary>Creates a box from per-dimension bounds. Throws <see cref="ArgumentException"/> when they disagree in length, are NaN, or low &gt; high.</summary>
    public BoxSpace(float[] low, float[] high)
    {
        if (low.Length != high.Length || low.Length == 0)
        {
            throw new ArgumentException($"Box bounds need the same non-zero length (low has {low.Length}, high has {high.Length}).");
        }
        for (int i = 0; i < low.Length; i++)
        {
            if (float.IsNaN(low[i]) || float.IsNaN(high[i]) || low[i] > high[i])
            {
                throw new ArgumentException($"Box bound {i} is invalid: low {low[i]}, high {high[i]} (need low ≤ high, no NaN).");
            }
        }
        _low = (float[])low.Clone();
        _high = (float[])high.Clone();
    }

    /// <summary>A box with the same bounds in every one of <paramref name="size"/> dimensions.</summary>
    public static BoxSpace Uniform(float low, float high, int size) =>
        new(Enumerable.Repeat(low, size).ToArray(), Enumerable.Repeat(high, size).ToArray());

    /// <summary>Lower bounds.</summary>
    public ReadOnlySpan<float> Low => _low;

    /// <summary>Upper bounds.</summary>
    public ReadOnlySpan<float> High => _high;

    /// <inheritdoc/>
    public override int FlatSize => _low.Length;

    /// <summary>True when every bound is finite (needed for action rescaling).</summary>
    public bool IsBounded => _low.All(float.IsFinite) && _high.All(float.IsFinite);

    /// <inheritdoc/>
    public override void Sample(RandomSource random, Span<float> destination)
    {
        for (int i = 0; i < _low.Length; i++)
        {
            bool lowFinite = float.IsFinite(_low[i]);
            bool highFinite = float.IsFinite(_high[i]);
            double v = (lowFinite, highFinite) switch
            {
                (true, true) => random.Uniform(_low[i], _high[i]),
                (false, false) => random.NextNormal(),
                (true, false) => _low[i] - Math.Log(1.0 - random.NextDouble()),
                _ => _high[i] + Math.Log(1.0 - random.NextDouble()),
            };
            destination[i] = Math.Clamp((float)v, _low[i], _high[i]);
        }
    }

    /// <inheritdoc/>
    public override bool Contains(ReadOnlySpan<float> value)
    {
        if (value.Length != _low.Length)
        {
            return false;
        }
        for (int i = 0; i < value.Length; i++)
        {
            if (!(value[i] >= _low[i] && value[i] <= _high[i]))
            {
                return false;
            }
        }
        return true;
    }

    /// <inheritdoc/>
    public override string ToString()
    {
        static string F(float v) => float.IsPositiveInfinity(v) ? "inf" : float.IsNegativeInfinity(v) ? "-inf" : v.ToString("R", CultureInfo.InvariantCulture);
        string lows = string.Join(", ", _low.Select(F));
        string highs = string.Join(", ", _high.Select(F));
        return $"Box([{lows}], [{highs}], ({_low.Length},), float32)";
    }
}
