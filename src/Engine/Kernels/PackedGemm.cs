using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// The inference network's matrix multiply: C[m×N] = A[m×K] · B + bias (then ReLU when asked), where A is read in
/// place through a row stride (activations in NHWC rows, Winograd tiles, im2col rows — never packed) and B is a
/// <see cref="PackedMatrix"/> packed when the network was built. The tiles run on the one 8×32 Vector512 + FMA
/// micro-kernel (<see cref="GemmMicroKernels.Kernel8x32{TRows, TEpilogue}"/>) with A read in place
/// (<see cref="StridedTileRows"/>) and the bias + ReLU in its epilogue (<see cref="BiasReluTileEpilogue"/>), before the
/// single store. Machines without AVX-512 take <see cref="Gemm.Sgemm"/> with B's plain copy and a separate bias pass
/// (the tests check both paths agree). Callers: <see cref="WinogradConv3x3"/>, the inference network (Inference/).
/// </summary>
internal static unsafe class PackedGemm
{
    public const int TileRows = 8;

    /// <summary>Whether the Vector512 micro-kernel runs here.</summary>
    public static bool Vector512Path { get; } = GemmIsaSupport.Best == GemmIsa.Vector512;

    /// <summary>
    /// C = A·B + bias (ReLU if <paramref name="relu"/>) for rows [0, m) and all of B's columns, cut into tasks of
    /// row blocks × slivers on <paramref name="pool"/> (or run here when it is null).
    /// </summary>
    public static void Multiply(int m, float* a, int lda, PackedMatrix b, float* c, int ldc, bool relu, ComputePool? pool, bool forceFallback = false)
    {
        if (m <= 0)
        {
            return;
        }
        if (!Vector512Path || forceFallback)
        {
            Fallback(m, a, lda, b, c, ldc, relu, pool);
            return;
        }
        int rowBlocks = (m + 63) / 64;
        int tasks = rowBlocks * b.Slivers;
        if (pool is null || pool.Threads == 1 || tasks == 1 || (long)m * b.K * b.N < 1 << 16)
        {
            for (int s = 0; s < b.Slivers; s++)
            {
                Rows(0, m, a, lda, b, s, c, ldc, relu);
            }
            return;
        }
        if (tasks < pool.Threads * 2 && m >= 16 * pool.Threads)
        {
            rowBlocks = Math.Max(rowBlocks, (pool.Threads * 2 + b.Slivers - 1) / b.Slivers);
            rowBlocks = Math.Min(rowBlocks, (m + TileRows - 1) / TileRows);
            tasks = rowBlocks * b.Slivers;
        }
        int tileRowsTotal = (m + TileRows - 1) / TileRows;
        nint aa = (nint)a, cc = (nint)c;
        pool.Run(tasks, t =>
        {
            int rb = t / b.Slivers, s = t % b.Slivers;
            int r0 = (int)((long)tileRowsTotal * rb / rowBlocks) * TileRows;
            int r1 = Math.Min(m, (int)((long)tileRowsTotal * (rb + 1) / rowBlocks) * TileRows);
            Rows(r0, r1, (float*)aa, lda, b, s, (float*)cc, ldc, relu);
        });
    }

    /// <summary>Rows [r0, r1) of C for one 32-column sliver of B, by <see cref="GemmMicroKernels.Kernel8x32{TRows, TEpilogue}"/>.</summary>
    public static void Rows(int r0, int r1, float* a, int lda, PackedMatrix b, int sliver, float* c, int ldc, bool relu)
    {
        float* bs = b.Sliver(sliver);
        float* bias = b.Bias + sliver * PackedMatrix.SliverWidth;
        int cols = Math.Min(PackedMatrix.SliverWidth, b.N - sliver * PackedMatrix.SliverWidth);
        float* cs = c + sliver * PackedMatrix.SliverWidth;
        float* scratch = stackalloc float[PackedMatrix.SliverWidth];
        for (int r = r0; r < r1; r += TileRows)
        {
            int rows = Math.Min(TileRows, r1 - r);
            GemmMicroKernels.Kernel8x32(b.K, new StridedTileRows(a + (long)r * lda, lda, rows), bs,
                new BiasReluTileEpilogue(cs + (long)r * ldc, ldc, rows, cols, bias, relu, scratch));
        }
    }

    private static void Fallback(int m, float* a, int lda, PackedMatrix b, float* c, int ldc, bool relu, ComputePool? pool)
    {
        var aSpan = new ReadOnlySpan<float>(a, (m - 1) * lda + b.K);
        var cSpan = new Span<float>(c, (m - 1) * ldc + b.N);
        Gemm.Sgemm(false, false, m, b.N, b.K, aSpan, lda, b.Plain, b.N, cSpan, ldc, false, pool);
        var bias = new ReadOnlySpan<float>(b.Bias, b.N);
        for (int r = 0; r < m; r++)
        {
            Span<float> row = cSpan.Slice(r * ldc, b.N);
            System.Numerics.Tensors.TensorPrimitives.Add(row, bias, row);
            if (relu)
            {
                System.Numerics.Tensors.TensorPrimitives.Max(row, 0f, row);
            }
        }
    }
}
