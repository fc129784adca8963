using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// Pure MCTS: the value of a leaf is the result of one uniformly random playout from it (from the leaf's side to
/// move), or of the game's own playout where it has one (<see cref="IFastPlayout"/>: Go plays on a mutable board
/// with a light policy); the policy is uniform. The default `zero analyze` evaluator for games without a network, and the engine
/// behind the `mcts:N` opponent before a network exists. Each batch draws from its own <see cref="Random"/> seeded
/// from the evaluator seed and the batch's creation number, so one search thread with a fixed seed repeats exactly.
/// </summary>
public sealed class RolloutEvaluator<TGame, TMove>(int seed, int maxPlies = 1000) : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private int _batches;

    public string Name => "rollout";
    public bool HasPolicy => false;

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity)
    {
        int number = Interlocked.Increment(ref _batches);
        int batchSeed = (int)SplitMix64.Mix(((ulong)(uint)seed << 32) | (uint)number);
        return new Batch(capacity, new Random(batchSeed), maxPlies);
    }

    /// <summary>Plays random moves from <paramref name="start"/> to the end; the result from the start's side to move (a draw after <paramref name="maxPlies"/>).</summary>
    public static float Playout(TGame start, Random random, Span<TMove> moves, int maxPlies)
    {
        if (start is IFastPlayout fast && start.Outcome is null)
        {
            return fast.Playout((ulong)random.NextInt64());
        }
        TGame position = start;
        for (int ply = 0; ply < maxPlies; ply++)
        {
            GameResult? outcome = position.Outcome;
            if (outcome is { } result)
            {
                float value = result.ToValue();
                return position.SideToMove == start.SideToMove ? value : -value;
            }
            int count = position.GenerateMoves(moves);
            position = position.Play(moves[random.Next(count)]);
        }
        return 0f;
    }

    private sealed class Batch(int capacity, Random random, int maxPlies) : EvaluationBatch<TGame, TMove>(capacity, hasWdl: false)
    {
        private readonly TMove[] _moves = new TMove[TGame.MaxMoves];

        protected override void EvaluateLeaf(int index) =>
            Values[index] = Playout(Positions[index], random, _moves, maxPlies);
    }
}
