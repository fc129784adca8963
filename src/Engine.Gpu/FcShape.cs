namespace Zero.Engine.Gpu;

/// <summary>
/// The shape of one fully connected launch of <see cref="GpuKernels.Fc"/>: inputs, outputs and the activation after
/// the bias (<see cref="None"/>, <see cref="ReluActivation"/>, <see cref="SigmoidActivation"/>, <see cref="TanhActivation"/>).
/// </summary>
internal readonly record struct FcShape(int Inputs, int Outputs, int Activation)
{
    public const int None = 0;
    public const int ReluActivation = 1;
    public const int SigmoidActivation = 2;
    public const int TanhActivation = 3;
}
