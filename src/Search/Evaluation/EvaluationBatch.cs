using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// Shared storage for the evaluators' batches: leaf positions, and the values, logits and WDL written for them.
/// A per-leaf evaluator (uniform, hash-random, rollout) overrides <see cref="EvaluateLeaf"/>; a batched one
/// (<see cref="ModelEvaluator{TGame,TMove}"/>) overrides <see cref="Run"/>. Nothing allocates after construction.
/// </summary>
/// <remarks>
/// Layout for capacity C and A = ActionCount: <c>Values[C]</c>, <c>Logits[C·A]</c> (leaf i at i·A),
/// <c>WdlValues[C·3]</c> (only when the evaluator has a WDL head), <c>Ready[C]</c>.
/// </remarks>
public abstract class EvaluationBatch<TGame, TMove> : IEvaluationBatch<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    protected EvaluationBatch(int capacity, bool hasWdl)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        HasWdl = hasWdl;
        Positions = new TGame[capacity];
        Values = new float[capacity];
        Logits = new float[capacity * TGame.ActionCount];
        WdlValues = hasWdl ? new float[capacity * 3] : [];
        Ready = new bool[capacity];
    }

    public int Capacity { get; }
    public int Count { get; private set; }
    public bool HasWdl { get; }

    protected TGame[] Positions { get; }
    protected float[] Values { get; }
    protected float[] Logits { get; }
    protected float[] WdlValues { get; }
    protected bool[] Ready { get; }

    public virtual bool Add(in TGame position)
    {
        int index = Reserve();
        Positions[index] = position;
        return false;
    }

    /// <summary>Claims the next index (not ready) and returns it.</summary>
    /// <exception cref="InvalidOperationException">The batch is full.</exception>
    protected int Reserve()
    {
        if (Count == Capacity)
        {
            throw new InvalidOperationException($"evaluation batch is full ({Capacity} leaves); call Run and Clear first");
        }
        Ready[Count] = false;
        return Count++;
    }

    public virtual void Run()
    {
        for (int i = 0; i < Count; i++)
        {
            if (!Ready[i])
            {
                EvaluateLeaf(i);
                Ready[i] = true;
            }
        }
    }

    /// <summary>Writes <c>Values[index]</c> and the logits of leaf <paramref name="index"/> (they start as left by the last use).</summary>
    protected virtual void EvaluateLeaf(int index) =>
        throw new NotSupportedException($"{GetType().Name} evaluates whole batches; it must override Run");

    /// <summary>The logits slot of leaf <paramref name="index"/>.</summary>
    protected Span<float> LogitsAt(int index) => Logits.AsSpan(index * TGame.ActionCount, TGame.ActionCount);

    public float Value(int index) => Values[index];

    public ReadOnlySpan<float> PolicyLogits(int index) => LogitsAt(index);

    public Wdl Wdl(int index) =>
        HasWdl ? new Wdl(WdlValues[3 * index], WdlValues[3 * index + 1], WdlValues[3 * index + 2]) : Evaluation.Wdl.FromValue(Values[index]);

    public virtual void Clear() => Count = 0;

    public virtual void Dispose() => GC.SuppressFinalize(this);
}
