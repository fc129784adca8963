using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// Remembers results by position hash (<see cref="PositionCache"/>, bounded) in front of another evaluator, so
/// transpositions and positions revisited after tree reuse or in the next self-play game skip the network. A hit
/// is reported by <see cref="IEvaluationBatch{TGame,TMove}.Add"/> returning true, and the search uses it at once.
/// </summary>
/// <remarks>
/// The key is <c>TGame.Hash</c>, which covers everything that changes legal moves and outcome; a network whose
/// input also sees history (repetition planes) gets the result of the first history that reached the position.
/// </remarks>
public sealed class CachingEvaluator<TGame, TMove> : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly IEvaluator<TGame, TMove> _inner;

    /// <param name="inner">The evaluator asked on a miss.</param>
    /// <param name="capacity">Most positions remembered (rounded up to a power of two).</param>
    /// <param name="hasWdl">Whether to keep win/draw/loss probabilities (set it when the inner evaluator has them).</param>
    public CachingEvaluator(IEvaluator<TGame, TMove> inner, int capacity, bool hasWdl = false)
    {
        _inner = inner;
        Cache = new PositionCache(capacity, TGame.ActionCount, hasWdl);
    }

    /// <summary>The table, for hit statistics.</summary>
    public PositionCache Cache { get; }

    public string Name => $"cache({_inner.Name})";
    public bool HasPolicy => _inner.HasPolicy;

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity) => new Batch(this, capacity);

    private sealed class Batch(CachingEvaluator<TGame, TMove> owner, int capacity)
        : EvaluationBatch<TGame, TMove>(capacity, owner.Cache.HasWdl)
    {
        private readonly IEvaluationBatch<TGame, TMove> _inner = owner._inner.CreateBatch(capacity);
        private readonly int[] _innerIndex = new int[capacity];
        private readonly float[] _wdlScratch = new float[3];

        public override bool Add(in TGame position)
        {
            int index = Reserve();
            Positions[index] = position;
            ulong hash = position.Hash;
            if (owner.Cache.TryGet(hash, out float value, LogitsAt(index), HasWdl ? WdlValues.AsSpan(index * 3, 3) : _wdlScratch))
            {
                Values[index] = value;
                Ready[index] = true;
                return true;
            }
            _innerIndex[index] = _inner.Count;
            if (_inner.Add(position))
            {
                CopyFromInner(index);
                return true;
            }
            return false;
        }

        public override void Run()
        {
            _inner.Run();
            for (int i = 0; i < Count; i++)
            {
                if (!Ready[i])
                {
                    CopyFromInner(i);
                }
            }
        }

        private void CopyFromInner(int index)
        {
            int j = _innerIndex[index];
            Values[index] = _inner.Value(j);
            _inner.PolicyLogits(j).CopyTo(LogitsAt(index));
            Span<float> wdl = HasWdl ? WdlValues.AsSpan(index * 3, 3) : _wdlScratch;
            Wdl w = _inner.Wdl(j);
            wdl[0] = w.Win;
            wdl[1] = w.Draw;
            wdl[2] = w.Loss;
            Ready[index] = true;
            owner.Cache.Store(Positions[index].Hash, Values[index], LogitsAt(index), wdl);
        }

        public override void Clear()
        {
            base.Clear();
            _inner.Clear();
        }

        public override void Dispose()
        {
            _inner.Dispose();
            base.Dispose();
        }
    }
}
