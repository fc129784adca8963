using Zero.Engine.Kernels;

namespace Zero.Engine.Tests.Kernels;

/// <summary>Checks the im2col+GEMM convolution and both backward kernels against direct loops over every tap.</summary>
public sealed class Conv2dKernelsTests
{
    /// <summary>Direct convolution in double precision: out[n,co,y,x] = Σ w[co,ci,ky,kx]·in[n,ci,y+ky−p,x+kx−p].</summary>
    internal static double[] NaiveForward(float[] input, float[] weight, int n, int cin, int h, int w, int cout, int k)
    {
        int p = k / 2;
        var output = new double[n * cout * h * w];
        for (int b = 0; b < n; b++)
            for (int co = 0; co < cout; co++)
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        double sum = 0;
                        for (int ci = 0; ci < cin; ci++)
                            for (int ky = 0; ky < k; ky++)
                                for (int kx = 0; kx < k; kx++)
                                {
                                    int sy = y + ky - p, sx = x + kx - p;
                                    if (sy >= 0 && sy < h && sx >= 0 && sx < w)
                                    {
                                        sum += (double)weight[((co * cin + ci) * k + ky) * k + kx] * input[((b * cin + ci) * h + sy) * w + sx];
                                    }
                                }
                        output[((b * cout + co) * h + y) * w + x] = sum;
                    }
        return output;
    }

    public static TheoryData<int, int, int, int, int, int, int> Shapes() => new()
    {
        { 1, 1, 1, 1, 1, 1, 0 },
        { 2, 3, 6, 7, 5, 3, 1 },
        { 3, 4, 9, 9, 17, 1, 2 },
        { 13, 5, 6, 7, 8, 3, 3 },
        { 2, 7, 8, 8, 33, 3, 4 },
        { 1, 2, 5, 3, 3, 5, 5 },
        { 30, 3, 3, 2, 4, 3, 6 },
        { 3, 16, 6, 7, 32, 3, 7 },
        { 40, 32, 5, 3, 16, 3, 8 },
        { 2, 16, 9, 9, 16, 3, 9 },
    };

    private static void AssertClose(double[] expected, float[] got, double tol, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - got[i]) <= tol * (1 + Math.Abs(expected[i])), $"{what}[{i}] = {got[i]}, expected {expected[i]}");
        }
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Forward_RandomShapes_MatchesDirectConvolution(int n, int cin, int h, int w, int cout, int k, int seed)
    {
        var rng = new Random(seed);
        float[] input = GemmTests.RandomArray(rng, n * cin * h * w);
        float[] weight = GemmTests.RandomArray(rng, cout * cin * k * k);
        var output = new float[n * cout * h * w];
        using var pool = new ComputePool(2);
        Conv2dKernels.Forward(input, weight, output, n, cin, h, w, cout, k, pool);
        AssertClose(NaiveForward(input, weight, n, cin, h, w, cout, k), output, 1e-4, "out");
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void Backward_RandomShapes_MatchesAdjointOfDirectConvolution(int n, int cin, int h, int w, int cout, int k, int seed)
    {
        // The loss L = Σ g·conv(x, w) is linear, so ∂L/∂x[i] = L(x + e_i) − L(x) = Σ g·conv(e_i, w), and likewise for w.
        // Summing directly: gradIn[b,ci,sy,sx] = Σ g[b,co,y,x]·w[co,ci,ky,kx], gradW[co,ci,ky,kx] = Σ g[b,co,y,x]·x[b,ci,sy,sx].
        var rng = new Random(seed + 100);
        int p = k / 2;
        float[] input = GemmTests.RandomArray(rng, n * cin * h * w);
        float[] weight = GemmTests.RandomArray(rng, cout * cin * k * k);
        float[] grad = GemmTests.RandomArray(rng, n * cout * h * w);
        var expectIn = new double[input.Length];
        var expectW = new double[weight.Length];
        for (int b = 0; b < n; b++)
            for (int co = 0; co < cout; co++)
                for (int y = 0; y < h; y++)
                    for (int x = 0; x < w; x++)
                    {
                        double g = grad[((b * cout + co) * h + y) * w + x];
                        for (int ci = 0; ci < cin; ci++)
                            for (int ky = 0; ky < k; ky++)
                                for (int kx = 0; kx < k; kx++)
                                {
                                    int sy = y + ky - p, sx = x + kx - p;
                                    if (sy >= 0 && sy < h && sx >= 0 && sx < w)
                                    {
                                        int wi = ((co * cin + ci) * k + ky) * k + kx, ii = ((b * cin + ci) * h + sy) * w + sx;
                                        expectIn[ii] += g * weight[wi];
                                        expectW[wi] += g * input[ii];
                                    }
                                }
                    }
        using var pool = new ComputePool(2);
        float[] gradIn = GemmTests.RandomArray(rng, input.Length);
        Conv2dKernels.BackwardInput(grad, weight, gradIn, n, cin, h, w, cout, k, pool);
        AssertClose(expectIn, gradIn, 1e-4, "gradIn");

        float[] gradW = GemmTests.RandomArray(rng, weight.Length);
        Conv2dKernels.BackwardWeight(input, grad, gradW, n, cin, h, w, cout, k, false, pool);
        AssertClose(expectW, gradW, 1e-4, "gradW");

        float[] before = (float[])gradW.Clone();
        Conv2dKernels.BackwardWeight(input, grad, gradW, n, cin, h, w, cout, k, true, pool);
        AssertClose(expectW.Select((v, i) => v + before[i]).ToArray(), gradW, 1e-4, "gradW accumulated");
    }

    [Fact]
    public void Forward_EvenKernel_ThrowsWithHint()
    {
        var e = Assert.Throws<ArgumentException>(() => Conv2dKernels.Forward(new float[4], new float[4], new float[4], 1, 1, 2, 2, 1, 2));
        Assert.Contains("odd", e.Message, StringComparison.Ordinal);
    }
}
