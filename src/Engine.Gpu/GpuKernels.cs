using ILGPU;
using ILGPU.Algorithms;

namespace Zero.Engine.Gpu;

/// <summary>
/// The inference network's layers as ILGPU kernels, one thread per output value over the whole batch (NCHW, the
/// PyTorch layout, so the heads' flatten order needs no permutation). Batch norm is folded into the convolution's
/// weights and bias before upload; the residual add and the ReLU run in the convolution's store. Loaded and launched
/// by <see cref="GpuInferenceNet"/>; the tests run each one on ILGPU's CPU accelerator against the CPU engine.
/// </summary>
internal static class GpuKernels
{
    /// <summary>y[n][co][p] = relu?(bias[co] + Σ w[co][ci][ky][kx] · x[n][ci][p + (ky, kx) − r] + skip?[n][co][p]).</summary>
    public static void Conv(Index1D index, ArrayView<float> x, ArrayView<float> w, ArrayView<float> bias, ArrayView<float> skip, ArrayView<float> y, ConvShape s)
    {
        int hw = s.Height * s.Width;
        int p = index % hw;
        int t = index / hw;
        int co = t % s.OutChannels;
        int n = t / s.OutChannels;
        int py = p / s.Width, px = p % s.Width, r = s.KernelSize / 2;
        float acc = bias[co];
        for (int ci = 0; ci < s.InChannels; ci++)
        {
            int xBase = (n * s.InChannels + ci) * hw;
            int wBase = (co * s.InChannels + ci) * s.KernelSize * s.KernelSize;
            for (int ky = 0; ky < s.KernelSize; ky++)
            {
                int iy = py + ky - r;
                if (iy < 0 || iy >= s.Height)
                {
                    continue;
                }
                for (int kx = 0; kx < s.KernelSize; kx++)
                {
                    int ix = px + kx - r;
                    if (ix >= 0 && ix < s.Width)
                    {
                        acc += x[xBase + iy * s.Width + ix] * w[wBase + ky * s.KernelSize + kx];
                    }
                }
            }
        }
        if (s.Residual != 0)
        {
            acc += skip[index];
        }
        if (s.Relu != 0 && acc < 0f)
        {
            acc = 0f;
        }
        y[index] = acc;
    }

    /// <summary>y[n][j] = act(bias[j] + Σ w[j][i] · x[n][i]) (PyTorch's Linear layout).</summary>
    public static void Fc(Index1D index, ArrayView<float> x, ArrayView<float> w, ArrayView<float> bias, ArrayView<float> y, FcShape s)
    {
        int j = index % s.Outputs;
        int n = index / s.Outputs;
        float acc = bias[j];
        int xBase = n * s.Inputs, wBase = j * s.Inputs;
        for (int i = 0; i < s.Inputs; i++)
        {
            acc += x[xBase + i] * w[wBase + i];
        }
        if (s.Activation == FcShape.ReluActivation)
        {
            acc = acc < 0f ? 0f : acc;
        }
        else if (s.Activation == FcShape.SigmoidActivation)
        {
            acc = 1f / (1f + XMath.Exp(-acc));
        }
        else if (s.Activation == FcShape.TanhActivation)
        {
            acc = XMath.Tanh(acc);
        }
        y[index] = acc;
    }

    /// <summary>mean[n][c] = average of x[n][c][·] over the board (squeeze-excitation's pool).</summary>
    public static void Mean(Index1D index, ArrayView<float> x, ArrayView<float> mean, int hw)
    {
        float sum = 0f;
        int b = index * hw;
        for (int p = 0; p < hw; p++)
        {
            sum += x[b + p];
        }
        mean[index] = sum / hw;
    }

    /// <summary>y[n][c][p] = relu(x[n][c][p] · scale[n][c] + skip[n][c][p]) (squeeze-excitation's rescale and the block's end).</summary>
    public static void ScaleAddRelu(Index1D index, ArrayView<float> x, ArrayView<float> scale, ArrayView<float> skip, ArrayView<float> y, int hw)
    {
        float v = x[index] * scale[index / hw] + skip[index];
        y[index] = v < 0f ? 0f : v;
    }
}
