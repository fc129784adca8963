using Zero.Games;

namespace Zero.Search.Evaluation;

/// <summary>
/// A fake network: value and logits are pseudo-random but a pure function of the position's hash (and a salt),
/// so the same position always gets the same output on any thread and in any order. Search tests use it to get
/// uneven priors and values without a network, and to check determinism and the caching decorator.
/// </summary>
public sealed class HashRandomEvaluator<TGame, TMove>(ulong salt = 0, float logitScale = 2f) : IEvaluator<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    public string Name => "hashrandom";
    public bool HasPolicy => true;

    public IEvaluationBatch<TGame, TMove> CreateBatch(int capacity) => new Batch(capacity, salt, logitScale);

    /// <summary>The value this evaluator gives <paramref name="position"/>: in [-1, 1].</summary>
    public static float ValueOf(in TGame position, ulong salt) => ToSigned(SplitMix64.Mix(position.Hash ^ salt));

    private static float ToSigned(ulong bits) => (float)((bits >> 40) * (2.0 / (1UL << 24)) - 1.0);

    private sealed class Batch(int capacity, ulong salt, float scale) : EvaluationBatch<TGame, TMove>(capacity, hasWdl: false)
    {
        protected override void EvaluateLeaf(int index)
        {
            ulong hash = Positions[index].Hash ^ salt;
            Values[index] = ToSigned(SplitMix64.Mix(hash));
            Span<float> logits = LogitsAt(index);
            for (int a = 0; a < logits.Length; a++)
            {
                logits[a] = scale * ToSigned(SplitMix64.Mix(hash + 0x9E3779B97F4A7C15UL * (ulong)(a + 1)));
            }
        }
    }
}
