using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// The evaluator seam: the only thing the search asks of a network (or of a fake) is "evaluate these leaves".
/// The search creates one <see cref="IEvaluationBatch{TGame,TMove}"/> per search thread and reuses it for every
/// gather: add leaves, run, read results, clear. Decorators compose around the raw model:
/// <c>CachingEvaluator → ModelEvaluator → BatchingModel → IBatchModel (network)</c>.
/// </summary>
/// <remarks>
/// Implementations must allow <see cref="CreateBatch"/> from any thread and many live batches at once (one per
/// search thread, many searches in self-play). A single batch is used by one thread at a time.
/// </remarks>
public interface IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>A short description ("uniform", "rollout", "net:connect4-b6c64"), shown in results and logs.</summary>
    string Name { get; }

    /// <summary>True when the policy carries information (a network); false for uniform and rollout evaluators.</summary>
    bool HasPolicy { get; }

    /// <summary>Creates a batch that holds up to <paramref name="capacity"/> leaves. Dispose it when the search ends.</summary>
    IEvaluationBatch<TGame, TMove> CreateBatch(int capacity);
}
