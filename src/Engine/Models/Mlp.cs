using Zero.Engine.Autograd;
using Zero.Engine.Kernels;
using Zero.Engine.Modules;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;

namespace Zero.Engine.Models;

/// <summary>
/// A multilayer perceptron sizes[0] → sizes[1] → … → sizes[^1] with an activation after every layer but the last
/// (parameters layers.{i}.weight [out, in] and layers.{i}.bias). The RL algorithms (DQN, PPO, SAC) build their
/// networks from it. Two paths:
/// <list type="bullet">
/// <item><see cref="Forward"/> on a tape, for training;</item>
/// <item><see cref="Predict(ReadOnlySpan{float}, Span{float})"/>, no tape and no allocation (two reused buffers), for acting in
/// environments: the rl-mlp 4→64→64→2 forward takes about a microsecond. Not thread-safe: one Mlp per thread, or
/// copies.</item>
/// </list>
/// </summary>
public sealed class Mlp : Module
{
    private readonly Linear[] layers;
    private float[] bufferA = [];
    private float[] bufferB = [];
    private float[] scratch = [];

    /// <summary>Builds the network with PyTorch's default initialisation drawn from <paramref name="rng"/>.</summary>
    /// <exception cref="ArgumentException">Fewer than two sizes, or a size is not positive.</exception>
    public Mlp(IReadOnlyList<int> sizes, Activation activation, Random rng)
    {
        if (sizes.Count < 2 || sizes.Any(s => s <= 0))
        {
            throw new ArgumentException($"An MLP needs at least an input and an output size, all positive; got [{string.Join(", ", sizes)}].", nameof(sizes));
        }

        Sizes = sizes.ToArray();
        HiddenActivation = activation;
        layers = new Linear[sizes.Count - 1];
        for (int i = 0; i < layers.Length; i++)
        {
            layers[i] = AddModule($"layers.{i}", new Linear(sizes[i], sizes[i + 1], rng));
        }
    }

    /// <summary>Layer widths, input first.</summary>
    public IReadOnlyList<int> Sizes { get; }

    /// <summary>Activation after each hidden layer.</summary>
    public Activation HiddenActivation { get; }

    /// <summary>The layers, input side first (e.g. to re-initialise a head orthogonally).</summary>
    public IReadOnlyList<Linear> Layers => layers;

    /// <summary>Input width.</summary>
    public int InputSize => Sizes[0];

    /// <summary>Output width.</summary>
    public int OutputSize => Sizes[^1];

    /// <summary>x [N, in] → [N, out] on the tape.</summary>
    public Tensor Forward(Tape tape, Tensor x)
    {
        for (int i = 0; i < layers.Length; i++)
        {
            x = layers[i].Forward(tape, x);
            if (i < layers.Length - 1)
            {
                x = HiddenActivation == Activation.Tanh ? tape.Tanh(x) : tape.Relu(x);
            }
        }

        return x;
    }

    /// <summary>One sample: input [in] → output [out], no tape, no allocation after the first call.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Predict(ReadOnlySpan<float> input, Span<float> output) => Predict(input, 1, output);

    /// <summary>A batch: input [batch·in] → output [batch·out], row-major, no tape.</summary>
    /// <exception cref="ArgumentException">A span has the wrong length.</exception>
    public void Predict(ReadOnlySpan<float> input, int batch, Span<float> output, ComputePool? pool = null)
    {
        if (input.Length != batch * InputSize || output.Length != batch * OutputSize)
        {
            throw new ArgumentException($"Predict: expected {batch}×{InputSize} inputs and {batch}×{OutputSize} outputs, got {input.Length} and {output.Length}.");
        }

        int widest = Sizes.Max() * batch;
        if (bufferA.Length < widest)
        {
            bufferA = new float[widest];
            bufferB = new float[widest];
        }

        int largest = 0;
        foreach (Linear l in layers)
        {
            largest = Math.Max(largest, l.InFeatures * l.OutFeatures);
        }

        if (scratch.Length < largest)
        {
            scratch = new float[largest];
        }

        ReadOnlySpan<float> x = input;
        pool ??= ComputePool.Sequential;
        for (int i = 0; i < layers.Length; i++)
        {
            Linear l = layers[i];
            bool last = i == layers.Length - 1;
            Span<float> y = last ? output : (i % 2 == 0 ? bufferA : bufferB).AsSpan(0, batch * l.OutFeatures);
            TensorOps.LinearForward(x, l.Weight.Span, l.Bias is null ? default : l.Bias.Span, y, batch, l.InFeatures, l.OutFeatures, pool, scratch);
            if (!last)
            {
                if (HiddenActivation == Activation.Tanh)
                {
                    TensorPrimitives.Tanh(y, y);
                }
                else
                {
                    TensorPrimitives.Max(y, 0f, y);
                }
            }

            x = y;
        }
    }
}
