namespace Zero.Engine.Gpu;

/// <summary>
/// The shape of one convolution launch of <see cref="GpuKernels.Conv"/> (a kernel argument, so a plain struct of ints):
/// channels, board size, filter size (3 or 1, same padding), and the fused extras (residual add, ReLU) as 0/1.
/// </summary>
internal readonly record struct ConvShape(int InChannels, int OutChannels, int Height, int Width, int KernelSize, int Residual, int Relu);
