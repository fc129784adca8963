using System.Buffers;

namespace Zero.Engine.Kernels;

/// <summary>
/// 2-D convolution for the training model (engine-core's Conv2d op calls these three entry points): NCHW tensors,
/// stride 1, zero "same" padding kernelSize/2, no bias (the layers that need one add it themselves).
/// <para>
/// Method: im2col + <see cref="Gemm"/>. Images are taken in chunks of G (G·H·W ≈ 512 columns, so a 6×7 board does
/// not leave the GEMM with a 42-wide, mostly padded matrix):
/// <code>
/// col[Cin·k·k, G·H·W]   row (ci, ky, kx), column (image g, y, x) = input[g, ci, y+ky−k/2, x+kx−k/2] or 0
/// forward         out[Cout, G·HW]  = W[Cout, Cin·k·k] · col                      then scattered to NCHW
/// backward input  colGrad          = Wᵀ · gradOut[Cout, G·HW]                     then col2im (sum of taps)
/// backward weight gradW[Cout, Cin·k·k] (+)= gradOut[Cout, G·HW] · colᵀ           summed over chunks
/// </code>
/// Forward and backward-input run chunks in parallel when there are at least as many chunks as threads, otherwise
/// they parallelise inside the GEMM; backward-weight sums chunk by chunk with a parallel GEMM. The fused inference
/// network has its own, faster convolution path (src/Engine/Inference).
/// </para>
/// </summary>
public static unsafe class Conv2dKernels
{
    private const int TargetColumns = 512;

    /// <summary>output[N, Cout, H, W] = conv(input[N, Cin, H, W], weight[Cout, Cin, k, k]), overwriting output.</summary>
    /// <exception cref="ArgumentException">A span is too short for the shapes, or the kernel size is not a positive odd number.</exception>
    public static void Forward(ReadOnlySpan<float> input, ReadOnlySpan<float> weight, Span<float> output,
        int batch, int inChannels, int height, int width, int outChannels, int kernelSize, ComputePool? pool = null)
    {
        Validate(input.Length, weight.Length, output.Length, batch, inChannels, height, width, outChannels, kernelSize, "output");
        if (batch == 0)
        {
            return;
        }
        pool ??= ComputePool.Sequential;
        var s = new Shape(batch, inChannels, height, width, outChannels, kernelSize);
        fixed (float* pIn = input)
        fixed (float* pW = weight)
        fixed (float* pOut = output)
        {
            nint inAddr = (nint)pIn, wAddr = (nint)pW, outAddr = (nint)pOut;
            RunChunks(s, pool, (chunk, gemmPool) => ForwardChunk(s, chunk, (float*)inAddr, (float*)wAddr, (float*)outAddr, gemmPool));
        }
    }

    /// <summary>gradInput[N, Cin, H, W] = ∂loss/∂input given gradOutput[N, Cout, H, W] and weight; overwrites gradInput.</summary>
    /// <exception cref="ArgumentException">A span is too short for the shapes, or the kernel size is not a positive odd number.</exception>
    public static void BackwardInput(ReadOnlySpan<float> gradOutput, ReadOnlySpan<float> weight, Span<float> gradInput,
        int batch, int inChannels, int height, int width, int outChannels, int kernelSize, ComputePool? pool = null)
    {
        Validate(gradInput.Length, weight.Length, gradOutput.Length, batch, inChannels, height, width, outChannels, kernelSize, "gradOutput");
        if (batch == 0)
        {
            return;
        }
        pool ??= ComputePool.Sequential;
        var s = new Shape(batch, inChannels, height, width, outChannels, kernelSize);
        fixed (float* pGo = gradOutput)
        fixed (float* pW = weight)
        fixed (float* pGi = gradInput)
        {
            nint goAddr = (nint)pGo, wAddr = (nint)pW, giAddr = (nint)pGi;
            RunChunks(s, pool, (chunk, gemmPool) => BackwardInputChunk(s, chunk, (float*)goAddr, (float*)wAddr, (float*)giAddr, gemmPool));
        }
    }

    /// <summary>
    /// gradWeight[Cout, Cin, k, k] = ∂loss/∂weight given input and gradOutput, summed over the batch; added to the
    /// existing values when <paramref name="accumulate"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A span is too short for the shapes, or the kernel size is not a positive odd number.</exception>
    public static void BackwardWeight(ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradWeight,
        int batch, int inChannels, int height, int width, int outChannels, int kernelSize, bool accumulate, ComputePool? pool = null)
    {
        Validate(input.Length, gradWeight.Length, gradOutput.Length, batch, inChannels, height, width, outChannels, kernelSize, "gradOutput");
        pool ??= ComputePool.Sequential;
        var s = new Shape(batch, inChannels, height, width, outChannels, kernelSize);
        int kk = s.ColRows;
        if (batch == 0)
        {
            if (!accumulate)
            {
                gradWeight[..(outChannels * kk)].Clear();
            }
            return;
        }
        int g = s.ImagesPerChunk;
        int cols = g * s.Hw;
        float[] col = ArrayPool<float>.Shared.Rent(kk * cols);
        float[] grad = ArrayPool<float>.Shared.Rent(outChannels * cols);
        try
        {
            fixed (float* pIn = input)
            fixed (float* pGo = gradOutput)
            fixed (float* pCol = col)
            fixed (float* pGrad = grad)
            {
                for (int n0 = 0, chunk = 0; n0 < batch; n0 += g, chunk++)
                {
                    int images = Math.Min(g, batch - n0);
                    int chunkCols = images * s.Hw;
                    Im2Col(s, pIn + (long)n0 * s.InImage, images, pCol, chunkCols);
                    GatherChannelMajor(pGo + (long)n0 * s.OutImage, images, outChannels, s.Hw, pGrad, chunkCols);
                    Gemm.Sgemm(false, true, outChannels, kk, chunkCols,
                        new ReadOnlySpan<float>(pGrad, outChannels * chunkCols), chunkCols,
                        new ReadOnlySpan<float>(pCol, kk * chunkCols), chunkCols,
                        gradWeight, kk, accumulate || chunk > 0, pool);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(col);
            ArrayPool<float>.Shared.Return(grad);
        }
    }

    private static void RunChunks(Shape s, ComputePool pool, Action<int, ComputePool> chunkBody)
    {
        int chunks = (s.Batch + s.ImagesPerChunk - 1) / s.ImagesPerChunk;
        if (chunks >= pool.Threads && pool.Threads > 1)
        {
            pool.Run(chunks, c => chunkBody(c, ComputePool.Sequential));
        }
        else
        {
            for (int c = 0; c < chunks; c++)
            {
                chunkBody(c, pool);
            }
        }
    }

    private static void ForwardChunk(Shape s, int chunk, float* input, float* weight, float* output, ComputePool gemmPool)
    {
        int n0 = chunk * s.ImagesPerChunk;
        int images = Math.Min(s.ImagesPerChunk, s.Batch - n0);
        int cols = images * s.Hw;
        int kk = s.ColRows;
        var w = new ReadOnlySpan<float>(weight, s.OutChannels * kk);
        float* inImg = input + (long)n0 * s.InImage;
        float* outImg = output + (long)n0 * s.OutImage;
        if (images == 1 && s.KernelSize == 1)
        {
            Gemm.Sgemm(false, false, s.OutChannels, cols, kk, w, kk, new ReadOnlySpan<float>(inImg, s.InImage), cols,
                new Span<float>(outImg, s.OutImage), cols, false, gemmPool);
            return;
        }
        float[] col = ArrayPool<float>.Shared.Rent(kk * cols);
        float[]? tmp = images == 1 ? null : ArrayPool<float>.Shared.Rent(s.OutChannels * cols);
        try
        {
            fixed (float* pCol = col)
            fixed (float* pTmp = tmp)
            {
                Im2Col(s, inImg, images, pCol, cols);
                float* dst = images == 1 ? outImg : pTmp;
                Gemm.Sgemm(false, false, s.OutChannels, cols, kk, w, kk, new ReadOnlySpan<float>(pCol, kk * cols), cols,
                    new Span<float>(dst, s.OutChannels * cols), cols, false, gemmPool);
                if (images > 1)
                {
                    ScatterChannelMajor(pTmp, images, s.OutChannels, s.Hw, cols, outImg);
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(col);
            if (tmp is not null)
            {
                ArrayPool<float>.Shared.Return(tmp);
            }
        }
    }

    private static void BackwardInputChunk(Shape s, int chunk, float* gradOutput, float* weight, float* gradInput, ComputePool gemmPool)
    {
        int n0 = chunk * s.ImagesPerChunk;
        int images = Math.Min(s.ImagesPerChunk, s.Batch - n0);
        int cols = images * s.Hw;
        int kk = s.ColRows;
        var w = new ReadOnlySpan<float>(weight, s.OutChannels * kk);
        float* goImg = gradOutput + (long)n0 * s.OutImage;
        float* giImg = gradInput + (long)n0 * s.InImage;
        if (images == 1 && s.KernelSize == 1)
        {
            Gemm.Sgemm(true, false, kk, cols, s.OutChannels, w, kk, new ReadOnlySpan<float>(goImg, s.OutImage), cols,
                new Span<float>(giImg, s.InImage), cols, false, gemmPool);
            return;
        }
        float[] colGrad = ArrayPool<float>.Shared.Rent(kk * cols);
        float[]? tmp = images == 1 ? null : ArrayPool<float>.Shared.Rent(s.OutChannels * cols);
        try
        {
            fixed (float* pCol = colGrad)
            fixed (float* pTmp = tmp)
            {
                float* go = goImg;
                if (images > 1)
                {
                    GatherChannelMajor(goImg, images, s.OutChannels, s.Hw, pTmp, cols);
                    go = pTmp;
                }
                Gemm.Sgemm(true, false, kk, cols, s.OutChannels, w, kk, new ReadOnlySpan<float>(go, s.OutChannels * cols), cols,
                    new Span<float>(pCol, kk * cols), cols, false, gemmPool);
                new Span<float>(giImg, images * s.InImage).Clear();
                Col2ImAdd(s, pCol, images, cols, giImg);
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(colGrad);
            if (tmp is not null)
            {
                ArrayPool<float>.Shared.Return(tmp);
            }
        }
    }

    /// <summary>Unfolds <paramref name="images"/> consecutive CHW images into col[Cin·k·k, images·H·W] (row stride ld).</summary>
    internal static void Im2Col(Shape s, float* images0, int images, float* col, int ld)
    {
        int k = s.KernelSize, pad = k / 2, h = s.Height, w = s.Width;
        for (int ci = 0; ci < s.InChannels; ci++)
        {
            for (int ky = 0; ky < k; ky++)
            {
                for (int kx = 0; kx < k; kx++)
                {
                    int dy = ky - pad, dx = kx - pad;
                    float* row = col + (long)((ci * k + ky) * k + kx) * ld;
                    int x0 = Math.Max(0, -dx), x1 = Math.Min(w, w - dx);
                    for (int g = 0; g < images; g++)
                    {
                        float* plane = images0 + (long)g * s.InImage + (long)ci * s.Hw;
                        float* dstImg = row + g * s.Hw;
                        for (int y = 0; y < h; y++)
                        {
                            float* dst = dstImg + y * w;
                            int sy = y + dy;
                            if (sy < 0 || sy >= h || x0 >= x1)
                            {
                                new Span<float>(dst, w).Clear();
                                continue;
                            }
                            float* src = plane + sy * w + dx;
                            for (int x = 0; x < x0; x++)
                            {
                                dst[x] = 0f;
                            }
                            new ReadOnlySpan<float>(src + x0, x1 - x0).CopyTo(new Span<float>(dst + x0, x1 - x0));
                            for (int x = x1; x < w; x++)
                            {
                                dst[x] = 0f;
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>The adjoint of <see cref="Im2Col"/>: adds every column entry back to the input pixel it was read from.</summary>
    private static void Col2ImAdd(Shape s, float* col, int images, int ld, float* images0)
    {
        int k = s.KernelSize, pad = k / 2, h = s.Height, w = s.Width;
        for (int ci = 0; ci < s.InChannels; ci++)
        {
            for (int ky = 0; ky < k; ky++)
            {
                for (int kx = 0; kx < k; kx++)
                {
                    int dy = ky - pad, dx = kx - pad;
                    float* row = col + (long)((ci * k + ky) * k + kx) * ld;
                    int x0 = Math.Max(0, -dx), x1 = Math.Min(w, w - dx);
                    if (x0 >= x1)
                    {
                        continue;
                    }
                    for (int g = 0; g < images; g++)
                    {
                        float* plane = images0 + (long)g * s.InImage + (long)ci * s.Hw;
                        float* srcImg = row + g * s.Hw;
                        for (int y = Math.Max(0, -dy); y < Math.Min(h, h - dy); y++)
                        {
                            var dst = new Span<float>(plane + (y + dy) * w + dx + x0, x1 - x0);
                            var src = new ReadOnlySpan<float>(srcImg + y * w + x0, x1 - x0);
                            System.Numerics.Tensors.TensorPrimitives.Add(dst, src, dst);
                        }
                    }
                }
            }
        }
    }

    /// <summary>[images, C, HW] (NCHW) → [C, images·HW] (channel-major, row stride ld).</summary>
    private static void GatherChannelMajor(float* src, int images, int channels, int hw, float* dst, int ld)
    {
        for (int g = 0; g < images; g++)
        {
            for (int c = 0; c < channels; c++)
            {
                new ReadOnlySpan<float>(src + ((long)g * channels + c) * hw, hw).CopyTo(new Span<float>(dst + (long)c * ld + g * hw, hw));
            }
        }
    }

    /// <summary>[C, images·HW] (channel-major, row stride ld) → [images, C, HW] (NCHW).</summary>
    private static void ScatterChannelMajor(float* src, int images, int channels, int hw, int ld, float* dst)
    {
        for (int g = 0; g < images; g++)
        {
            for (int c = 0; c < channels; c++)
            {
                new ReadOnlySpan<float>(src + (long)c * ld + g * hw, hw).CopyTo(new Span<float>(dst + ((long)g * channels + c) * hw, hw));
            }
        }
    }

    private static void Validate(int inputLength, int weightLength, int outputLength, int batch, int inChannels, int height,
        int width, int outChannels, int kernelSize, string outputName)
    {
        if (batch < 0 || inChannels <= 0 || height <= 0 || width <= 0 || outChannels <= 0)
        {
            throw new ArgumentException($"Convolution shape must be positive: batch={batch}, inChannels={inChannels}, height={height}, width={width}, outChannels={outChannels}.");
        }
        if (kernelSize <= 0 || kernelSize % 2 == 0)
        {
            throw new ArgumentException($"Convolution kernel size must be a positive odd number for same padding; got {kernelSize}.");
        }
        long hw = (long)height * width;
        long needIn = batch * inChannels * hw, needW = (long)outChannels * inChannels * kernelSize * kernelSize, needOut = batch * outChannels * hw;
        if (inputLength < needIn || weightLength < needW || outputLength < needOut)
        {
            throw new ArgumentException(
                $"Convolution spans too short: input {inputLength} (needs {needIn} = {batch}×{inChannels}×{height}×{width}), weight {weightLength} " +
                $"(needs {needW} = {outChannels}×{inChannels}×{kernelSize}×{kernelSize}), {outputName} {outputLength} (needs {needOut}).");
        }
    }

    /// <summary>The sizes of one convolution call and the derived chunking.</summary>
    internal readonly struct Shape
    {
        public Shape(int batch, int inChannels, int height, int width, int outChannels, int kernelSize)
        {
            Batch = batch;
            InChannels = inChannels;
            Height = height;
            Width = width;
            OutChannels = outChannels;
            KernelSize = kernelSize;
            Hw = height * width;
            ColRows = inChannels * kernelSize * kernelSize;
            InImage = inChannels * Hw;
            OutImage = outChannels * Hw;
            ImagesPerChunk = Math.Clamp(TargetColumns / Hw, 1, Math.Max(1, batch));
        }

        public int Batch { get; }
        public int InChannels { get; }
        public int Height { get; }
        public int Width { get; }
        public int OutChannels { get; }
        public int KernelSize { get; }
        public int Hw { get; }
        public int ColRows { get; }
        public int InImage { get; }
        public int OutImage { get; }
        public int ImagesPerChunk { get; }
    }
}
