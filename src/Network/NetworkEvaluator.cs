using Zero.Games;
using Zero.Search.Evaluation;

namespace Zero.Network;

/// <summary>
/// Builds the network evaluator stack the search runs on: <c>CachingEvaluator → ModelEvaluator → (BatchingModel) →
/// NetworkModel → InferenceNet</c>. Used by `zero analyze --evaluator net`, `zero bench search`, play, the arena and UCI.
/// </summary>
public static class NetworkEvaluator
{
    /// <summary>
    /// The evaluator for <typeparamref name="TGame"/> over <paramref name="model"/>, behind a position cache of
    /// <paramref name="cacheSize"/> entries (0 = no cache).
    /// </summary>
    /// <exception cref="ZeroException">The network's input or policy size does not fit the game.</exception>
    public static IEvaluator<TGame, TMove> Create<TGame, TMove>(IBatchModel model, int cacheSize = 1 << 16)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var evaluator = new ModelEvaluator<TGame, TMove>(model);
        return cacheSize > 0 ? new CachingEvaluator<TGame, TMove>(evaluator, cacheSize, model.HasWdl) : evaluator;
    }
}
