using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;

namespace Zero.Engine.Modules;

/// <summary>
/// 2-D convolution, stride 1, same padding, odd square kernel; weight [out, in, k, k], He-normal initialised (the
/// layers feed ReLUs). No bias by default: in the policy-value net a batch norm follows every convolution.
/// </summary>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer with weights drawn from <paramref name="rng"/>.</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, Random rng, bool bias = false)
    {
        if (kernelSize <= 0 || (kernelSize & 1) == 0)
        {
            throw new ArgumentException($"Kernel size must be positive and odd, got {kernelSize}.", nameof(kernelSize));
        }

        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Weight = AddParameter("weight", new Tensor(outChannels, inChannels, kernelSize, kernelSize));
        Init.HeNormal(Weight, rng);
        if (bias)
        {
            Bias = AddParameter("bias", new Tensor(outChannels));
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Kernel size k (odd).</summary>
    public int KernelSize { get; }

    /// <summary>[out, in, k, k].</summary>
    public Tensor Weight { get; }

    /// <summary>[out], or null.</summary>
    public Tensor? Bias { get; }

    /// <summary>x [N, in, H, W] → [N, out, H, W].</summary>
    public Tensor Forward(Tape tape, Tensor x) => tape.Conv2d(x, Weight, Bias);
}
