namespace Zero.Search.Evaluation;

/// <summary>
/// The raw, game-agnostic network seam: features in, logits and values out, for a whole batch at once. Engine's
/// inference network implements it through a small adapter in Zero.SelfPlay (Search never references Zero.Engine;
/// a test pins that). <see cref="ModelEvaluator{TGame,TMove}"/> turns positions into features for it, and
/// <see cref="BatchingModel"/> merges the calls of many concurrent searches into large batches.
/// </summary>
/// <remarks>
/// An implementation need not be thread-safe: <see cref="BatchingModel"/> calls its inner model from one worker
/// thread, and a plain <see cref="ModelEvaluator{TGame,TMove}"/> should be given a model per search thread (or a
/// <see cref="BatchingModel"/>, which is thread-safe).
/// </remarks>
public interface IBatchModel
{
    /// <summary>A short description ("connect4-b6c64"), shown in results and benchmarks.</summary>
    string Name { get; }

    /// <summary>Floats of input per position (the game's <c>InputShape.Size</c>).</summary>
    int InputSize { get; }

    /// <summary>Logits per position (the game's <c>ActionCount</c>).</summary>
    int PolicySize { get; }

    /// <summary>True when <see cref="Evaluate"/> also fills win/draw/loss probabilities.</summary>
    bool HasWdl { get; }

    /// <summary>
    /// Evaluates <paramref name="count"/> positions. <paramref name="inputs"/> holds <c>count × InputSize</c> floats,
    /// <paramref name="policyLogits"/> receives <c>count × PolicySize</c>, <paramref name="values"/> receives
    /// <paramref name="count"/> values in [-1, 1] from each position's side to move, and <paramref name="wdl"/>
    /// receives <c>count × 3</c> probabilities when <see cref="HasWdl"/> (it may be empty otherwise). Blocks.
    /// </summary>
    void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl);
}
