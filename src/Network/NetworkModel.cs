using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Search.Evaluation;

namespace Zero.Network;

/// <summary>
/// The one adapter from Engine's inference seam <see cref="IInferenceNetwork"/> — the fused CPU <see cref="InferenceNet"/>
/// or a GPU backend — to Search's raw-model seam <see cref="IBatchModel"/>, so the search (which never sees tensor code)
/// runs a real network. Made by <see cref="NetworkLoader"/> (files, random weights), by the training loop (a frozen
/// copy of the network being trained) and by `zero bench search --device`; <see cref="NetworkEvaluator"/> builds the
/// usual evaluator stack on top of it.
/// </summary>
/// <remarks>
/// The CPU network serialises its own calls (it is not re-entrant) and a GPU backend takes concurrent callers, so
/// sharing one adapter between search threads is safe; the <see cref="ComputePool"/> given spreads each CPU call over
/// its threads (other devices ignore it).
/// </remarks>
public sealed class NetworkModel(IInferenceNetwork net, ComputePool? pool = null, string? name = null) : IBatchModel
{
    /// <summary>The name reports show: the weights file's name, or the shape ("6x64", "6x64 on cuda: ...").</summary>
    public string Name { get; } = name ?? (net.Device == "cpu" ? $"{net.Config.Blocks}x{net.Config.Channels}" : $"{net.Config.Blocks}x{net.Config.Channels} on {net.Device}");

    /// <inheritdoc />
    public int InputSize => net.InputSize;

    /// <inheritdoc />
    public int PolicySize => net.Config.PolicySize;

    /// <inheritdoc />
    public bool HasWdl => net.Config.ValueOutputs == 3;

    /// <summary>The network itself.</summary>
    public IInferenceNetwork Net => net;

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl) =>
        net.Evaluate(inputs, count, policyLogits, values, pool, HasWdl ? wdl : default);
}
