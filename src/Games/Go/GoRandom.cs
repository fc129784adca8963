namespace Zero.Games.Go;

/// <summary>
/// A small, fast, seeded generator (xorshift64*) for playouts, where <see cref="Random"/>'s virtual calls cost
/// a measurable share of the time. Callers own the seed: the same seed replays the same playouts.
/// </summary>
public struct GoRandom
{
    private ulong _state;

    /// <summary>Seeds the generator (any value; 0 is remapped).</summary>
    public GoRandom(ulong seed) => _state = SplitMix64.Mix(seed) | 1;

    /// <summary>The next 64 random bits.</summary>
    public ulong Next()
    {
        _state ^= _state >> 12;
        _state ^= _state << 25;
        _state ^= _state >> 27;
        return _state * 0x2545F4914F6CDD1DUL;
    }

    /// <summary>A uniform integer in [0, <paramref name="n"/>) (multiply-shift; bias below 2⁻³²).</summary>
    public int Below(int n) => (int)(((Next() >> 32) * (ulong)(uint)n) >> 32);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));
}
