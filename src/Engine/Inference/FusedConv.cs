using System.Runtime.CompilerServices;
using Zero.Engine.Kernels;

namespace Zero.Engine.Inference;

/// <summary>
/// One convolution of the inference network with batch norm already folded into its weights and bias, and the
/// bias, residual add and ReLU fused into the same pass. 3×3 layers with channel counts that are multiples of 16 run
/// by Winograd (<see cref="WinogradConv3x3"/>) on AVX-512 machines; every other layer (1×1 heads, a stem with 3 or 17
/// planes, machines without AVX-512) runs by im2col into row chunks + <see cref="PackedGemm"/>.
/// Activations are NHWC: [N·H·W rows][C channels]. Caller: <see cref="InferenceNet"/>.
/// </summary>
internal sealed unsafe class FusedConv
{
    private const int ChunkRows = 256;

    /// <summary>
    /// Below this many 4×4 tiles (a connect4 batch of 1–3) im2col is as fast: Winograd's 36 products then have fewer
    /// rows than the 8-row micro-kernel tile and its transforms are pure overhead (1 thread, CPU time: connect4 batch 1
    /// im2col 0.52 ms against Winograd 0.81 ms, loaded machine).
    /// </summary>
    private const int MinWinogradTiles = 16;

    [ThreadStatic]
    private static float[]? t_col;

    private readonly PackedMatrix _gemm;
    private readonly WinogradConv3x3? _winograd;

    /// <summary>
    /// Builds from PyTorch-layout weights [Cout][Cin][k][k] and a per-output-channel scale and shift (the folded batch
    /// norm: y = scale·conv(x) + shift).
    /// </summary>
    public FusedConv(int inChannels, int outChannels, int kernelSize, ReadOnlySpan<float> weight, ReadOnlySpan<float> scale,
        ReadOnlySpan<float> shift, bool allowWinograd = true)
    {
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        int kk = kernelSize * kernelSize;
        var folded = new float[outChannels * inChannels * kk];
        for (int co = 0; co < outChannels; co++)
        {
            for (int i = 0; i < inChannels * kk; i++)
            {
                folded[co * inChannels * kk + i] = weight[co * inChannels * kk + i] * scale[co];
            }
        }
        // im2col row layout: column index (ky·k + kx)·Cin + ci.
        _gemm = new PackedMatrix(kk * inChannels, outChannels,
            (p, co) => folded[(co * inChannels + p % inChannels) * kk + p / inChannels], shift);
        if (allowWinograd && kernelSize == 3 && inChannels % 16 == 0 && outChannels % 16 == 0 && PackedGemm.Vector512Path)
        {
            _winograd = new WinogradConv3x3(inChannels, outChannels, folded, shift);
        }
    }

    public int InChannels { get; }

    public int OutChannels { get; }

    public int KernelSize { get; }

    /// <summary>Whether this layer runs by Winograd.</summary>
    public bool UsesWinograd => _winograd is not null;

    /// <summary>
    /// output[N·H·W][Cout] = relu?(conv(input) + bias + residual?). Input, output and residual are NHWC and must not
    /// overlap the output.
    /// </summary>
    public void Forward(float* input, int batch, int height, int width, float* output, float* residual, bool relu, ComputePool pool)
    {
        if (_winograd is not null && WinogradConv3x3.TileCount(batch, height, width) >= MinWinogradTiles)
        {
            _winograd.Forward(input, batch, height, width, output, residual, relu, pool);
            return;
        }
        int rows = batch * height * width;
        int chunks = (rows + ChunkRows - 1) / ChunkRows;
        nint inAddr = (nint)input, outAddr = (nint)output, resAddr = (nint)residual;
        if (KernelSize == 1)
        {
            PackedGemm.Multiply(rows, input, InChannels, _gemm, output, OutChannels, relu && residual == null, pool);
            if (residual != null)
            {
                AddResidualRelu(output, residual, 0, rows, relu);
            }
            return;
        }
        ComputePool inner = chunks >= pool.Threads ? ComputePool.Sequential : pool;
        Action<int> chunk = c =>
        {
            int r0 = c * ChunkRows, r1 = Math.Min(rows, r0 + ChunkRows);
            float* col = Col((r1 - r0) * _gemm.K);
            Im2ColNhwc((float*)inAddr, height, width, r0, r1, col);
            PackedGemm.Multiply(r1 - r0, col, _gemm.K, _gemm, (float*)outAddr + (long)r0 * OutChannels, OutChannels,
                relu && resAddr == 0, inner);
            if (resAddr != 0)
            {
                AddResidualRelu((float*)outAddr, (float*)resAddr, r0, r1, relu);
            }
        };
        if (inner == pool || pool.Threads == 1)
        {
            for (int c = 0; c < chunks; c++)
            {
                chunk(c);
            }
        }
        else
        {
            pool.Run(chunks, chunk);
        }
    }

    private void AddResidualRelu(float* output, float* residual, int r0, int r1, bool relu)
    {
        var o = new Span<float>(output + (long)r0 * OutChannels, (r1 - r0) * OutChannels);
        System.Numerics.Tensors.TensorPrimitives.Add(o, new ReadOnlySpan<float>(residual + (long)r0 * OutChannels, o.Length), o);
        if (relu)
        {
            System.Numerics.Tensors.TensorPrimitives.Max(o, 0f, o);
        }
    }

    /// <summary>col[r − r0][(ky·k + kx)·Cin + ci] = input[pixel r shifted by (ky − k/2, kx − k/2)][ci] or 0 off the board.</summary>
    private void Im2ColNhwc(float* input, int height, int width, int r0, int r1, float* col)
    {
        int k = KernelSize, pad = k / 2, cin = InChannels, hw = height * width, rowLength = k * k * cin;
        for (int r = r0; r < r1; r++)
        {
            int img = r / hw, pix = r % hw, y = pix / width, x = pix % width;
            float* dst = col + (long)(r - r0) * rowLength;
            for (int ky = 0; ky < k; ky++)
            {
                int sy = y + ky - pad;
                for (int kx = 0; kx < k; kx++)
                {
                    int sx = x + kx - pad;
                    var d = new Span<float>(dst + (ky * k + kx) * cin, cin);
                    if ((uint)sy < (uint)height && (uint)sx < (uint)width)
                    {
                        new ReadOnlySpan<float>(input + ((long)img * hw + sy * width + sx) * cin, cin).CopyTo(d);
                    }
                    else
                    {
                        d.Clear();
                    }
                }
            }
        }
    }

    private static float* Col(int length)
    {
        if (t_col is null || t_col.Length < length + 16)
        {
            t_col = GC.AllocateUninitializedArray<float>(length + 16, pinned: true);
        }
        return (float*)(((nint)Unsafe.AsPointer(ref t_col[0]) + 63) & ~(nint)63);
    }
}
