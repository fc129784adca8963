namespace Zero;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood 2014), the one copy in the product: a bijective, well-mixed 64-bit finaliser
/// (<see cref="Mix"/>) and the generator that steps a state by the golden-ratio increment and mixes it
/// (<see cref="Next"/>). Games hash packed positions with it, Zobrist keys come from it, the RL core expands a seed
/// into xoshiro256** state with it, and self-play derives per-game seeds with it.
/// </summary>
public static class SplitMix64
{
    /// <summary>The golden-ratio increment 2^64 / φ.</summary>
    public const ulong Increment = 0x9E3779B97F4A7C15UL;

    /// <summary>The finaliser of the state <paramref name="x"/> + <see cref="Increment"/>: a bijection, so distinct keys never collide.</summary>
    public static ulong Mix(ulong x)
    {
        x += Increment;
        return Finalise(x);
    }

    /// <summary>Advances <paramref name="state"/> by one step and returns its output (the reference generator's <c>next()</c>).</summary>
    public static ulong Next(ref ulong state)
    {
        state += Increment;
        return Finalise(state);
    }

    private static ulong Finalise(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
