namespace Zero.Rl;

/// <summary>
/// The one seeded random source of the RL core: xoshiro256** seeded through SplitMix64, so a seed gives the
/// same stream on every .NET version and machine. Environments own one (reseeded by <c>Reset(seed)</c>, as
/// Gymnasium reseeds <c>np_random</c>); algorithms own one for exploration and minibatch shuffling.
/// Not thread-safe: give each thread its own.
/// </summary>
public sealed class RandomSource
{
    private ulong _s0, _s1, _s2, _s3;
    private double _spareNormal;
    private bool _hasSpare;

    /// <summary>Creates a source from a 64-bit seed.</summary>
    public RandomSource(long seed) => Reseed(seed);

    /// <summary>Restarts the stream from a seed (SplitMix64 expands it into the 256-bit state).</summary>
    public void Reseed(long seed)
    {
        ulong x = unchecked((ulong)seed);
        _s0 = SplitMix64.Next(ref x);
        _s1 = SplitMix64.Next(ref x);
        _s2 = SplitMix64.Next(ref x);
        _s3 = SplitMix64.Next(ref x);
        _hasSpare = false;
    }

    /// <summary>Next raw 64 bits.</summary>
    public ulong NextUInt64()
    {
        ulong result = ulong.RotateLeft(_s1 * 5, 7) * 9;
        ulong t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = ulong.RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform double in [0, 1) with 53 random bits.</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [low, high), computed as NumPy does: low + (high − low)·u.</summary>
    public double Uniform(double low, double high) => low + ((high - low) * NextDouble());

    /// <summary>Uniform integer in [0, n) without modulo bias (Lemire's method).</summary>
    public int NextInt(int n)
    {
        if (n <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "NextInt needs n ≥ 1.");
        }
        ulong m = (ulong)(uint)NextUInt64() * (uint)n;
        if ((uint)m < (uint)n)
        {
            uint threshold = (uint)-n % (uint)n;
            while ((uint)m < threshold)
            {
                m = (ulong)(uint)NextUInt64() * (uint)n;
            }
        }
        return (int)(m >> 32);
    }

    /// <summary>Standard normal sample (Marsaglia's polar method; the second value is kept for the next call).</summary>
    public double NextNormal()
    {
        if (_hasSpare)
        {
            _hasSpare = false;
            return _spareNormal;
        }
        double u, v, s;
        do
        {
            u = (2.0 * NextDouble()) - 1.0;
            v = (2.0 * NextDouble()) - 1.0;
            s = (u * u) + (v * v);
        }
        while (s >= 1.0 || s == 0.0);
        double f = Math.Sqrt(-2.0 * Math.Log(s) / s);
        _spareNormal = v * f;
        _hasSpare = true;
        return u * f;
    }

    /// <summary>Derives an independent child seed (for per-environment or per-component streams).</summary>
    public long NextSeed() => unchecked((long)NextUInt64());
}
