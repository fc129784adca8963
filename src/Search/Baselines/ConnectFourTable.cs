namespace Zero.Search.Baselines;

/// <summary>
/// The exact solver's transposition table: one 8-byte word per slot holding the full 49-bit position key and an
/// 8-bit bound code (0 = empty), always-replace. Full keys make a wrong hit impossible, so a solved score is never
/// corrupted by a collision. Used only by <see cref="ConnectFourSolver"/>.
/// </summary>
internal sealed class ConnectFourTable
{
    private readonly ulong[] _entries;
    private readonly int _shift;

    public ConnectFourTable(int bits)
    {
        if (bits is < 10 or > 30)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "table size must be 2^10 to 2^30 entries");
        }
        _entries = new ulong[1 << bits];
        _shift = 64 - bits;
    }

    private int Index(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    public void Put(ulong key, int value) => _entries[Index(key)] = (key << 8) | (byte)value;

    /// <summary>The stored code for <paramref name="key"/>, or 0 when absent.</summary>
    public int Get(ulong key)
    {
        ulong entry = _entries[Index(key)];
        return (entry >> 8) == key ? (int)(entry & 0xFF) : 0;
    }

    public void Clear() => Array.Clear(_entries);
}
