using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using Zero.Engine.Kernels;

namespace Zero.Engine.Inference;

/// <summary>
/// The inference network's matrix multiply: C[m×N] = A[m×K] · B + bias (then ReLU when asked), where A is read in
/// place through a row stride (activations in NHWC rows, Winograd tiles, im2col rows — never packed) and B is a
/// <see cref="PackedMatrix"/> packed when the network was built. The Vector512 + FMA micro-kernel computes an 8×32 tile:
/// per k step it loads two vectors of the B sliver and broadcasts one value from each of the 8 A rows into 16
/// accumulators, and the epilogue adds the bias and applies ReLU before the single store. Machines without AVX-512
/// take <see cref="Gemm.Sgemm"/> with B's plain copy and a separate bias pass (the tests check both paths agree).
/// Callers: <see cref="WinogradConv3x3"/>, <see cref="InferenceNet"/>.
/// </summary>
internal static unsafe class InferenceGemm
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

    /// <summary>Rows [r0, r1) of C for one 32-column sliver of B.</summary>
    public static void Rows(int r0, int r1, float* a, int lda, PackedMatrix b, int sliver, float* c, int ldc, bool relu)
    {
        float* bs = b.Sliver(sliver);
        float* bias = b.Bias + sliver * PackedMatrix.SliverWidth;
        int cols = Math.Min(PackedMatrix.SliverWidth, b.N - sliver * PackedMatrix.SliverWidth);
        float* cs = c + sliver * PackedMatrix.SliverWidth;
        for (int r = r0; r < r1; r += TileRows)
        {
            Kernel8x32(b.K, a + (long)r * lda, lda, Math.Min(TileRows, r1 - r), bs, cs + (long)r * ldc, ldc, cols, bias, relu);
        }
    }

    /// <summary>One 8×32 tile: rows beyond <paramref name="rows"/> repeat the last row and are not stored.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel8x32(int k, float* a, int lda, int rows, float* b, float* c, int ldc, int cols, float* bias, bool relu)
    {
        float* a0 = a + (long)lda * Math.Min(0, rows - 1);
        float* a1 = a + (long)lda * Math.Min(1, rows - 1);
        float* a2 = a + (long)lda * Math.Min(2, rows - 1);
        float* a3 = a + (long)lda * Math.Min(3, rows - 1);
        float* a4 = a + (long)lda * Math.Min(4, rows - 1);
        float* a5 = a + (long)lda * Math.Min(5, rows - 1);
        float* a6 = a + (long)lda * Math.Min(6, rows - 1);
        float* a7 = a + (long)lda * Math.Min(7, rows - 1);
        Vector512<float> c00 = default; Vector512<float> c01 = default;
        Vector512<float> c10 = default; Vector512<float> c11 = default;
        Vector512<float> c20 = default; Vector512<float> c21 = default;
        Vector512<float> c30 = default; Vector512<float> c31 = default;
        Vector512<float> c40 = default; Vector512<float> c41 = default;
        Vector512<float> c50 = default; Vector512<float> c51 = default;
        Vector512<float> c60 = default; Vector512<float> c61 = default;
        Vector512<float> c70 = default; Vector512<float> c71 = default;
        for (int p = 0; p < k; p++)
        {
            Vector512<float> b0 = Vector512.Load(b);
            Vector512<float> b1 = Vector512.Load(b + 16);
            b += 32;
            Vector512<float> v0 = Vector512.Create(a0[p]);
            c00 = Vector512.FusedMultiplyAdd(v0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(v0, b1, c01);
            Vector512<float> v1 = Vector512.Create(a1[p]);
            c10 = Vector512.FusedMultiplyAdd(v1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(v1, b1, c11);
            Vector512<float> v2 = Vector512.Create(a2[p]);
            c20 = Vector512.FusedMultiplyAdd(v2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(v2, b1, c21);
            Vector512<float> v3 = Vector512.Create(a3[p]);
            c30 = Vector512.FusedMultiplyAdd(v3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(v3, b1, c31);
            Vector512<float> v4 = Vector512.Create(a4[p]);
            c40 = Vector512.FusedMultiplyAdd(v4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(v4, b1, c41);
            Vector512<float> v5 = Vector512.Create(a5[p]);
            c50 = Vector512.FusedMultiplyAdd(v5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(v5, b1, c51);
            Vector512<float> v6 = Vector512.Create(a6[p]);
            c60 = Vector512.FusedMultiplyAdd(v6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(v6, b1, c61);
            Vector512<float> v7 = Vector512.Create(a7[p]);
            c70 = Vector512.FusedMultiplyAdd(v7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(v7, b1, c71);
        }
        Vector512<float> bias0 = Vector512.Load(bias);
        Vector512<float> bias1 = Vector512.Load(bias + 16);
        c00 += bias0; c01 += bias1;
        c10 += bias0; c11 += bias1;
        c20 += bias0; c21 += bias1;
        c30 += bias0; c31 += bias1;
        c40 += bias0; c41 += bias1;
        c50 += bias0; c51 += bias1;
        c60 += bias0; c61 += bias1;
        c70 += bias0; c71 += bias1;
        if (relu)
        {
            c00 = Vector512.Max(c00, Vector512<float>.Zero); c01 = Vector512.Max(c01, Vector512<float>.Zero);
            c10 = Vector512.Max(c10, Vector512<float>.Zero); c11 = Vector512.Max(c11, Vector512<float>.Zero);
            c20 = Vector512.Max(c20, Vector512<float>.Zero); c21 = Vector512.Max(c21, Vector512<float>.Zero);
            c30 = Vector512.Max(c30, Vector512<float>.Zero); c31 = Vector512.Max(c31, Vector512<float>.Zero);
            c40 = Vector512.Max(c40, Vector512<float>.Zero); c41 = Vector512.Max(c41, Vector512<float>.Zero);
            c50 = Vector512.Max(c50, Vector512<float>.Zero); c51 = Vector512.Max(c51, Vector512<float>.Zero);
            c60 = Vector512.Max(c60, Vector512<float>.Zero); c61 = Vector512.Max(c61, Vector512<float>.Zero);
            c70 = Vector512.Max(c70, Vector512<float>.Zero); c71 = Vector512.Max(c71, Vector512<float>.Zero);
        }
        if (rows == 8 && cols == 32)
        {
            Vector512.Store(c00, c + 0 * ldc); Vector512.Store(c01, c + 0 * ldc + 16);
            Vector512.Store(c10, c + 1 * ldc); Vector512.Store(c11, c + 1 * ldc + 16);
            Vector512.Store(c20, c + 2 * ldc); Vector512.Store(c21, c + 2 * ldc + 16);
            Vector512.Store(c30, c + 3 * ldc); Vector512.Store(c31, c + 3 * ldc + 16);
            Vector512.Store(c40, c + 4 * ldc); Vector512.Store(c41, c + 4 * ldc + 16);
            Vector512.Store(c50, c + 5 * ldc); Vector512.Store(c51, c + 5 * ldc + 16);
            Vector512.Store(c60, c + 6 * ldc); Vector512.Store(c61, c + 6 * ldc + 16);
            Vector512.Store(c70, c + 7 * ldc); Vector512.Store(c71, c + 7 * ldc + 16);
            return;
        }
        float* tile = stackalloc float[8 * 32];
        Vector512.Store(c00, tile + 0); Vector512.Store(c01, tile + 16);
        Vector512.Store(c10, tile + 32); Vector512.Store(c11, tile + 48);
        Vector512.Store(c20, tile + 64); Vector512.Store(c21, tile + 80);
        Vector512.Store(c30, tile + 96); Vector512.Store(c31, tile + 112);
        Vector512.Store(c40, tile + 128); Vector512.Store(c41, tile + 144);
        Vector512.Store(c50, tile + 160); Vector512.Store(c51, tile + 176);
        Vector512.Store(c60, tile + 192); Vector512.Store(c61, tile + 208);
        Vector512.Store(c70, tile + 224); Vector512.Store(c71, tile + 240);
        for (int r = 0; r < rows; r++)
        {
            new ReadOnlySpan<float>(tile + r * 32, cols).CopyTo(new Span<float>(c + (long)r * ldc, cols));
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
