using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Search.Evaluation;

namespace Zero.SelfPlay.Training;

/// <summary>
/// Adapts the engine's fused <see cref="InferenceNet"/> to the search's raw-network seam (<see cref="IBatchModel"/>),
/// for self-play and evaluation inside the training loop. (The search's network evaluator in SelfPlay/Evaluation
/// will offer the same for `zero analyze` and `zero play`; this one is the training loop's own.)
/// </summary>
public sealed class InferenceModel(InferenceNet net, string name, ComputePool? pool = null) : IBatchModel
{
    public string Name => name;
    public int InputSize => net.InputSize;
    public int PolicySize => net.Config.PolicySize;
    public bool HasWdl => net.Config.ValueOutputs == 3;

    public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl) =>
        net.Evaluate(inputs, count, policyLogits, values, pool, wdl);
}
