using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;

namespace Zero.Engine.Modules;

/// <summary>
/// Fully connected layer y = x·Wᵀ + b with W [out, in] (PyTorch layout) and PyTorch's default initialisation
/// U(±1/√in). Used by the network heads, squeeze-excitation and <see cref="Mlp"/>.
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer with weights drawn from <paramref name="rng"/>.</summary>
    public Linear(int inFeatures, int outFeatures, Random rng, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = AddParameter("weight", new Tensor(outFeatures, inFeatures));
        Init.DefaultUniform(Weight, rng, inFeatures);
        if (bias)
        {
            Bias = AddParameter("bias", new Tensor(outFeatures));
            Init.DefaultUniform(Bias, rng, inFeatures);
        }
    }

    /// <summary>Input features.</summary>
    public int InFeatures { get; }

    /// <summary>Output features.</summary>
    public int OutFeatures { get; }

    /// <summary>W [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>b [out], or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>x [N, in] → [N, out].</summary>
    public Tensor Forward(Tape tape, Tensor x) => tape.Linear(x, Weight, Bias);
}
