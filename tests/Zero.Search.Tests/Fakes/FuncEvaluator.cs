using Zero.Games;
using Zero.Search.Evaluation;

namespace Zero.Search.Tests.Fakes;

/// <summary>A test evaluator defined by two functions (value, logit per action) that counts the leaves it evaluates.</summary>
internal sealed class FuncEvaluator<TGame, TMove>(Func<TGame, float> value, Func<TGame, int, float> logit) : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private long _evaluated;

    public string Name => "func";
    public bool HasPolicy => true;

    /// <summary>Leaves evaluated so far, over all batches.</summary>
    public long Evaluated => Interlocked.Read(ref _evaluated);

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity) => new Batch(this, capacity);

    private sealed class Batch(FuncEvaluator<TGame, TMove> owner, int capacity) : EvaluationBatch<TGame, TMove>(capacity, hasWdl: false)
    {
        protected override void EvaluateLeaf(int index)
        {
            Interlocked.Increment(ref owner._evaluated);
            Values[index] = owner.Value(Positions[index]);
            Span<float> logits = LogitsAt(index);
            for (int a = 0; a < logits.Length; a++)
            {
                logits[a] = owner.Logit(Positions[index], a);
            }
        }
    }

    private float Value(TGame position) => value(position);

    private float Logit(TGame position, int action) => logit(position, action);
}
