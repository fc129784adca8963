using System.Runtime.Intrinsics;

namespace Zero.Rl.Networks;

/// <summary>
/// The matrix product behind <see cref="Mlp"/>: C[m×n] (+)= A[m×k]·B[k×n], with A read through strides (so
/// Xᵀ·dY needs no transposed copy) and B, C row-major. Register-blocked micro-kernels of 4 rows × 64 columns
/// (16 Vector512 accumulators) and 4 × 16, a scalar path for the last columns, and a scalar reference
/// (<see cref="MultiplyReference"/>) that the tests compare against. Sized for RL networks (k, n ≤ a few hundred),
/// where packing would cost more than it saves. It exists because the RL core must train at 10k+ environment
/// steps/s before the shared engine's GEMM is available; see src/Rl/README.md.
/// Measured by `zero bench rl` (gemm line): on this EPYC (AVX-512) the 256×256×256 product runs at the GFLOP/s
/// printed there, against the scalar reference in the same run.
/// </summary>
public static unsafe class SmallGemm
{
    /// <summary>C (+)= A·B. A(r, c) = a[r·aRow + c·aCol]; B is k×n row-major; C is m×n row-major.</summary>
    public static void Multiply(int m, int n, int k, ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, Span<float> c, bool accumulate)
    {
        if (b.Length < k * n || c.Length < m * n)
        {
            throw new ArgumentException($"SmallGemm: B needs {k}×{n} and C {m}×{n} floats (got {b.Length} and {c.Length}).");
        }
        if (m == 0 || n == 0)
        {
            return;
        }
        if (!accumulate)
        {
            c[..(m * n)].Clear();
        }
        if (k == 0)
        {
            return;
        }
        fixed (float* pa = a, pb = b, pc = c)
        {
            int j = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                for (; j + 64 <= n; j += 64)
                {
                    int i = 0;
                    for (; i + 4 <= m; i += 4)
                    {
                        Kernel4x64(k, pa + (i * aRow), aRow, aCol, pb + j, n, pc + (i * n) + j, n);
                    }
                    for (; i < m; i++)
                    {
                        Kernel1xW(k, pa + (i * aRow), aCol, pb + j, n, pc + (i * n) + j, 4);
                    }
                }
                for (; j + 16 <= n; j += 16)
                {
                    int i = 0;
                    for (; i + 4 <= m; i += 4)
                    {
                        Kernel4x16(k, pa + (i * aRow), aRow, aCol, pb + j, n, pc + (i * n) + j, n);
                    }
                    for (; i < m; i++)
                    {
                        Kernel1xW(k, pa + (i * aRow), aCol, pb + j, n, pc + (i * n) + j, 1);
                    }
                }
            }
            for (; j < n; j++)
            {
                for (int i = 0; i < m; i++)
                {
                    float* ai = pa + (i * aRow);
                    float s = 0;
                    for (int p = 0; p < k; p++)
                    {
                        s += ai[p * aCol] * pb[(p * n) + j];
                    }
                    pc[(i * n) + j] += s;
                }
            }
        }
    }

    private static void Kernel4x64(int k, float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc)
    {
        float* c0 = c, c1 = c + ldc, c2 = c + (2 * ldc), c3 = c + (3 * ldc);
        Vector512<float> x00 = Vector512.Load(c0), x01 = Vector512.Load(c0 + 16), x02 = Vector512.Load(c0 + 32), x03 = Vector512.Load(c0 + 48);
        Vector512<float> x10 = Vector512.Load(c1), x11 = Vector512.Load(c1 + 16), x12 = Vector512.Load(c1 + 32), x13 = Vector512.Load(c1 + 48);
        Vector512<float> x20 = Vector512.Load(c2), x21 = Vector512.Load(c2 + 16), x22 = Vector512.Load(c2 + 32), x23 = Vector512.Load(c2 + 48);
        Vector512<float> x30 = Vector512.Load(c3), x31 = Vector512.Load(c3 + 16), x32 = Vector512.Load(c3 + 32), x33 = Vector512.Load(c3 + 48);
        float* a1 = a + aRow, a2 = a + (2 * aRow), a3 = a + (3 * aRow);
        for (int p = 0; p < k; p++)
        {
            float* bp = b + (p * ldb);
            Vector512<float> b0 = Vector512.Load(bp), b1 = Vector512.Load(bp + 16), b2 = Vector512.Load(bp + 32), b3 = Vector512.Load(bp + 48);
            int off = p * aCol;
            var v = Vector512.Create(a[off]);
            x00 = Vector512.FusedMultiplyAdd(v, b0, x00);
            x01 = Vector512.FusedMultiplyAdd(v, b1, x01);
            x02 = Vector512.FusedMultiplyAdd(v, b2, x02);
            x03 = Vector512.FusedMultiplyAdd(v, b3, x03);
            v = Vector512.Create(a1[off]);
            x10 = Vector512.FusedMultiplyAdd(v, b0, x10);
            x11 = Vector512.FusedMultiplyAdd(v, b1, x11);
            x12 = Vector512.FusedMultiplyAdd(v, b2, x12);
            x13 = Vector512.FusedMultiplyAdd(v, b3, x13);
            v = Vector512.Create(a2[off]);
            x20 = Vector512.FusedMultiplyAdd(v, b0, x20);
            x21 = Vector512.FusedMultiplyAdd(v, b1, x21);
            x22 = Vector512.FusedMultiplyAdd(v, b2, x22);
            x23 = Vector512.FusedMultiplyAdd(v, b3, x23);
            v = Vector512.Create(a3[off]);
            x30 = Vector512.FusedMultiplyAdd(v, b0, x30);
            x31 = Vector512.FusedMultiplyAdd(v, b1, x31);
            x32 = Vector512.FusedMultiplyAdd(v, b2, x32);
            x33 = Vector512.FusedMultiplyAdd(v, b3, x33);
        }
        x00.Store(c0); x01.Store(c0 + 16); x02.Store(c0 + 32); x03.Store(c0 + 48);
        x10.Store(c1); x11.Store(c1 + 16); x12.Store(c1 + 32); x13.Store(c1 + 48);
        x20.Store(c2); x21.Store(c2 + 16); x22.Store(c2 + 32); x23.Store(c2 + 48);
        x30.Store(c3); x31.Store(c3 + 16); x32.Store(c3 + 32); x33.Store(c3 + 48);
    }

    private static void Kernel4x16(int k, float* a, int aRow, int aCol, float* b, int ldb, float* c, int ldc)
    {
        Vector512<float> x0 = Vector512.Load(c), x1 = Vector512.Load(c + ldc), x2 = Vector512.Load(c + (2 * ldc)), x3 = Vector512.Load(c + (3 * ldc));
        float* a1 = a + aRow, a2 = a + (2 * aRow), a3 = a + (3 * aRow);
        for (int p = 0; p < k; p++)
        {
            Vector512<float> bv = Vector512.Load(b + (p * ldb));
            int off = p * aCol;
            x0 = Vector512.FusedMultiplyAdd(Vector512.Create(a[off]), bv, x0);
            x1 = Vector512.FusedMultiplyAdd(Vector512.Create(a1[off]), bv, x1);
            x2 = Vector512.FusedMultiplyAdd(Vector512.Create(a2[off]), bv, x2);
            x3 = Vector512.FusedMultiplyAdd(Vector512.Create(a3[off]), bv, x3);
        }
        x0.Store(c);
        x1.Store(c + ldc);
        x2.Store(c + (2 * ldc));
        x3.Store(c + (3 * ldc));
    }

    /// <summary>One row of C over <paramref name="vectors"/> × 16 columns.</summary>
    private static void Kernel1xW(int k, float* a, int aCol, float* b, int ldb, float* c, int vectors)
    {
        for (int w = 0; w < vectors; w++)
        {
            Vector512<float> x = Vector512.Load(c + (16 * w));
            for (int p = 0; p < k; p++)
            {
                x = Vector512.FusedMultiplyAdd(Vector512.Create(a[p * aCol]), Vector512.Load(b + (p * ldb) + (16 * w)), x);
            }
            x.Store(c + (16 * w));
        }
    }

    /// <summary>The scalar reference: the textbook triple loop with the same strides (for tests and the benchmark baseline).</summary>
    public static void MultiplyReference(int m, int n, int k, ReadOnlySpan<float> a, int aRow, int aCol, ReadOnlySpan<float> b, Span<float> c, bool accumulate)
    {
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float s = accumulate ? c[(i * n) + j] : 0f;
                for (int p = 0; p < k; p++)
                {
                    s += a[(i * aRow) + (p * aCol)] * b[(p * n) + j];
                }
                c[(i * n) + j] = s;
            }
        }
    }
}
