using Zero.Games.Chess;
using Zero.Search.Evaluation;

namespace Zero.Uci.Evaluation;

/// <summary>
/// A decorator the UCI engine puts in front of its real evaluator (heuristic or network) for two things the search
/// itself does not offer: 1. depth statistics (<see cref="SearchDepthStats"/>) for `depth` and `seldepth`;
/// 2. `go searchmoves`: at the root, the logits of every move outside the allowed list are pushed to −1000, so
/// their priors are ~0 and the search spends its playouts on the allowed moves (the engine also picks its
/// bestmove among them only). Set <see cref="Root"/> and <see cref="AllowedRootActions"/> before each search.
/// </summary>
public sealed class UciEvaluator(IEvaluator<ChessPosition, ChessMove> inner) : IEvaluator<ChessPosition, ChessMove>
{
    private const float Excluded = -1000f;

    public string Name => inner.Name;

    public bool HasPolicy => inner.HasPolicy;

    public SearchDepthStats Depth { get; } = new();

    /// <summary>The root of the coming search: its ply and hash identify it among the leaves.</summary>
    public ChessPosition Root { get; set; } = ChessPosition.Initial;

    /// <summary>The root actions `go searchmoves` allows, or null for all.</summary>
    public IReadOnlySet<int>? AllowedRootActions { get; set; }

    public IEvaluationBatch<ChessPosition, ChessMove> CreateBatch(int capacity) => new Batch(this, inner.CreateBatch(capacity));

    private sealed class Batch(UciEvaluator owner, IEvaluationBatch<ChessPosition, ChessMove> inner) : IEvaluationBatch<ChessPosition, ChessMove>
    {
        private readonly float[] _masked = new float[ChessPosition.ActionCount];
        private int _rootIndex = -1;

        public int Capacity => inner.Capacity;
        public int Count => inner.Count;
        public bool HasWdl => inner.HasWdl;

        public bool Add(in ChessPosition position)
        {
            ChessPosition root = owner.Root;
            if (position.Ply == root.Ply && position.Hash == root.Hash)
            {
                _rootIndex = inner.Count;
            }
            owner.Depth.Record(Math.Max(0, position.Ply - root.Ply));
            return inner.Add(position);
        }

        public void Run() => inner.Run();

        public float Value(int index) => inner.Value(index);

        public ReadOnlySpan<float> PolicyLogits(int index)
        {
            IReadOnlySet<int>? allowed = owner.AllowedRootActions;
            if (index != _rootIndex || allowed is null)
            {
                return inner.PolicyLogits(index);
            }
            inner.PolicyLogits(index).CopyTo(_masked);
            for (int a = 0; a < _masked.Length; a++)
            {
                if (!allowed.Contains(a))
                {
                    _masked[a] = Excluded;
                }
            }
            return _masked;
        }

        public Wdl Wdl(int index) => inner.Wdl(index);

        public void Clear()
        {
            _rootIndex = -1;
            inner.Clear();
        }

        public void Dispose() => inner.Dispose();
    }
}
