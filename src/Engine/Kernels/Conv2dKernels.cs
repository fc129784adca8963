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
/// they parallelise inside the GEMM; backward-weight sums chunk by chunk with a parallel GEMM.
/// </para>
/// <para>
/// 3×3 layers whose channel counts are multiples of 16 (the residual tower) instead run forward and backward-input by
/// Winograd F(4×4,3×3) on AVX-512 machines — the inference network's <see cref="WinogradConv3x3"/>, with the
/// activations transposed NCHW → NHWC and back around it and the filters transformed on every call (they change every
/// step). Backward-input is itself a 3×3 convolution: of gradOutput with the filters transposed and rotated by 180°.
/// Measured on the connect4 tower shape (batch 256, 64→64, 6×7; one thread, CPU time, loaded machine): im2col
/// forward 47 GFLOP/s and backward-input 55 GFLOP/s; Winograd see the closing figures of <c>zero bench nn</c>.
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
        if (UseWinograd(s))
        {
            WinogradConv3x3 conv = WinogradFor(inChannels, outChannels);
            conv.SetWeights(weight, default, adjoint: false);
            Winograd(input, output, s, inChannels, outChannels, conv, pool);
            return;
        }
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
        if (UseWinograd(s))
        {
            WinogradConv3x3 adjoint = WinogradFor(outChannels, inChannels);
            adjoint.SetWeights(weight, default, adjoint: true);
            Winograd(gradOutput, gradInput, s, outChannels, inChannels, adjoint, pool);
            return;
        }
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
        if (UseWinograd(s))
        {
            WinogradWeightGradient(input, gradOutput, gradWeight, s, accumulate, pool);
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

    [ThreadStatic]
    private static Dictionary<(int, int), WinogradConv3x3>? t_winograd;

    private static bool UseWinograd(in Shape s) =>
        s.KernelSize == 3 && s.InChannels % 16 == 0 && s.OutChannels % 16 == 0 && PackedGemm.Vector512Path;

    private static WinogradConv3x3 WinogradFor(int inChannels, int outChannels)
    {
        t_winograd ??= [];
        if (!t_winograd.TryGetValue((inChannels, outChannels), out WinogradConv3x3? conv))
        {
            conv = new WinogradConv3x3(inChannels, outChannels);
            t_winograd[(inChannels, outChannels)] = conv;
        }
        return conv;
    }

    /// <summary>destination (NCHW, cout planes) = conv(source (NCHW, cin planes)) through NHWC copies.</summary>
    private static void Winograd(ReadOnlySpan<float> source, Span<float> destination, Shape s, int cin, int cout, WinogradConv3x3 conv, ComputePool pool)
    {
        int hw = s.Hw, batch = s.Batch;
        float[] a = ScratchArray(0, batch * hw * cin);
        float[] b = ScratchArray(1, batch * hw * cout);
        {
            fixed (float* pSrc = source)
            fixed (float* pDst = destination)
            fixed (float* pa = a)
            fixed (float* pb = b)
            {
                nint src = (nint)pSrc, dst = (nint)pDst, na = (nint)pa, nb = (nint)pb;
                pool.For(batch, 4, (n0, n1) => Transpose((float*)src, (float*)na, n0, n1, cin, hw, toNhwc: true));
                conv.Forward(pa, batch, s.Height, s.Width, pb, null, false, pool);
                pool.For(batch, 4, (n0, n1) => Transpose((float*)nb, (float*)dst, n0, n1, cout, hw, toNhwc: false));
            }
        }
    }

    /// <summary>
    /// Weight gradient by Winograd: gU[ξ] = Σ over tiles V[ξ]ᵀ · gM[ξ] (V the input tiles' transform, gM = A gY Aᵀ of
    /// the output-gradient tiles), then gradW = Gᵀ gU G. Tiles go in chunks; the 36 products of a chunk run in parallel.
    /// </summary>
    private static void WinogradWeightGradient(ReadOnlySpan<float> input, ReadOnlySpan<float> gradOutput, Span<float> gradWeight, Shape s, bool accumulate, ComputePool pool)
    {
        const int xi = 36;
        int cin = s.InChannels, cout = s.OutChannels, hw = s.Hw, batch = s.Batch;
        int tiles = WinogradConv3x3.TileCount(batch, s.Height, s.Width);
        int chunk = Math.Min(tiles, 256);
        WinogradConv3x3 conv = WinogradFor(cin, cout);
        float[] x = ScratchArray(0, batch * hw * cin);
        float[] gy = ScratchArray(1, batch * hw * cout);
        float[] v = ScratchArray(2, xi * chunk * cin);
        float[] gm = ScratchArray(3, xi * chunk * cout);
        float[] gu = ScratchArray(4, xi * cin * cout);
        {
            fixed (float* pIn = input)
            fixed (float* pGo = gradOutput)
            fixed (float* px = x)
            fixed (float* pgy = gy)
            fixed (float* pv = v)
            fixed (float* pgm = gm)
            fixed (float* pgu = gu)
            {
                nint inAddr = (nint)pIn, goAddr = (nint)pGo, xAddr = (nint)px, gyAddr = (nint)pgy, vAddr = (nint)pv, gmAddr = (nint)pgm, guAddr = (nint)pgu;
                pool.For(batch, 4, (n0, n1) =>
                {
                    Transpose((float*)inAddr, (float*)xAddr, n0, n1, cin, hw, toNhwc: true);
                    Transpose((float*)goAddr, (float*)gyAddr, n0, n1, cout, hw, toNhwc: true);
                });
                for (int t0 = 0; t0 < tiles; t0 += chunk)
                {
                    int count = Math.Min(chunk, tiles - t0), first = t0;
                    pool.For(count, 8, (a, b) =>
                    {
                        conv.TransformInput((float*)xAddr, batch, s.Height, s.Width, first + a, first + b, (float*)vAddr + (long)a * cin, chunk);
                        WinogradConv3x3.TransformGradOutput((float*)gyAddr, cout, batch, s.Height, s.Width, first + a, first + b, (float*)gmAddr + (long)a * cout, chunk);
                    });
                    bool acc = t0 > 0;
                    pool.Run(xi, k => Gemm.Sgemm(true, false, cin, cout, count,
                        new ReadOnlySpan<float>((float*)vAddr + (long)k * chunk * cin, count * cin), cin,
                        new ReadOnlySpan<float>((float*)gmAddr + (long)k * chunk * cout, count * cout), cout,
                        new Span<float>((float*)guAddr + (long)k * cin * cout, cin * cout), cout, acc, ComputePool.Sequential));
                }
                WinogradConv3x3.WeightGradientFromTransformed(pgu, cin, cout, gradWeight, accumulate);
            }
        }
    }

    [ThreadStatic]
    private static float[][]? t_scratch;

    /// <summary>
    /// Per-thread scratch arrays, grown on demand and kept (activation-sized copies for the Winograd path; renting
    /// megabyte arrays per call would allocate on every step).
    /// </summary>
    private static float[] ScratchArray(int slot, int length)
    {
        t_scratch ??= new float[5][];
        float[]? a = t_scratch[slot];
        if (a is null || a.Length < length)
        {
            a = GC.AllocateUninitializedArray<float>(Math.Max(length, 1024), pinned: true);
            t_scratch[slot] = a;
        }
        return a;
    }

    /// <summary>Images [n0, n1): NCHW [C][HW] ↔ NHWC [HW][C].</summary>
    private static void Transpose(float* src, float* dst, int n0, int n1, int channels, int hw, bool toNhwc)
    {
        for (int n = n0; n < n1; n++)
        {
            float* s = src + (long)n * channels * hw;
            float* d = dst + (long)n * channels * hw;
            if (toNhwc)
            {
                for (int c = 0; c < channels; c++)
                {
                    for (int q = 0; q < hw; q++)
                    {
                        d[q * channels + c] = s[c * hw + q];
                    }
                }
            }
            else
            {
                for (int q = 0; q < hw; q++)
                {
                    for (int c = 0; c < channels; c++)
                    {
                        d[c * hw + q] = s[q * channels + c];
                    }
                }
            }
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
