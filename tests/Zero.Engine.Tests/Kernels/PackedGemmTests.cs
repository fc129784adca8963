using Zero.Engine.Kernels;

namespace Zero.Engine.Tests.Kernels;

/// <summary>PackedGemm on the shared 8×32 Vector512 micro-kernel (strided A, packed B, fused bias + ReLU) and its non-AVX-512 fallback against a scalar loop.</summary>
public sealed class PackedGemmTests
{
    [Theory]
    [InlineData(1, 1, 1, false)]
    [InlineData(7, 33, 5, true)]
    [InlineData(8, 32, 64, false)]
    [InlineData(45, 70, 19, true)]
    [InlineData(130, 7, 84, false)]
    [InlineData(300, 64, 576, true)]
    public unsafe void Multiply_RandomShapes_MatchesScalarReference(int m, int n, int k, bool relu)
    {
        var rng = new Random(m * 1000 + n + k);
        int lda = k + 3, ldc = n + 2;
        float[] a = GemmTests.RandomArray(rng, m * lda);
        float[] bPlain = GemmTests.RandomArray(rng, k * n);
        float[] bias = GemmTests.RandomArray(rng, n);
        var packed = new PackedMatrix(k, n, (p, j) => bPlain[p * n + j], bias);
        foreach (bool fallback in new[] { false, true })
        {
            float[] c = GemmTests.RandomArray(rng, m * ldc);
            float[] before = (float[])c.Clone();
            using var pool = new ComputePool(2);
            fixed (float* pa = a)
            fixed (float* pc = c)
            {
                PackedGemm.Multiply(m, pa, lda, packed, pc, ldc, relu, pool, fallback);
            }
            for (int i = 0; i < m; i++)
            {
                for (int j = 0; j < n; j++)
                {
                    double s = bias[j];
                    for (int p = 0; p < k; p++)
                    {
                        s += (double)a[i * lda + p] * bPlain[p * n + j];
                    }
                    if (relu)
                    {
                        s = Math.Max(0, s);
                    }
                    Assert.True(Math.Abs(s - c[i * ldc + j]) <= 1e-4 * (1 + Math.Abs(s)), $"fallback={fallback} C[{i},{j}] = {c[i * ldc + j]}, expected {s}");
                }
                for (int j = n; j < ldc; j++)
                {
                    Assert.Equal(before[i * ldc + j], c[i * ldc + j]);
                }
            }
        }
    }
}
