using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Search.Evaluation;

namespace Zero.Network;

/// <summary>
/// The one adapter from Engine's fused <see cref="InferenceNet"/> to Search's raw-model seam <see cref="IBatchModel"/>,
/// so the search (which never sees tensor code) runs a real network. Made by <see cref="NetworkLoader"/> (files,
/// random weights) and by the training loop (a frozen copy of the network being trained); <see cref="NetworkEvaluator"/>
/// builds the usual evaluator stack on top of it.
/// </summary>
/// <remarks>
/// The network serialises its own calls (it is not re-entrant), so sharing one adapter between search threads is
/// safe; the <see cref="ComputePool"/> given spreads each call over its threads.
/// </remarks>
public sealed class NetworkModel(InferenceNet net, ComputePool? pool = null, string? name = null) : IBatchModel
{
    /// <summary>The name reports show: the weights file's name, or the shape ("6x64").</summary>
    public string Name { get; } = name ?? $"{net.Config.Blocks}x{net.Config.Channels}";

    /// <inheritdoc />
    public int InputSize => net.InputSize;

    /// <inheritdoc />
    public int PolicySize => net.Config.PolicySize;

    /// <inheritdoc />
    public bool HasWdl => net.Config.ValueOutputs == 3;

    /// <summary>The network itself.</summary>
    public InferenceNet Net => net;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl) =>
        net.Evaluate(inputs, count, policyLogits, values, pool, HasWdl ? wdl : default);
}
