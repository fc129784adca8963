using Zero.Engine.Kernels;

namespace Zero.Engine.Tests.Kernels;

/// <summary>Checks every GEMM micro-kernel width, transpose combination and edge shape against a scalar triple loop.</summary>
public sealed class GemmTests
{
    // One fact per micro-kernel width, so a width this CPU cannot run is reported as skipped with the reason
    // (GemmIsaFactAttribute) instead of silently left out.
    [GemmIsaFact(GemmIsa.Scalar)] public void Sgemm_Scalar_RandomShapesAllTransposes_MatchScalarReference() => RandomShapes(GemmIsa.Scalar);
    [GemmIsaFact(GemmIsa.Vector128)] public void Sgemm_Vector128_RandomShapesAllTransposes_MatchScalarReference() => RandomShapes(GemmIsa.Vector128);
    [GemmIsaFact(GemmIsa.Vector256)] public void Sgemm_Vector256_RandomShapesAllTransposes_MatchScalarReference() => RandomShapes(GemmIsa.Vector256);
    [GemmIsaFact(GemmIsa.Vector512)] public void Sgemm_Vector512_RandomShapesAllTransposes_MatchScalarReference() => RandomShapes(GemmIsa.Vector512);
    [GemmIsaFact(GemmIsa.Scalar)] public void Sgemm_Scalar_ShapesCrossingCacheBlocks_MatchScalarReference() => CacheBlocks(GemmIsa.Scalar);
    [GemmIsaFact(GemmIsa.Vector128)] public void Sgemm_Vector128_ShapesCrossingCacheBlocks_MatchScalarReference() => CacheBlocks(GemmIsa.Vector128);
    [GemmIsaFact(GemmIsa.Vector256)] public void Sgemm_Vector256_ShapesCrossingCacheBlocks_MatchScalarReference() => CacheBlocks(GemmIsa.Vector256);
    [GemmIsaFact(GemmIsa.Vector512)] public void Sgemm_Vector512_ShapesCrossingCacheBlocks_MatchScalarReference() => CacheBlocks(GemmIsa.Vector512);

    /// <summary>C = op(A)·op(B) (+ C) in double precision: the scalar reference.</summary>
    internal static float[] Reference(bool transA, bool transB, int m, int n, int k, float[] a, int lda, float[] b, int ldb, float[] c, int ldc, bool accumulate)
    {
        float[] result = (float[])c.Clone();
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = accumulate ? c[i * ldc + j] : 0;
                for (int p = 0; p < k; p++)
                {
                    float av = transA ? a[p * lda + i] : a[i * lda + p];
                    float bv = transB ? b[j * ldb + p] : b[p * ldb + j];
                    sum += (double)av * bv;
                }
                result[i * ldc + j] = (float)sum;
            }
        }
        return result;
    }

    internal static float[] RandomArray(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        }
        return x;
    }

    private static void CheckOne(Random rng, GemmIsa isa, bool transA, bool transB, int m, int n, int k, bool accumulate, ComputePool? pool, int pad)
    {
        int lda = (transA ? m : k) + pad, ldb = (transB ? k : n) + pad, ldc = n + pad;
        float[] a = RandomArray(rng, Math.Max(1, (transA ? k : m) * lda));
        float[] b = RandomArray(rng, Math.Max(1, (transB ? n : k) * ldb));
        float[] c = RandomArray(rng, Math.Max(1, m * ldc));
        float[] expected = Reference(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate);
        Gemm.Sgemm(transA, transB, m, n, k, a, lda, b, ldb, c, ldc, accumulate, pool, isa);
        double tolerance = 1e-5 * Math.Sqrt(k + 1) * 4;
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                float e = expected[i * ldc + j], got = c[i * ldc + j];
                Assert.True(Math.Abs(e - got) <= tolerance * (1 + Math.Abs(e)),
                    $"{isa} tA={transA} tB={transB} m={m} n={n} k={k} acc={accumulate}: C[{i},{j}] = {got}, expected {e}");
            }
            for (int j = n; j < ldc; j++)
            {
                Assert.Equal(expected[i * ldc + j], c[i * ldc + j]);
            }
        }
    }

    private static void RandomShapes(GemmIsa isa)
    {
        var rng = new Random(1234 + (int)isa);
        int[] sizes = [1, 2, 3, 5, 7, 8, 9, 15, 16, 17, 31, 33, 47, 65];
        for (int trial = 0; trial < 40; trial++)
        {
            int m = sizes[rng.Next(sizes.Length)], n = sizes[rng.Next(sizes.Length)], k = sizes[rng.Next(sizes.Length)];
            CheckOne(rng, isa, trial % 2 == 1, trial / 2 % 2 == 1, m, n, k, trial % 3 == 0, null, trial % 4);
        }
    }

    private static void CacheBlocks(GemmIsa isa)
    {
        // Sizes beyond MC=96 rows and KC=256 depth exercise the block loops and the accumulate-after-first-block path.
        var rng = new Random(99);
        CheckOne(rng, isa, false, false, 101, 70, 300, false, null, 0);
        CheckOne(rng, isa, true, true, 130, 37, 513, true, null, 3);
    }

    [Fact]
    public void Sgemm_ParallelPool_MatchesScalarReference()
    {
        using var pool = new ComputePool(3);
        var rng = new Random(7);
        CheckOne(rng, GemmIsaSupport.Best, false, false, 64, 600, 200, false, pool, 0);
        CheckOne(rng, GemmIsaSupport.Best, true, false, 300, 45, 77, true, pool, 1);
        CheckOne(rng, GemmIsaSupport.Best, false, true, 13, 13, 900, false, pool, 2);
    }

    [Fact]
    public void Sgemm_ZeroDepthWithoutAccumulate_ClearsC()
    {
        float[] c = [1, 2, 3, 4];
        Gemm.Sgemm(false, false, 2, 2, 0, [], 1, [], 2, c, 2, false);
        Assert.All(c, v => Assert.Equal(0f, v));
    }

    [Fact]
    public void Sgemm_SpanTooShort_ThrowsWithSizes()
    {
        var e = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 2, 2, new float[3], 2, new float[4], 2, new float[4], 2, false));
        Assert.Contains("needs 4", e.Message, StringComparison.Ordinal);
    }
}
