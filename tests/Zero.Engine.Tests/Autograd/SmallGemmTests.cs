using Zero.Engine.Ops;

namespace Zero.Engine.Tests.Autograd;

/// <summary>The small-matrix kernels against their scalar reference on odd shapes, tails and both A layouts.</summary>
public sealed class SmallGemmTests
{
    public static TheoryData<int, int, int> Shapes => new()
    {
        { 1, 1, 1 }, { 1, 64, 4 }, { 64, 64, 64 }, { 5, 33, 7 }, { 7, 17, 1 }, { 3, 2, 64 }, { 9, 48, 19 }, { 4, 100, 3 }, { 13, 31, 70 },
    };

    private static float[] Random(Random rng, int n) => Enumerable.Range(0, n).Select(_ => (float)((rng.NextDouble() * 2) - 1)).ToArray();

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Multiply_BothLayoutsAndAccumulate_MatchScalarReference(int m, int n, int k)
    {
        var rng = new Random((m * 1000) + (n * 10) + k);
        float[] a = Random(rng, m * k);
        float[] b = Random(rng, k * n);
        float[] c0 = Random(rng, m * n);
        foreach (bool transposed in new[] { false, true })
        {
            foreach (bool acc in new[] { false, true })
            {
                int rs = transposed ? 1 : k;
                int cs = transposed ? m : 1;
                float[] a2 = transposed ? Transpose(a, m, k) : a;
                float[] expected = (float[])c0.Clone();
                SmallGemm.ScalarColumns(0, m, n, k, a2, rs, cs, b, n, expected, n, acc);
                float[] actual = (float[])c0.Clone();
                SmallGemm.Multiply(m, n, k, a2, rs, cs, b, n, actual, n, acc);
                for (int i = 0; i < expected.Length; i++)
                {
                    Assert.Equal(expected[i], actual[i], 1e-4);
                }

                // Against a naive double product, to pin the reference itself.
                for (int i = 0; i < m; i++)
                {
                    for (int j = 0; j < n; j++)
                    {
                        double s = acc ? c0[(i * n) + j] : 0;
                        for (int p = 0; p < k; p++)
                        {
                            s += (double)a[(i * k) + p] * b[(p * n) + j];
                        }

                        Assert.Equal(s, actual[(i * n) + j], 1e-4);
                    }
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void MultiplyNT_MatchesNaiveProduct(int m, int n, int k)
    {
        var rng = new Random((m * 7) + (n * 3) + k);
        float[] a = Random(rng, m * k);
        float[] b = Random(rng, n * k);
        float[] c = Random(rng, m * n);
        float[] before = (float[])c.Clone();
        SmallGemm.MultiplyNT(m, n, k, a, k, b, k, c, n, accumulate: true);
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double s = before[(i * n) + j];
                for (int p = 0; p < k; p++)
                {
                    s += (double)a[(i * k) + p] * b[(j * k) + p];
                }

                Assert.Equal(s, c[(i * n) + j], 1e-4);
            }
        }
    }

    [Fact]
    public void Multiply_ShortSpan_Throws()
    {
        Assert.Throws<ArgumentException>(() => SmallGemm.Multiply(2, 2, 2, new float[3], 2, 1, new float[4], 2, new float[4], 2, false));
    }

    private static float[] Transpose(float[] a, int rows, int cols)
    {
        float[] t = new float[a.Length];
        SmallGemm.Transpose(a, rows, cols, cols, t);
        return t;
    }
}
