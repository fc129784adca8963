using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zero.Engine.Ops;

/// <summary>
/// Matrix products for the tiny shapes of RL networks (4→64→64→2 at batch 1..256), where the packed, threaded SGEMM's
/// packing and dispatch cost more than the arithmetic. C[m, n] (+)= A[m, k] · B[k, n], row-major with leading
/// dimensions, vectorised along n: a 4-row × 2-vector register block of broadcast-FMAs (Vector512, else Vector256,
/// else scalar). No allocation, no threads. Called by <see cref="TensorOps"/>'s Linear for small products and by
/// <see cref="Models.Mlp"/>'s no-tape path. Measured (2-core EPYC, shared, noisy): rl-mlp Adam step at batch 64
/// 170 µs → see src/Engine/README.md for the current figure; checked against a scalar reference in SmallGemmTests.
/// </summary>
internal static class SmallGemm
{
    /// <summary>
    /// C = op(A)·B (or C += when <paramref name="accumulate"/>); element (i, p) of op(A) is a[i·rsA + p·csA], so
    /// (rsA, csA) = (lda, 1) multiplies by A and (1, lda) by Aᵀ.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Multiply(int m, int n, int k, ReadOnlySpan<float> a, int rsA, int csA, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k > 0 && (a.Length <= ((m - 1) * rsA) + ((k - 1) * csA) || b.Length < ((k - 1) * ldb) + n))
        {
            throw new ArgumentException("SmallGemm: a span is too short for the given shape.");
        }

        if (c.Length < ((m - 1) * ldc) + n)
        {
            throw new ArgumentException("SmallGemm: the output span is too short for the given shape.");
        }

        int j = 0;
        if (Vector512.IsHardwareAccelerated)
        {
            j = Vector512Columns(m, n, k, a, rsA, csA, b, ldb, c, ldc, accumulate);
        }
        else if (Vector256.IsHardwareAccelerated)
        {
            j = Vector256Columns(m, n, k, a, rsA, csA, b, ldb, c, ldc, accumulate);
        }

        ScalarColumns(j, m, n, k, a, rsA, csA, b, ldb, c, ldc, accumulate);
    }

    /// <summary>The scalar reference (also the column tail).</summary>
    internal static void ScalarColumns(int j0, int m, int n, int k, ReadOnlySpan<float> a, int rsA, int csA, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = j0; j < n; j++)
            {
                float s = accumulate ? c[(i * ldc) + j] : 0f;
                for (int p = 0; p < k; p++)
                {
                    s += a[(i * rsA) + (p * csA)] * b[(p * ldb) + j];
                }

                c[(i * ldc) + j] = s;
            }
        }
    }

    /// <summary>C[i, j] (+)= Σ_p A[i, p]·B[j, p]: dot products along contiguous rows (the Linear forward, W stored [out, in]).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MultiplyNT(int m, int n, int k, ReadOnlySpan<float> a, int lda, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (a.Length < ((m - 1) * lda) + k || b.Length < ((n - 1) * ldb) + k || c.Length < ((m - 1) * ldc) + n)
        {
            throw new ArgumentException("SmallGemm: a span is too short for the given shape.");
        }

        ref float ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref float rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        int kv = Vector512.IsHardwareAccelerated ? k & ~15 : 0;
        for (int i = 0; i < m; i++)
        {
            ref float ar = ref Unsafe.Add(ref ra, i * lda);
            Span<float> cr = c.Slice(i * ldc, n);
            int j = 0;
            for (; j + 4 <= n; j += 4)
            {
                ref float b0 = ref Unsafe.Add(ref rb, j * ldb);
                ref float b1 = ref Unsafe.Add(ref rb, (j + 1) * ldb);
                ref float b2 = ref Unsafe.Add(ref rb, (j + 2) * ldb);
                ref float b3 = ref Unsafe.Add(ref rb, (j + 3) * ldb);
                Vector512<float> s0 = Vector512<float>.Zero, s1 = s0, s2 = s0, s3 = s0;
                for (int p = 0; p < kv; p += 16)
                {
                    Vector512<float> x = Vector512.LoadUnsafe(ref ar, (nuint)p);
                    s0 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref b0, (nuint)p), s0);
                    s1 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref b1, (nuint)p), s1);
                    s2 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref b2, (nuint)p), s2);
                    s3 = Vector512.FusedMultiplyAdd(x, Vector512.LoadUnsafe(ref b3, (nuint)p), s3);
                }

                float t0 = Vector512.Sum(s0), t1 = Vector512.Sum(s1), t2 = Vector512.Sum(s2), t3 = Vector512.Sum(s3);
                for (int p = kv; p < k; p++)
                {
                    float x = Unsafe.Add(ref ar, p);
                    t0 += x * Unsafe.Add(ref b0, p);
                    t1 += x * Unsafe.Add(ref b1, p);
                    t2 += x * Unsafe.Add(ref b2, p);
                    t3 += x * Unsafe.Add(ref b3, p);
                }

                if (accumulate)
                {
                    cr[j] += t0;
                    cr[j + 1] += t1;
                    cr[j + 2] += t2;
                    cr[j + 3] += t3;
                }
                else
                {
                    cr[j] = t0;
                    cr[j + 1] = t1;
                    cr[j + 2] = t2;
                    cr[j + 3] = t3;
                }
            }

            for (; j < n; j++)
            {
                ref float bj = ref Unsafe.Add(ref rb, j * ldb);
                Vector512<float> s0 = Vector512<float>.Zero;
                for (int p = 0; p < kv; p += 16)
                {
                    s0 = Vector512.FusedMultiplyAdd(Vector512.LoadUnsafe(ref ar, (nuint)p), Vector512.LoadUnsafe(ref bj, (nuint)p), s0);
                }

                float t = Vector512.Sum(s0);
                for (int p = kv; p < k; p++)
                {
                    t += Unsafe.Add(ref ar, p) * Unsafe.Add(ref bj, p);
                }

                cr[j] = accumulate ? cr[j] + t : t;
            }
        }
    }

    /// <summary>Transposes src [rows, cols] (leading dimension ld) into dst [cols, rows].</summary>
    public static void Transpose(ReadOnlySpan<float> src, int rows, int cols, int ld, Span<float> dst)
    {
        for (int r = 0; r < rows; r++)
        {
            ReadOnlySpan<float> row = src.Slice(r * ld, cols);
            for (int c = 0; c < cols; c++)
            {
                dst[(c * rows) + r] = row[c];
            }
        }
    }

    private static int Vector512Columns(int m, int n, int k, ReadOnlySpan<float> a, int rsA, int csA, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        const int W = 16;
        ref float ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref float rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        ref float rc = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(c);
        int j = 0;
        for (; j + W <= n; j += 2 * W)
        {
            bool two = j + (2 * W) <= n;
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Vector512<float> c00 = Vector512<float>.Zero, c10 = c00, c20 = c00, c30 = c00;
                Vector512<float> c01 = c00, c11 = c00, c21 = c00, c31 = c00;
                for (int p = 0; p < k; p++)
                {
                    Vector512<float> b0 = Vector512.LoadUnsafe(ref rb, (nuint)((p * ldb) + j));
                    Vector512<float> a0 = Vector512.Create(Unsafe.Add(ref ra, (i * rsA) + (p * csA)));
                    Vector512<float> a1 = Vector512.Create(Unsafe.Add(ref ra, ((i + 1) * rsA) + (p * csA)));
                    Vector512<float> a2 = Vector512.Create(Unsafe.Add(ref ra, ((i + 2) * rsA) + (p * csA)));
                    Vector512<float> a3 = Vector512.Create(Unsafe.Add(ref ra, ((i + 3) * rsA) + (p * csA)));
                    c00 = Vector512.FusedMultiplyAdd(a0, b0, c00);
                    c10 = Vector512.FusedMultiplyAdd(a1, b0, c10);
                    c20 = Vector512.FusedMultiplyAdd(a2, b0, c20);
                    c30 = Vector512.FusedMultiplyAdd(a3, b0, c30);
                    if (two)
                    {
                        Vector512<float> b1 = Vector512.LoadUnsafe(ref rb, (nuint)((p * ldb) + j + W));
                        c01 = Vector512.FusedMultiplyAdd(a0, b1, c01);
                        c11 = Vector512.FusedMultiplyAdd(a1, b1, c11);
                        c21 = Vector512.FusedMultiplyAdd(a2, b1, c21);
                        c31 = Vector512.FusedMultiplyAdd(a3, b1, c31);
                    }
                }

                Store512(ref rc, (i * ldc) + j, c00, accumulate);
                Store512(ref rc, ((i + 1) * ldc) + j, c10, accumulate);
                Store512(ref rc, ((i + 2) * ldc) + j, c20, accumulate);
                Store512(ref rc, ((i + 3) * ldc) + j, c30, accumulate);
                if (two)
                {
                    Store512(ref rc, (i * ldc) + j + W, c01, accumulate);
                    Store512(ref rc, ((i + 1) * ldc) + j + W, c11, accumulate);
                    Store512(ref rc, ((i + 2) * ldc) + j + W, c21, accumulate);
                    Store512(ref rc, ((i + 3) * ldc) + j + W, c31, accumulate);
                }
            }

            for (; i < m; i++)
            {
                Vector512<float> c0 = Vector512<float>.Zero, c1 = c0;
                for (int p = 0; p < k; p++)
                {
                    Vector512<float> a0 = Vector512.Create(Unsafe.Add(ref ra, (i * rsA) + (p * csA)));
                    c0 = Vector512.FusedMultiplyAdd(a0, Vector512.LoadUnsafe(ref rb, (nuint)((p * ldb) + j)), c0);
                    if (two)
                    {
                        c1 = Vector512.FusedMultiplyAdd(a0, Vector512.LoadUnsafe(ref rb, (nuint)((p * ldb) + j + W)), c1);
                    }
                }

                Store512(ref rc, (i * ldc) + j, c0, accumulate);
                if (two)
                {
                    Store512(ref rc, (i * ldc) + j + W, c1, accumulate);
                }
            }

            if (!two)
            {
                return j + W;
            }
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store512(ref float c, int offset, Vector512<float> v, bool accumulate)
    {
        if (accumulate)
        {
            v += Vector512.LoadUnsafe(ref c, (nuint)offset);
        }

        v.StoreUnsafe(ref c, (nuint)offset);
    }

    private static int Vector256Columns(int m, int n, int k, ReadOnlySpan<float> a, int rsA, int csA, ReadOnlySpan<float> b, int ldb, Span<float> c, int ldc, bool accumulate)
    {
        const int W = 8;
        ref float ra = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(a);
        ref float rb = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(b);
        ref float rc = ref System.Runtime.InteropServices.MemoryMarshal.GetReference(c);
        int j = 0;
        for (; j + W <= n; j += W)
        {
            int i = 0;
            for (; i + 4 <= m; i += 4)
            {
                Vector256<float> c0 = Vector256<float>.Zero, c1 = c0, c2 = c0, c3 = c0;
                for (int p = 0; p < k; p++)
                {
                    Vector256<float> b0 = Vector256.LoadUnsafe(ref rb, (nuint)((p * ldb) + j));
                    c0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ra, (i * rsA) + (p * csA))), b0, c0);
                    c1 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ra, ((i + 1) * rsA) + (p * csA))), b0, c1);
                    c2 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ra, ((i + 2) * rsA) + (p * csA))), b0, c2);
                    c3 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ra, ((i + 3) * rsA) + (p * csA))), b0, c3);
                }

                Store256(ref rc, (i * ldc) + j, c0, accumulate);
                Store256(ref rc, ((i + 1) * ldc) + j, c1, accumulate);
                Store256(ref rc, ((i + 2) * ldc) + j, c2, accumulate);
                Store256(ref rc, ((i + 3) * ldc) + j, c3, accumulate);
            }

            for (; i < m; i++)
            {
                Vector256<float> c0 = Vector256<float>.Zero;
                for (int p = 0; p < k; p++)
                {
                    c0 = Vector256.FusedMultiplyAdd(Vector256.Create(Unsafe.Add(ref ra, (i * rsA) + (p * csA))), Vector256.LoadUnsafe(ref rb, (nuint)((p * ldb) + j)), c0);
                }

                Store256(ref rc, (i * ldc) + j, c0, accumulate);
            }
        }

        return j;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store256(ref float c, int offset, Vector256<float> v, bool accumulate)
    {
        if (accumulate)
        {
            v += Vector256.LoadUnsafe(ref c, (nuint)offset);
        }

        v.StoreUnsafe(ref c, (nuint)offset);
    }
}
