namespace Zero.Games;

/// <summary>Deterministic hashing helpers shared by the games.</summary>
public static class Hashing
{
    /// <summary>SplitMix64 finaliser: a bijective, well-mixed map from a packed position key to a 64-bit hash.</summary>
    public static ulong Mix(ulong x)
    {
        x += 0x9E3779B97F4A7C15UL;
        x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9UL;
        x = (x ^ (x >> 27)) * 0x94D049BB133111EBUL;
        return x ^ (x >> 31);
    }
}
