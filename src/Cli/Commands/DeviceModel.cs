using Zero.Engine.Inference;
using Zero.Search.Evaluation;

namespace Zero.Cli.Commands;

/// <summary>
/// Search's raw-model seam (<see cref="IBatchModel"/>) over any <see cref="IInferenceNetwork"/>, so `zero bench search
/// --device` can search with the network on the device chosen (the GPU backend takes concurrent callers; the CPU
/// engine serialises them itself).
/// </summary>
internal sealed class DeviceModel(IInferenceNetwork net) : IBatchModel
{
    public string Name => $"{net.Config.Blocks}x{net.Config.Channels} on {net.Device}";
    public int InputSize => net.InputSize;
    public int PolicySize => net.Config.PolicySize;
    public bool HasWdl => net.Config.ValueOutputs == 3;

    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl) =>
        net.Evaluate(inputs, count, policyLogits, values, null, HasWdl ? wdl : default);
}
