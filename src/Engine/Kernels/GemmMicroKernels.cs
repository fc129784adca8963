using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// The register-tile micro-kernels of <see cref="Gemm"/> (one straight-line body per vector width, unrolled so the
/// JIT keeps every accumulator in a register). Each reads a packed A sliver (MR values per k step) and a packed B
/// sliver (NR values per k step) and writes or adds a full MR×NR tile of C; <see cref="Gemm"/> handles edges through a
/// scratch tile. Callers: <see cref="Gemm"/> only.
/// </summary>
internal static unsafe class GemmMicroKernels
{
    /// <summary>8×32 tile with Vector512: C[8×32] (+)= A-sliver · B-sliver over kc steps.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Kernel512(int kc, float* a, float* b, float* c, int ldc, bool overwrite)
    {
        Vector512<float> c00 = default; Vector512<float> c01 = default;
        Vector512<float> c10 = default; Vector512<float> c11 = default;
        Vector512<float> c20 = default; Vector512<float> c21 = default;
        Vector512<float> c30 = default; Vector512<float> c31 = default;
        Vector512<float> c40 = default; Vector512<float> c41 = default;
        Vector512<float> c50 = default; Vector512<float> c51 = default;
        Vector512<float> c60 = default; Vector512<float> c61 = default;
        Vector512<float> c70 = default; Vector512<float> c71 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<float> b0 = Vector512.Load(b + 0);
            Vector512<float> b1 = Vector512.Load(b + 16);
            Vector512<float> a0 = Vector512.Create(a[0]);
            c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
            Vector512<float> a1 = Vector512.Create(a[1]);
            c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
            Vector512<float> a2 = Vector512.Create(a[2]);
            c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
            Vector512<float> a3 = Vector512.Create(a[3]);
            c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
            Vector512<float> a4 = Vector512.Create(a[4]);
            c40 = Vector512.FusedMultiplyAdd(a4, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(a4, b1, c41);
            Vector512<float> a5 = Vector512.Create(a[5]);
            c50 = Vector512.FusedMultiplyAdd(a5, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(a5, b1, c51);
            Vector512<float> a6 = Vector512.Create(a[6]);
            c60 = Vector512.FusedMultiplyAdd(a6, b0, c60);
            c61 = Vector512.FusedMultiplyAdd(a6, b1, c61);
            Vector512<float> a7 = Vector512.Create(a[7]);
            c70 = Vector512.FusedMultiplyAdd(a7, b0, c70);
            c71 = Vector512.FusedMultiplyAdd(a7, b1, c71);
            a += 8;
            b += 32;
        }
        if (overwrite)
        {
            Vector512.Store(c00, c + 0 * ldc + 0);
            Vector512.Store(c01, c + 0 * ldc + 16);
            Vector512.Store(c10, c + 1 * ldc + 0);
            Vector512.Store(c11, c + 1 * ldc + 16);
            Vector512.Store(c20, c + 2 * ldc + 0);
            Vector512.Store(c21, c + 2 * ldc + 16);
            Vector512.Store(c30, c + 3 * ldc + 0);
            Vector512.Store(c31, c + 3 * ldc + 16);
            Vector512.Store(c40, c + 4 * ldc + 0);
            Vector512.Store(c41, c + 4 * ldc + 16);
            Vector512.Store(c50, c + 5 * ldc + 0);
            Vector512.Store(c51, c + 5 * ldc + 16);
            Vector512.Store(c60, c + 6 * ldc + 0);
            Vector512.Store(c61, c + 6 * ldc + 16);
            Vector512.Store(c70, c + 7 * ldc + 0);
            Vector512.Store(c71, c + 7 * ldc + 16);
        }
        else
        {
            Vector512.Store(c00 + Vector512.Load(c + 0 * ldc + 0), c + 0 * ldc + 0);
            Vector512.Store(c01 + Vector512.Load(c + 0 * ldc + 16), c + 0 * ldc + 16);
            Vector512.Store(c10 + Vector512.Load(c + 1 * ldc + 0), c + 1 * ldc + 0);
            Vector512.Store(c11 + Vector512.Load(c + 1 * ldc + 16), c + 1 * ldc + 16);
            Vector512.Store(c20 + Vector512.Load(c + 2 * ldc + 0), c + 2 * ldc + 0);
            Vector512.Store(c21 + Vector512.Load(c + 2 * ldc + 16), c + 2 * ldc + 16);
            Vector512.Store(c30 + Vector512.Load(c + 3 * ldc + 0), c + 3 * ldc + 0);
            Vector512.Store(c31 + Vector512.Load(c + 3 * ldc + 16), c + 3 * ldc + 16);
            Vector512.Store(c40 + Vector512.Load(c + 4 * ldc + 0), c + 4 * ldc + 0);
            Vector512.Store(c41 + Vector512.Load(c + 4 * ldc + 16), c + 4 * ldc + 16);
            Vector512.Store(c50 + Vector512.Load(c + 5 * ldc + 0), c + 5 * ldc + 0);
            Vector512.Store(c51 + Vector512.Load(c + 5 * ldc + 16), c + 5 * ldc + 16);
            Vector512.Store(c60 + Vector512.Load(c + 6 * ldc + 0), c + 6 * ldc + 0);
            Vector512.Store(c61 + Vector512.Load(c + 6 * ldc + 16), c + 6 * ldc + 16);
            Vector512.Store(c70 + Vector512.Load(c + 7 * ldc + 0), c + 7 * ldc + 0);
            Vector512.Store(c71 + Vector512.Load(c + 7 * ldc + 16), c + 7 * ldc + 16);
        }
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
