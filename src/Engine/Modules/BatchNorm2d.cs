using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Modules;

/// <summary>
/// Batch normalisation over channels with PyTorch's names and defaults: weight (γ = 1), bias (β = 0), running_mean (0),
/// running_var (1), momentum 0.1, ε 1e-5. Batch statistics in training mode, running statistics in evaluation mode.
/// </summary>
public sealed class BatchNorm2d : Module
{
    /// <summary>Creates the layer for <paramref name="channels"/> channels.</summary>
    public BatchNorm2d(int channels, float momentum = 0.1f, float eps = 1e-5f)
    {
        Channels = channels;
        Momentum = momentum;
        Eps = eps;
        Weight = AddParameter("weight", new Tensor(channels));
        Weight.Span.Fill(1f);
        Bias = AddParameter("bias", new Tensor(channels));
        RunningMean = AddBuffer("running_mean", new Tensor(channels));
        RunningVar = AddBuffer("running_var", new Tensor(channels));
        RunningVar.Span.Fill(1f);
    }

    /// <summary>Channels.</summary>
    public int Channels { get; }

    /// <summary>Running-statistics momentum.</summary>
    public float Momentum { get; }

    /// <summary>ε added to the variance.</summary>
    public float Eps { get; }

    /// <summary>γ [C].</summary>
    public Tensor Weight { get; }

    /// <summary>β [C].</summary>
    public Tensor Bias { get; }

    /// <summary>Running mean [C].</summary>
    public Tensor RunningMean { get; }

    /// <summary>Running (unbiased) variance [C].</summary>
    public Tensor RunningVar { get; }

    /// <summary>x [N, C, H, W] → same shape.</summary>
    public Tensor Forward(Tape tape, Tensor x) => tape.BatchNorm(x, Weight, Bias, RunningMean, RunningVar, IsTraining, Momentum, Eps);
}
