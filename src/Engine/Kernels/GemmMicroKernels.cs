using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// The register-tile micro-kernels (one straight-line body per vector width, unrolled so the JIT keeps every
/// accumulator in a register). Each reads A (MR values per k step) and a packed B sliver (NR values per k step) and
/// writes or adds an MR×NR tile of C. The 8×32 Vector512 tile is one generic kernel over how A is read and what the
/// epilogue does; <see cref="Gemm"/> calls it with its packed A and a store/add (edges through a scratch tile),
/// <see cref="PackedGemm"/> with rows read in place and a bias + ReLU epilogue. The narrower tiles serve Gemm only.
/// </summary>
internal static unsafe class GemmMicroKernels
{
    /// <summary>8×32 tile with Vector512: C[8×32] (+)= A-sliver · B-sliver over kc steps (Gemm's packed A).</summary>
    public static void Kernel512(int kc, float* a, float* b, float* c, int ldc, bool overwrite) =>
        Kernel8x32(kc, new PackedTileRows(a), b, new StoreTileEpilogue(c, ldc, overwrite));

    /// <summary>
    /// The one 8×32 Vector512 + FMA register tile, shared by <see cref="Gemm"/> and <see cref="PackedGemm"/>: per k
    /// step it loads the two vectors of the packed B sliver (32 values) and broadcasts one value of each of the 8 A
    /// rows (<typeparamref name="TRows"/> says where they are) into 16 accumulators; then hands each finished row to
    /// <typeparamref name="TEpilogue"/> (store / add, or bias + ReLU). Both are operator structs: the JIT compiles one
    /// straight-line body per pair, so nothing is called per k step.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel8x32<TRows, TEpilogue>(int k, TRows a, float* b, TEpilogue epilogue)
        where TRows : struct, ITileRows
        where TEpilogue : struct, ITileEpilogue
    {
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
            Vector512<float> v0 = Vector512.Create(a.At(0, p));
            c00 = Vector512.FusedMultiplyAdd(v0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(v0, b1, c01);
            Vector512<float> v1 = Vector512.Create(a.At(1, p));
            c10 = Vector512.FusedMultiplyAdd(v1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(v1, b1, c11);
            Vector512<float> v2 = Vector512.Create(a.At(2, p));
            c20 = Vector512.FusedMultiplyAdd(v2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(v2, b1, c21);
            Vector512<float> v3 = Vector512.Create(a.At(3, p));
            c30 = Vector512.FusedMultiplyAdd(v3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(v3, b1, c31);
            Vector512<float> v4 = Vector512.Create(a.At(4, p));
            c40 = Vector512.FusedMultiplyAdd(v4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(v4, b1, c41);
            Vector512<float> v5 = Vector512.Create(a.At(5, p));
            c50 = Vector512.FusedMultiplyAdd(v5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(v5, b1, c51);
            Vector512<float> v6 = Vector512.Create(a.At(6, p));
            c60 = Vector512.FusedMultiplyAdd(v6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(v6, b1, c61);
            Vector512<float> v7 = Vector512.Create(a.At(7, p));
            c70 = Vector512.FusedMultiplyAdd(v7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(v7, b1, c71);
        }
        epilogue.Row(0, c00, c01);
        epilogue.Row(1, c10, c11);
        epilogue.Row(2, c20, c21);
        epilogue.Row(3, c30, c31);
        epilogue.Row(4, c40, c41);
        epilogue.Row(5, c50, c51);
        epilogue.Row(6, c60, c61);
        epilogue.Row(7, c70, c71);
    }

    /// <summary>6×16 tile with Vector256: C[6×16] (+)= A-sliver · B-sliver over kc steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel256(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector256<float> c00 = default; Vector256<float> c01 = default;
        Vector256<float> c10 = default; Vector256<float> c11 = default;
        Vector256<float> c20 = default; Vector256<float> c21 = default;
        Vector256<float> c30 = default; Vector256<float> c31 = default;
        Vector256<float> c40 = default; Vector256<float> c41 = default;
        Vector256<float> c50 = default; Vector256<float> c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<float> b0 = Vector256.Load(b + 0);
            Vector256<float> b1 = Vector256.Load(b + 8);
            Vector256<float> a0 = Vector256.Create(a[0]);
            c00 = Vector256.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector256.FusedMultiplyAdd(a0, b1, c01);
            Vector256<float> a1 = Vector256.Create(a[1]);
            c10 = Vector256.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector256.FusedMultiplyAdd(a1, b1, c11);
            Vector256<float> a2 = Vector256.Create(a[2]);
            c20 = Vector256.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector256.FusedMultiplyAdd(a2, b1, c21);
            Vector256<float> a3 = Vector256.Create(a[3]);
            c30 = Vector256.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector256.FusedMultiplyAdd(a3, b1, c31);
            Vector256<float> a4 = Vector256.Create(a[4]);
            c40 = Vector256.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector256.FusedMultiplyAdd(a4, b1, c41);
            Vector256<float> a5 = Vector256.Create(a[5]);
            c50 = Vector256.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector256.FusedMultiplyAdd(a5, b1, c51);
            a += 6;
            b += 16;
        }
        if (overwrite)
        {
            Vector256.Store(c00, c + 0 * ldc + 0);
            Vector256.Store(c01, c + 0 * ldc + 8);
            Vector256.Store(c10, c + 1 * ldc + 0);
            Vector256.Store(c11, c + 1 * ldc + 8);
            Vector256.Store(c20, c + 2 * ldc + 0);
            Vector256.Store(c21, c + 2 * ldc + 8);
            Vector256.Store(c30, c + 3 * ldc + 0);
            Vector256.Store(c31, c + 3 * ldc + 8);
            Vector256.Store(c40, c + 4 * ldc + 0);
            Vector256.Store(c41, c + 4 * ldc + 8);
            Vector256.Store(c50, c + 5 * ldc + 0);
            Vector256.Store(c51, c + 5 * ldc + 8);
        }
        else
        {
            Vector256.Store(c00 + Vector256.Load(c + 0 * ldc + 0), c + 0 * ldc + 0);
            Vector256.Store(c01 + Vector256.Load(c + 0 * ldc + 8), c + 0 * ldc + 8);
            Vector256.Store(c10 + Vector256.Load(c + 1 * ldc + 0), c + 1 * ldc + 0);
            Vector256.Store(c11 + Vector256.Load(c + 1 * ldc + 8), c + 1 * ldc + 8);
            Vector256.Store(c20 + Vector256.Load(c + 2 * ldc + 0), c + 2 * ldc + 0);
            Vector256.Store(c21 + Vector256.Load(c + 2 * ldc + 8), c + 2 * ldc + 8);
            Vector256.Store(c30 + Vector256.Load(c + 3 * ldc + 0), c + 3 * ldc + 0);
            Vector256.Store(c31 + Vector256.Load(c + 3 * ldc + 8), c + 3 * ldc + 8);
            Vector256.Store(c40 + Vector256.Load(c + 4 * ldc + 0), c + 4 * ldc + 0);
            Vector256.Store(c41 + Vector256.Load(c + 4 * ldc + 8), c + 4 * ldc + 8);
            Vector256.Store(c50 + Vector256.Load(c + 5 * ldc + 0), c + 5 * ldc + 0);
            Vector256.Store(c51 + Vector256.Load(c + 5 * ldc + 8), c + 5 * ldc + 8);
        }
    }

    /// <summary>6×8 tile with Vector128: C[6×8] (+)= A-sliver · B-sliver over kc steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel128(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector128<float> c00 = default; Vector128<float> c01 = default;
        Vector128<float> c10 = default; Vector128<float> c11 = default;
        Vector128<float> c20 = default; Vector128<float> c21 = default;
        Vector128<float> c30 = default; Vector128<float> c31 = default;
        Vector128<float> c40 = default; Vector128<float> c41 = default;
        Vector128<float> c50 = default; Vector128<float> c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector128<float> b0 = Vector128.Load(b + 0);
            Vector128<float> b1 = Vector128.Load(b + 4);
            Vector128<float> a0 = Vector128.Create(a[0]);
            c00 = Vector128.MultiplyAddEstimate(a0, b0, c00);
            c01 = Vector128.MultiplyAddEstimate(a0, b1, c01);
            Vector128<float> a1 = Vector128.Create(a[1]);
            c10 = Vector128.MultiplyAddEstimate(a1, b0, c10);
            c11 = Vector128.MultiplyAddEstimate(a1, b1, c11);
            Vector128<float> a2 = Vector128.Create(a[2]);
            c20 = Vector128.MultiplyAddEstimate(a2, b0, c20);
            c21 = Vector128.MultiplyAddEstimate(a2, b1, c21);
            Vector128<float> a3 = Vector128.Create(a[3]);
            c30 = Vector128.MultiplyAddEstimate(a3, b0, c30);
            c31 = Vector128.MultiplyAddEstimate(a3, b1, c31);
            Vector128<float> a4 = Vector128.Create(a[4]);
            c40 = Vector128.MultiplyAddEstimate(a4, b0, c40);
            c41 = Vector128.MultiplyAddEstimate(a4, b1, c41);
            Vector128<float> a5 = Vector128.Create(a[5]);
            c50 = Vector128.MultiplyAddEstimate(a5, b0, c50);
            c51 = Vector128.MultiplyAddEstimate(a5, b1, c51);
            a += 6;
            b += 8;
        }
        if (overwrite)
        {
            Vector128.Store(c00, c + 0 * ldc + 0);
            Vector128.Store(c01, c + 0 * ldc + 4);
            Vector128.Store(c10, c + 1 * ldc + 0);
            Vector128.Store(c11, c + 1 * ldc + 4);
            Vector128.Store(c20, c + 2 * ldc + 0);
            Vector128.Store(c21, c + 2 * ldc + 4);
            Vector128.Store(c30, c + 3 * ldc + 0);
            Vector128.Store(c31, c + 3 * ldc + 4);
            Vector128.Store(c40, c + 4 * ldc + 0);
            Vector128.Store(c41, c + 4 * ldc + 4);
            Vector128.Store(c50, c + 5 * ldc + 0);
            Vector128.Store(c51, c + 5 * ldc + 4);
        }
        else
        {
            Vector128.Store(c00 + Vector128.Load(c + 0 * ldc + 0), c + 0 * ldc + 0);
            Vector128.Store(c01 + Vector128.Load(c + 0 * ldc + 4), c + 0 * ldc + 4);
            Vector128.Store(c10 + Vector128.Load(c + 1 * ldc + 0), c + 1 * ldc + 0);
            Vector128.Store(c11 + Vector128.Load(c + 1 * ldc + 4), c + 1 * ldc + 4);
            Vector128.Store(c20 + Vector128.Load(c + 2 * ldc + 0), c + 2 * ldc + 0);
            Vector128.Store(c21 + Vector128.Load(c + 2 * ldc + 4), c + 2 * ldc + 4);
            Vector128.Store(c30 + Vector128.Load(c + 3 * ldc + 0), c + 3 * ldc + 0);
            Vector128.Store(c31 + Vector128.Load(c + 3 * ldc + 4), c + 3 * ldc + 4);
            Vector128.Store(c40 + Vector128.Load(c + 4 * ldc + 0), c + 4 * ldc + 0);
            Vector128.Store(c41 + Vector128.Load(c + 4 * ldc + 4), c + 4 * ldc + 4);
            Vector128.Store(c50 + Vector128.Load(c + 5 * ldc + 0), c + 5 * ldc + 0);
            Vector128.Store(c51 + Vector128.Load(c + 5 * ldc + 4), c + 5 * ldc + 4);
        }
    }

    /// <summary>4×4 scalar tile: the fallback for machines without vector hardware.</summary>
    public static void KernelScalar(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        float* acc = stackalloc float[16];
        new Span<float>(acc, 16).Clear();
        for (int p = 0; p < kc; p++)
        {
            for (int r = 0; r < 4; r++)
            {
                float ar = a[r];
                for (int j = 0; j < 4; j++)
                {
                    acc[r * 4 + j] += ar * b[j];
                }
            }
            a += 4;
            b += 4;
        }
        for (int r = 0; r < 4; r++)
        {
            for (int j = 0; j < 4; j++)
            {
                c[r * ldc + j] = overwrite ? acc[r * 4 + j] : c[r * ldc + j] + acc[r * 4 + j];
            }
        }
    }
}
