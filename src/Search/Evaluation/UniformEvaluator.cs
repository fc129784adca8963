using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// Value 0 and equal logits for every position: the search becomes plain UCT-like exploration with exact terminal
/// values. Used by tests, by `zero bench search` (the tree's speed ceiling) and by `zero analyze --evaluator uniform`.
/// </summary>
public sealed class UniformEvaluator<TGame, TMove> : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    public string Name => "uniform";
    public bool HasPolicy => false;

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity) => new Batch(capacity);

    private sealed class Batch(int capacity) : EvaluationBatch<TGame, TMove>(capacity, hasWdl: false)
    {
        public override bool Add(in TGame position)
        {
            int index = Reserve();
            Values[index] = 0f; // the logits are never written, so they stay zero
            Ready[index] = true;
            return true;
        }
    }
}
