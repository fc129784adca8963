namespace Zero.Search.Baselines;

/// <summary>
/// The depth-limited search's transposition table: full key, score, the depth it was searched to, the bound kind
/// and the best column, always-replace. Used only by <see cref="ConnectFourSolver"/>'s heuristic search.
/// </summary>
internal sealed class HeuristicTable
{
    public const byte Exact = 0;
    public const byte Lower = 1;
    public const byte Upper = 2;

    private readonly Entry[] _entries;
    private readonly int _shift;

    public HeuristicTable(int bits)
    {
        if (bits is < 10 or > 28)
        {
            throw new ArgumentOutOfRangeException(nameof(bits), bits, "table size must be 2^10 to 2^28 entries");
        }
        _entries = new Entry[1 << bits];
        _shift = 64 - bits;
    }

    private int Index(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);

    public void Put(ulong key, int score, int depth, byte bound, int column) =>
        _entries[Index(key)] = new Entry(key + 1, (short)score, (sbyte)depth, (byte)(bound | (column << 2)));

    /// <summary>Looks <paramref name="key"/> up; on a hit returns its score, depth, bound and best column.</summary>
    public bool TryGet(ulong key, out int score, out int depth, out byte bound, out int column)
    {
        Entry e = _entries[Index(key)];
        if (e.KeyPlusOne != key + 1)
        {
            score = depth = column = 0;
            bound = 0;
            return false;
        }
        score = e.Score;
        depth = e.Depth;
        bound = (byte)(e.Flags & 3);
        column = e.Flags >> 2;
        return true;
    }

    public void Clear() => Array.Clear(_entries);

    /// <summary>One slot: the key is stored plus one so that an all-zero slot never matches.</summary>
    private readonly record struct Entry(ulong KeyPlusOne, short Score, sbyte Depth, byte Flags);
}
