namespace Zero.Uci.Evaluation;

/// <summary>
/// Depth counters of one search, filled by <see cref="UciEvaluator"/> from the plies of the leaves it is asked to
/// evaluate (leaf ply − root ply): their mean is the `depth` and their maximum the `seldepth` of UCI info lines.
/// Thread-safe (Interlocked); reset at the start of every search.
/// </summary>
public sealed class SearchDepthStats
{
    private long _sum;
    private long _count;
    private int _max;

    public void Reset()
    {
        Interlocked.Exchange(ref _sum, 0);
        Interlocked.Exchange(ref _count, 0);
        Interlocked.Exchange(ref _max, 0);
    }

    public void Record(int depth)
    {
        Interlocked.Add(ref _sum, depth);
        Interlocked.Increment(ref _count);
        int seen = Volatile.Read(ref _max);
        while (depth > seen)
        {
            int previous = Interlocked.CompareExchange(ref _max, depth, seen);
            if (previous == seen)
            {
                break;
            }
            seen = previous;
        }
    }

    /// <summary>Mean depth of the evaluated leaves, rounded (0 before any leaf).</summary>
    public int AverageDepth
    {
        get
        {
            long n = Interlocked.Read(ref _count);
            return n == 0 ? 0 : (int)Math.Round((double)Interlocked.Read(ref _sum) / n);
        }
    }

    /// <summary>Deepest evaluated leaf.</summary>
    public int MaxDepth => Volatile.Read(ref _max);
}
