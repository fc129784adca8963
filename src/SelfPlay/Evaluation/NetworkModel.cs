using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Search.Evaluation;

namespace Zero.SelfPlay.Evaluation;

/// <summary>
/// Adapts Engine's fused <see cref="InferenceNet"/> to Search's raw-model seam <see cref="IBatchModel"/>, so the
/// search (which never sees tensor code) can run a real network. Lives here because SelfPlay is the first project
/// that sees both Engine and Search. <see cref="NetworkEvaluator"/> builds the usual evaluator stack on top of it.
/// </summary>
/// <remarks>
/// The network serialises its own calls (it is not re-entrant), so sharing one adapter between search threads is
/// safe; the <see cref="ComputePool"/> given spreads each call over its threads.
/// </remarks>
public sealed class NetworkModel(InferenceNet net, ComputePool? pool = null, string? name = null) : IBatchModel
{
    public string Name { get; } = name ?? $"{net.Config.Blocks}x{net.Config.Channels}";
    public int InputSize => net.InputSize;
    public int PolicySize => net.Config.PolicySize;
    public bool HasWdl => net.Config.ValueOutputs == 3;

    /// <summary>The network itself.</summary>
    public InferenceNet Net => net;

    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl) =>
        net.Evaluate(inputs, count, policyLogits, values, pool, HasWdl ? wdl : default);
}
