using Zero.Engine.Kernels;
using Zero.Engine.Models;

namespace Zero.Engine.Inference;

/// <summary>
/// A policy-value network ready to evaluate batches, whatever runs it: the CPU engine's <see cref="InferenceNet"/> or
/// a GPU backend (Zero.Engine.Gpu). Benchmarks, adapters to the search and front-ends with a device option hold this
/// seam, so choosing a device changes one constructor call.
/// </summary>
public interface IInferenceNetwork
{
    /// <summary>The architecture.</summary>
    PolicyValueNetConfig Config { get; }

    /// <summary>Floats per position in the input: planes × height × width.</summary>
    int InputSize { get; }

    /// <summary>What runs it, for reports ("cpu", "ilgpu-cpu", "cuda: NVIDIA …").</summary>
    string Device { get; }

    /// <summary>
    /// Evaluates <paramref name="batch"/> positions: input [batch, planes, H, W] → policy logits [batch, PolicySize]
    /// and value [batch] (tanh, or W − L for a win/draw/loss head whose probabilities go to <paramref name="wdl"/>
    /// [batch, 3] when it is not empty). <paramref name="pool"/> is the CPU engine's thread pool (others ignore it).
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the batch.</exception>
    void Evaluate(ReadOnlySpan<float> input, int batch, Span<float> policy, Span<float> value, ComputePool? pool = null, Span<float> wdl = default);
}
