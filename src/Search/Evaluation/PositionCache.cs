namespace Zero.Search.Evaluation;

/// <summary>
/// A bounded, thread-safe table of evaluation results keyed by position hash, for <see cref="CachingEvaluator{TGame,TMove}"/>.
/// Direct-mapped: a hash owns one slot (hash mod capacity, capacity a power of two) and a newer result replaces
/// the older one, so memory is fixed at construction: about <c>capacity × (16 + 4·(policySize + 3))</c> bytes.
/// Slots are guarded by 256 striped locks; a lookup or store holds one for the copy of one result.
/// </summary>
public sealed class PositionCache
{
    private const int Stripes = 256;
    private readonly ulong[] _keys;
    private readonly bool[] _used;
    private readonly float[] _values;
    private readonly float[] _logits;
    private readonly float[] _wdl;
    private readonly Lock[] _locks;
    private readonly int _mask;
    private readonly int _policySize;
    private long _hits;
    private long _lookups;

    /// <param name="capacity">Most results kept; rounded up to a power of two.</param>
    /// <param name="policySize">Logits per result.</param>
    /// <param name="hasWdl">Whether results carry win/draw/loss probabilities.</param>
    public PositionCache(int capacity, int policySize, bool hasWdl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, 1 << 26);
        int size = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _mask = size - 1;
        _policySize = policySize;
        _keys = new ulong[size];
        _used = new bool[size];
        _values = new float[size];
        _logits = new float[(long)size * policySize];
        _wdl = hasWdl ? new float[size * 3] : [];
        _locks = new Lock[Stripes];
        for (int i = 0; i < Stripes; i++)
        {
            _locks[i] = new Lock();
        }
    }

    /// <summary>Slots in the table.</summary>
    public int Capacity => _mask + 1;

    /// <summary>Whether results carry win/draw/loss probabilities.</summary>
    public bool HasWdl => _wdl.Length > 0;

    /// <summary>Lookups that found their position.</summary>
    public long Hits => Interlocked.Read(ref _hits);

    /// <summary>All lookups.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    /// <summary>Copies the stored result for <paramref name="hash"/> out, when there is one.</summary>
    public bool TryGet(ulong hash, out float value, Span<float> logits, Span<float> wdl)
    {
        int slot = (int)(hash & (ulong)_mask);
        Interlocked.Increment(ref _lookups);
        lock (_locks[slot & (Stripes - 1)])
        {
            if (!_used[slot] || _keys[slot] != hash)
            {
                value = 0f;
                return false;
            }
            value = _values[slot];
            _logits.AsSpan(slot * _policySize, _policySize).CopyTo(logits);
            if (_wdl.Length > 0)
            {
                _wdl.AsSpan(slot * 3, 3).CopyTo(wdl);
            }
        }
        Interlocked.Increment(ref _hits);
        return true;
    }

    /// <summary>Stores a result, replacing whatever held its slot.</summary>
    public void Store(ulong hash, float value, ReadOnlySpan<float> logits, ReadOnlySpan<float> wdl)
    {
        int slot = (int)(hash & (ulong)_mask);
        lock (_locks[slot & (Stripes - 1)])
        {
            _keys[slot] = hash;
            _used[slot] = true;
            _values[slot] = value;
            logits.CopyTo(_logits.AsSpan(slot * _policySize, _policySize));
            if (_wdl.Length > 0)
            {
                wdl.CopyTo(_wdl.AsSpan(slot * 3, 3));
            }
        }
    }

    /// <summary>Forgets every result.</summary>
    public void Clear()
    {
        foreach (Lock l in _locks)
        {
            l.Enter();
        }
        Array.Clear(_used);
        foreach (Lock l in _locks)
        {
            l.Exit();
        }
    }
}
