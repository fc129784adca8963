using Zero.Rl.Distributions;
using Zero.Rl.Networks;

namespace Zero.Rl.Tests.Networks;

/// <summary>The vector GEMM against its scalar reference; finite-difference checks of every hand-written gradient.</summary>
public sealed class NetworkTests
{
    private static float[] RandomArray(RandomSource rng, int n, double scale = 1)
    {
        var x = new float[n];
        for (int i = 0; i < n; i++)
        {
            x[i] = (float)(rng.NextNormal() * scale);
        }
        return x;
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(5, 2, 4)]
    [InlineData(8, 64, 4)]
    [InlineData(7, 64, 64)]
    [InlineData(13, 83, 37)]
    [InlineData(256, 256, 64)]
    [InlineData(64, 130, 256)]
    public void Multiply_VectorKernels_MatchScalarReference(int m, int n, int k)
    {
        var rng = new RandomSource(m * 1000 + n * 10 + k);
        foreach (bool transposedA in new[] { false, true })
        {
            float[] a = RandomArray(rng, m * k);
            float[] b = RandomArray(rng, k * n);
            float[] c = RandomArray(rng, m * n);
            float[] expected = (float[])c.Clone();
            (int aRow, int aCol) = transposedA ? (1, m) : (k, 1);
            SmallGemm.Multiply(m, n, k, a, aRow, aCol, b, c, accumulate: true);
            SmallGemm.MultiplyReference(m, n, k, a, aRow, aCol, b, expected, accumulate: true);
            for (int i = 0; i < c.Length; i++)
            {
                Assert.True(Math.Abs(c[i] - expected[i]) <= 1e-4f * (1 + Math.Abs(expected[i])), $"{m}×{n}×{k} T={transposedA} [{i}]: {c[i]} vs {expected[i]}");
            }
        }
    }

    [Theory]
    [InlineData(Activation.Tanh, 5, 6)]
    [InlineData(Activation.ReLU, 5, 6)]
    [InlineData(Activation.Tanh, 64, 9)]
    [InlineData(Activation.ReLU, 80, 9)]
    public void Backward_SumOfWeightedOutputs_MatchesFiniteDifferences(Activation activation, int hidden, int batch)
    {
        var rng = new RandomSource(9);
        var net = new Mlp([3, hidden, 20, 2], activation, rng);
        float[] x = RandomArray(rng, batch * 3);
        float[] w = RandomArray(rng, batch * 2);
        double Loss()
        {
            ReadOnlySpan<float> y = net.Forward(x, batch);
            double s = 0;
            for (int i = 0; i < y.Length; i++)
            {
                s += y[i] * w[i];
            }
            return s;
        }
        Loss();
        net.ZeroGradients();
        var gradInput = new float[x.Length];
        net.Backward(w, batch, gradInput);
        // Central differences at three step sizes: a ReLU kink inside one step spoils that estimate, so the
        // analytic gradient must agree with at least one of them (a wrong gradient agrees with none).
        const float h = 1e-2f;
        for (int t = 0; t < net.Parameters.Count; t++)
        {
            float[] p = net.Parameters[t];
            for (int i = 0; i < p.Length; i += 1 + (p.Length / 97))
            {
                double Fd(float step)
                {
                    float keep = p[i];
                    p[i] = keep + step;
                    double up = Loss();
                    p[i] = keep - step;
                    double down = Loss();
                    p[i] = keep;
                    return (up - down) / (2 * step);
                }
                double analytic = net.Gradients[t][i];
                double[] estimates = [Fd(h), Fd(h / 10), Fd(h / 100)];
                Assert.True(estimates.Any(e => Math.Abs(e - analytic) < 2e-2 * (1 + Math.Abs(e))), $"param {t}[{i}]: {analytic} vs {string.Join(", ", estimates)}");
            }
        }
        for (int i = 0; i < x.Length; i++)
        {
            double FdInput(float step)
            {
                float keep = x[i];
                x[i] = keep + step;
                double up = Loss();
                x[i] = keep - step;
                double down = Loss();
                x[i] = keep;
                return (up - down) / (2 * step);
            }
            double[] estimates = [FdInput(h), FdInput(h / 10), FdInput(h / 100)];
            Assert.True(estimates.Any(e => Math.Abs(e - gradInput[i]) < 2e-2 * (1 + Math.Abs(e))), $"input {i}: {gradInput[i]} vs {string.Join(", ", estimates)}");
        }
    }

    [Fact]
    public void InitializeOrthogonal_Weights_HaveOrthogonalRowsTimesGain()
    {
        var net = new Mlp([4, 8, 2], Activation.Tanh, new RandomSource(1));
        net.InitializeOrthogonal(new RandomSource(2), 0.01f);
        float[] w = net.Parameters[0];
        for (int r = 0; r < 4; r++)
        {
            for (int s = 0; s < 4; s++)
            {
                double dot = 0;
                for (int c = 0; c < 8; c++)
                {
                    dot += w[(r * 8) + c] * w[(s * 8) + c];
                }
                Assert.Equal(r == s ? 2.0 : 0.0, dot, 4);
            }
        }
        Assert.All(net.Parameters[1], b => Assert.Equal(0f, b));
    }

    [Fact]
    public void AdamStep_OneParameter_MatchesPyTorchFormula()
    {
        float[] p = [1f];
        float[] g = [0.5f];
        var adam = new Adam([p], [g], learningRate: 0.1);
        adam.Step();
        Assert.Equal(0.9f, p[0], 5);
        g[0] = -0.25f;
        adam.Step();
        double m = (0.9 * 0.05) + (0.1 * -0.25), v = (0.999 * 0.00025) + (0.001 * 0.0625);
        double expected = 0.9 - (0.1 / (1 - 0.81) * m / ((Math.Sqrt(v) / Math.Sqrt(1 - (0.999 * 0.999))) + 1e-8));
        Assert.Equal(expected, p[0], 5);
    }

    [Fact]
    public void ClipGradientNorm_LargeGradient_ScalesToMaxNorm()
    {
        float[] g1 = [3f, 0f];
        float[] g2 = [4f];
        var adam = new Adam([new float[2], new float[1]], [g1, g2], 1e-3);
        Assert.Equal(5.0, adam.ClipGradientNorm(0.5), 6);
        Assert.Equal(0.3f, g1[0], 5);
        Assert.Equal(0.4f, g2[0], 5);
    }

    [Fact]
    public void CategoricalBackward_MatchesFiniteDifferences()
    {
        float[] z = [0.3f, -1.2f, 0.8f];
        var grad = new float[3];
        Categorical.Backward(z, 2, 0.7f, 0.3f, grad);
        for (int j = 0; j < 3; j++)
        {
            float[] zp = (float[])z.Clone(), zm = (float[])z.Clone();
            zp[j] += 1e-3f;
            zm[j] -= 1e-3f;
            var (lpp, hp) = Categorical.Evaluate(zp, 2);
            var (lpm, hm) = Categorical.Evaluate(zm, 2);
            double numeric = ((0.7 * (lpp - lpm)) + (0.3 * (hp - hm))) / 2e-3;
            Assert.Equal(numeric, grad[j], 2);
        }
    }

    [Fact]
    public void DiagonalGaussianBackward_MatchesFiniteDifferences()
    {
        float[] mean = [0.2f, -0.5f], logStd = [-0.3f, 0.4f], action = [0.9f, -1.1f];
        var gMean = new float[2];
        var gLogStd = new float[2];
        DiagonalGaussian.Backward(mean, logStd, action, 0.6f, 0.2f, gMean, gLogStd);
        double F(float[] m, float[] s)
        {
            var (lp, h) = DiagonalGaussian.Evaluate(m, s, action);
            return (0.6 * lp) + (0.2 * h);
        }
        for (int j = 0; j < 2; j++)
        {
            float[] mp = (float[])mean.Clone(), mm = (float[])mean.Clone();
            mp[j] += 1e-3f;
            mm[j] -= 1e-3f;
            Assert.Equal((F(mp, logStd) - F(mm, logStd)) / 2e-3, gMean[j], 2);
            float[] sp = (float[])logStd.Clone(), sm = (float[])logStd.Clone();
            sp[j] += 1e-3f;
            sm[j] -= 1e-3f;
            Assert.Equal((F(mean, sp) - F(mean, sm)) / 2e-3, gLogStd[j], 2);
        }
    }

    [Fact]
    public void SquashedGaussianBackward_WithFixedNoise_MatchesFiniteDifferences()
    {
        float[] output = [0.3f, -0.7f, -0.5f, 0.2f];
        float[] gradAction = [0.8f, -0.4f];
        const float wLogProb = 0.35f;
        var noise = new float[2];
        var action = new float[2];
        SquashedGaussian.Sample(output, new RandomSource(4), noise, action);
        double L(float[] o)
        {
            double lp = 0, q = 0;
            for (int j = 0; j < 2; j++)
            {
                float logStd = o[2 + j];
                float u = o[j] + (MathF.Exp(logStd) * noise[j]);
                float a = MathF.Tanh(u);
                lp += (-0.5 * noise[j] * noise[j]) - logStd - (0.5 * Math.Log(2 * Math.PI)) - Math.Log(1 - (a * a) + 1e-6);
                q += gradAction[j] * a;
            }
            return (wLogProb * lp) + q;
        }
        var grad = new float[4];
        SquashedGaussian.Backward(output, noise, action, wLogProb, gradAction, grad);
        for (int i = 0; i < 4; i++)
        {
            float[] p = (float[])output.Clone(), m = (float[])output.Clone();
            p[i] += 1e-3f;
            m[i] -= 1e-3f;
            Assert.Equal((L(p) - L(m)) / 2e-3, grad[i], 2);
        }
    }
}
