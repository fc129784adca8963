using Zero.Games;
using Zero.Search.Evaluation;

namespace Zero.SelfPlay.Tests;

/// <summary>
/// A fake network that believes the first player is lost: value −<paramref name="magnitude"/> when the first player is
/// to move, +magnitude otherwise, uniform policy. Makes the first player's resign rule fire.
/// </summary>
internal sealed class SideBiasedEvaluator<TGame, TMove>(float magnitude) : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    public string Name => "side-biased";
    public bool HasPolicy => true;

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity) => new Batch(capacity, magnitude);

    private sealed class Batch(int capacity, float magnitude) : EvaluationBatch<TGame, TMove>(capacity, hasWdl: false)
    {
        protected override void EvaluateLeaf(int index)
        {
            Values[index] = Positions[index].SideToMove == 0 ? -magnitude : magnitude;
        }
    }
}
