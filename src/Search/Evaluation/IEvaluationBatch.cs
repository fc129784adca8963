using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// A reusable set of leaves to evaluate together (the Lc0 "computation"). The search adds leaves, calls
/// <see cref="Run"/> once (blocking), reads each leaf's result by the index it was added at, then calls
/// <see cref="Clear"/> and starts again. Used by one thread at a time.
/// </summary>
/// <remarks>
/// Results are, for leaf <c>i</c> (its index is the <see cref="Count"/> before it was added):
/// <list type="bullet">
/// <item><see cref="Value"/>: in [-1, 1], from the point of view of the side to move in that leaf.</item>
/// <item><see cref="PolicyLogits"/>: raw logits over all <c>TGame.ActionCount</c> actions (side-to-move frame); the
/// search takes a softmax over the legal moves' entries, so an evaluator without a policy returns zeros.</item>
/// <item><see cref="Wdl"/>: win/draw/loss probabilities when <see cref="HasWdl"/>; otherwise derived from the value.</item>
/// </list>
/// </remarks>
public interface IEvaluationBatch<TGame, TMove> : IDisposable
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>The most leaves this batch holds.</summary>
    int Capacity { get; }

    /// <summary>Leaves added since the last <see cref="Clear"/>.</summary>
    int Count { get; }

    /// <summary>True when <see cref="Wdl"/> comes from a win/draw/loss head rather than from the value.</summary>
    bool HasWdl { get; }

    /// <summary>
    /// Adds a leaf at index <see cref="Count"/>. Returns true when its result is already available (a cache hit):
    /// it may be read at once, before <see cref="Run"/>. The position must not be over.
    /// </summary>
    /// <exception cref="InvalidOperationException">The batch is full.</exception>
    bool Add(in TGame position);

    /// <summary>Evaluates every leaf added since the last run that is not yet available. Blocks until done.</summary>
    void Run();

    /// <summary>Value of leaf <paramref name="index"/> from its side to move, in [-1, 1].</summary>
    float Value(int index);

    /// <summary>Raw policy logits of leaf <paramref name="index"/>, <c>TGame.ActionCount</c> long.</summary>
    ReadOnlySpan<float> PolicyLogits(int index);

    /// <summary>Win/draw/loss probabilities of leaf <paramref name="index"/> from its side to move.</summary>
    Wdl Wdl(int index);

    /// <summary>Forgets all leaves; the batch is empty and reusable.</summary>
    void Clear();
}
