using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Tests.Autograd;

/// <summary>Finite-difference gradient checks for every operation of <see cref="TensorOps"/>.</summary>
public sealed class OpGradientTests
{
    private static readonly Random Rng = new(1234);

    [Theory]
    [InlineData(new[] { 3, 4 }, new[] { 3, 4 })]
    [InlineData(new[] { 3, 4 }, new[] { 4 })]
    [InlineData(new[] { 2, 3, 2, 2 }, new[] { 2, 3, 1, 1 })]
    [InlineData(new[] { 2, 1, 3 }, new[] { 4, 1 })]
    [InlineData(new[] { 1 }, new[] { 2, 5 })]
    public void AddSubMul_Broadcasting_GradientsMatchFiniteDifferences(int[] sa, int[] sb)
    {
        Tensor a = GradCheck.Param(Rng, 1, sa);
        Tensor b = GradCheck.Param(Rng, 1, sb);
        GradCheck.Check(t => t.Add(a, b), [a, b]);
        GradCheck.Check(t => t.Sub(a, b), [a, b]);
        GradCheck.Check(t => t.Mul(a, b), [a, b]);
        GradCheck.Check(t => t.Sub(b, a), [a, b]);
    }

    [Fact]
    public void Broadcast_Values_MatchExplicitLoops()
    {
        Tensor a = GradCheck.Random(Rng, 1, 2, 1, 3);
        Tensor b = GradCheck.Random(Rng, 1, 4, 1);
        Tensor y = new Tape().Mul(a, b);
        Assert.Equal([2, 4, 3], y.Shape);
        for (int i = 0; i < 2; i++)
        {
            for (int j = 0; j < 4; j++)
            {
                for (int k = 0; k < 3; k++)
                {
                    Assert.Equal(a[(i * 3) + k] * b[j], y[(((i * 4) + j) * 3) + k]);
                }
            }
        }
    }

    [Fact]
    public void Broadcast_IncompatibleShapes_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Tape().Add(new Tensor(2, 3), new Tensor(4)));
        Assert.Contains("do not broadcast", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnaryOps_GradientsMatchFiniteDifferences()
    {
        Tensor x = GradCheck.RandomAwayFromZero(Rng, 2, 0.05f, 3, 5);
        x.RequiresGrad = true;
        GradCheck.Check(t => t.Relu(x), [x]);
        GradCheck.Check(t => t.Tanh(x), [x]);
        GradCheck.Check(t => t.Sigmoid(x), [x]);
        GradCheck.Check(t => t.Softplus(x), [x]);
        GradCheck.Check(t => t.Exp(x), [x]);
        GradCheck.Check(t => t.Square(x), [x]);
        GradCheck.Check(t => t.Scale(x, -2.5f), [x]);
        GradCheck.Check(t => t.AddScalar(x, 3f), [x]);
        GradCheck.Check(t => t.Clamp(x, -0.7f, 0.9f), [x]);
        Tensor pos = GradCheck.Param(Rng, 1, 3, 5);
        for (int i = 0; i < pos.Length; i++)
        {
            pos[i] = 0.5f + Math.Abs(pos[i]);
        }

        GradCheck.Check(t => t.Log(pos), [pos]);
    }

    [Fact]
    public void MinimumMaximum_GradientsMatchFiniteDifferences()
    {
        Tensor a = GradCheck.Param(Rng, 1, 4, 3);
        Tensor b = GradCheck.Param(Rng, 1, 4, 3);
        GradCheck.Check(t => t.Minimum(a, b), [a, b], eps: 1e-3f);
        GradCheck.Check(t => t.Maximum(a, b), [a, b], eps: 1e-3f);
    }

    [Theory]
    [InlineData(1, 3, 2)]
    [InlineData(5, 7, 4)]
    [InlineData(33, 70, 19)]
    [InlineData(9, 4, 20)]
    public void Linear_GradientsMatchFiniteDifferences(int n, int inF, int outF)
    {
        Tensor x = GradCheck.Param(Rng, 1, n, inF);
        Tensor w = GradCheck.Param(Rng, 0.5f, outF, inF);
        Tensor b = GradCheck.Param(Rng, 0.5f, outF);
        GradCheck.Check(t => t.Linear(x, w, b), [x, w, b]);
        GradCheck.Check(t => t.Linear(x, w, null), [x, w]);
    }

    [Fact]
    public void Linear_Values_MatchNaiveProduct()
    {
        Tensor x = GradCheck.Random(Rng, 1, 9, 21);
        Tensor w = GradCheck.Random(Rng, 1, 13, 21);
        Tensor b = GradCheck.Random(Rng, 1, 13);
        Tensor y = new Tape().Linear(x, w, b);
        for (int i = 0; i < 9; i++)
        {
            for (int o = 0; o < 13; o++)
            {
                double s = b[o];
                for (int k = 0; k < 21; k++)
                {
                    s += (double)x[(i * 21) + k] * w[(o * 21) + k];
                }

                Assert.Equal(s, y[(i * 13) + o], 1e-4);
            }
        }
    }

    [Fact]
    public void MatMul_GradientsMatchFiniteDifferences()
    {
        Tensor a = GradCheck.Param(Rng, 1, 6, 11);
        Tensor b = GradCheck.Param(Rng, 1, 11, 5);
        GradCheck.Check(t => t.MatMul(a, b), [a, b]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public void Conv2d_GradientsMatchFiniteDifferences(int k)
    {
        Tensor x = GradCheck.Param(Rng, 1, 2, 3, 5, 4);
        Tensor w = GradCheck.Param(Rng, 0.5f, 4, 3, k, k);
        Tensor b = GradCheck.Param(Rng, 0.5f, 4);
        GradCheck.Check(t => t.Conv2d(x, w, b), [x, w, b]);
    }

    [Fact]
    public void Conv2d_Values_MatchNaiveConvolution()
    {
        int n = 2, cin = 3, h = 5, wd = 4, cout = 2, k = 3;
        Tensor x = GradCheck.Random(Rng, 1, n, cin, h, wd);
        Tensor w = GradCheck.Random(Rng, 1, cout, cin, k, k);
        Tensor y = new Tape().Conv2d(x, w);
        for (int i = 0; i < n; i++)
        for (int o = 0; o < cout; o++)
        for (int r = 0; r < h; r++)
        for (int c = 0; c < wd; c++)
        {
            double s = 0;
            for (int ci = 0; ci < cin; ci++)
            for (int dr = 0; dr < k; dr++)
            for (int dc = 0; dc < k; dc++)
            {
                int rr = r + dr - 1, cc = c + dc - 1;
                if (rr >= 0 && rr < h && cc >= 0 && cc < wd)
                {
                    s += (double)x[(((((i * cin) + ci) * h) + rr) * wd) + cc] * w[(((((o * cin) + ci) * k) + dr) * k) + dc];
                }
            }

            Assert.Equal(s, y[(((((i * cout) + o) * h) + r) * wd) + c], 1e-4);
        }
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchNorm_GradientsMatchFiniteDifferences(bool training)
    {
        Tensor x = GradCheck.Param(Rng, 1, 3, 2, 3, 2);
        Tensor gamma = GradCheck.Param(Rng, 1, 2);
        Tensor beta = GradCheck.Param(Rng, 1, 2);
        var mean = Tensor.FromArray([0.1f, -0.2f], 2);
        var variance = Tensor.FromArray([0.8f, 1.3f], 2);
        GradCheck.Check(t => t.BatchNorm(x, gamma, beta, mean, variance, training), [x, gamma, beta], eps: 1e-2f);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void BatchNorm_VectorWidePlanes_GradientsMatchFiniteDifferences(bool training)
    {
        // 3×5 = 15 values per plane: one vector of 8 plus a scalar tail, with an offset mean to test the shifted sums.
        Tensor x = GradCheck.Param(Rng, 1, 2, 3, 3, 5);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] += 4f;
        }

        Tensor gamma = GradCheck.Param(Rng, 1, 3);
        Tensor beta = GradCheck.Param(Rng, 1, 3);
        var mean = Tensor.FromArray([4.1f, 3.8f, 4f], 3);
        var variance = Tensor.FromArray([0.3f, 0.4f, 0.35f], 3);
        GradCheck.Check(t => t.BatchNorm(x, gamma, beta, mean, variance, training), [x, gamma, beta], eps: 1e-2f);
    }

    [Fact]
    public void BatchNorm_Training_MatchesNaiveStatisticsOnLargePlanes()
    {
        Tensor x = GradCheck.Random(Rng, 2, 5, 2, 6, 7);
        var gamma = Tensor.FromArray([1.5f, 0.5f], 2);
        var beta = Tensor.FromArray([0.2f, -0.1f], 2);
        Tensor y = new Tape().BatchNorm(x, gamma, beta, new Tensor(2), Tensor.FromArray([1f, 1f], 2), training: true);
        for (int c = 0; c < 2; c++)
        {
            var values = new List<double>();
            for (int n = 0; n < 5; n++)
            {
                for (int j = 0; j < 42; j++)
                {
                    values.Add(x[(((n * 2) + c) * 42) + j]);
                }
            }

            double m = values.Average();
            double sd = Math.Sqrt(values.Sum(v => (v - m) * (v - m)) / values.Count + 1e-5);
            for (int n = 0; n < 5; n++)
            {
                for (int j = 0; j < 42; j++)
                {
                    int k = (((n * 2) + c) * 42) + j;
                    Assert.Equal((gamma[c] * (x[k] - m) / sd) + beta[c], y[k], 1e-4);
                }
            }
        }
    }

    [Fact]
    public void BatchNorm_Training_NormalisesAndUpdatesRunningStatistics()
    {
        Tensor x = GradCheck.Random(Rng, 3, 4, 1, 2, 2);
        var gamma = Tensor.FromArray([1f], 1);
        var beta = Tensor.FromArray([0f], 1);
        var mean = new Tensor(1);
        var variance = Tensor.FromArray([1f], 1);
        Tensor y = new Tape().BatchNorm(x, gamma, beta, mean, variance, training: true, momentum: 0.1f);
        double m = x.ToArray().Average();
        double v = x.ToArray().Sum(a => (a - m) * (a - m)) / 16;
        Assert.Equal(0, y.ToArray().Average(), 1e-5);
        Assert.Equal(1, y.ToArray().Sum(a => (double)a * a) / 16, 1e-3);
        Assert.Equal(0.1 * m, mean[0], 1e-5);
        Assert.Equal(0.9 + (0.1 * v * 16 / 15), variance[0], 1e-5);
    }

    [Fact]
    public void ReductionsAndShapes_GradientsMatchFiniteDifferences()
    {
        Tensor x = GradCheck.Param(Rng, 1, 2, 3, 4);
        GradCheck.Check(t => t.Sum(x), [x]);
        GradCheck.Check(t => t.Mean(x), [x]);
        GradCheck.Check(t => t.SumAxis(x, 0), [x]);
        GradCheck.Check(t => t.SumAxis(x, 1), [x]);
        GradCheck.Check(t => t.SumAxis(x, -1), [x]);
        GradCheck.Check(t => t.Tanh(t.Reshape(x, 6, -1)), [x]);
        GradCheck.Check(t => t.Flatten(x), [x]);
        Tensor img = GradCheck.Param(Rng, 1, 2, 3, 2, 3);
        GradCheck.Check(t => t.GlobalAvgPool(img), [img]);
        Tensor s = GradCheck.Param(Rng, 1, 2, 3);
        GradCheck.Check(t => t.ScaleChannels(img, s), [img, s]);
    }

    [Fact]
    public void Concat_GradientsAndValuesAreRight()
    {
        Tensor a = GradCheck.Param(Rng, 1, 2, 3);
        Tensor b = GradCheck.Param(Rng, 1, 2, 2);
        GradCheck.Check(t => t.Concat([a, b], 1), [a, b]);
        Tensor y = new Tape().Concat([a, b], 1);
        Assert.Equal([2, 5], y.Shape);
        Assert.Equal(b[2], y[8]);
        Tensor c = GradCheck.Param(Rng, 1, 1, 3);
        GradCheck.Check(t => t.Concat([a, c], 0), [a, c]);
    }

    [Fact]
    public void SliceColumns_GradientsAndValuesAreRight()
    {
        Tensor x = GradCheck.Param(Rng, 1, 3, 5);
        GradCheck.Check(t => t.SliceColumns(x, 1, 3), [x]);
        GradCheck.Check(t => t.Mul(t.SliceColumns(x, 0, 2), t.SliceColumns(x, 3, 2)), [x]);
        Tensor y = new Tape().SliceColumns(x, 2, 2);
        Assert.Equal([3, 2], y.Shape);
        Assert.Equal(x[(1 * 5) + 3], y[3]);
        Assert.Throws<ArgumentException>(() => new Tape().SliceColumns(x, 4, 2));
    }

    [Fact]
    public void SoftmaxFamily_GradientsMatchFiniteDifferences()
    {
        Tensor x = GradCheck.Param(Rng, 2, 3, 6);
        GradCheck.Check(t => t.Softmax(x), [x]);
        GradCheck.Check(t => t.LogSoftmax(x), [x]);
        Tensor target = new Tape().Softmax(GradCheck.Random(Rng, 2, 3, 6));
        GradCheck.Check(t => t.SoftCrossEntropy(x, target), [x]);
    }

    [Fact]
    public void SoftCrossEntropy_OneHotTarget_EqualsNegativeLogProbability()
    {
        var logits = Tensor.FromArray([1f, 2f, 3f], 1, 3);
        var target = Tensor.FromArray([0f, 0f, 1f], 1, 3);
        float loss = new Tape().SoftCrossEntropy(logits, target)[0];
        double expected = -Math.Log(Math.Exp(3) / (Math.Exp(1) + Math.Exp(2) + Math.Exp(3)));
        Assert.Equal(expected, loss, 1e-5);
    }

    [Fact]
    public void RegressionLosses_GradientsMatchFiniteDifferences()
    {
        Tensor p = GradCheck.Param(Rng, 2, 4, 3);
        Tensor y = GradCheck.Param(Rng, 2, 4, 3);
        GradCheck.Check(t => t.Mse(p, y), [p, y]);
        GradCheck.Check(t => t.Huber(p, y, 0.5f), [p, y], eps: 1e-3f);
        Tensor q = GradCheck.Param(Rng, 1, 5, 3);
        GradCheck.Check(t => t.Gather(q, [0, 2, 1, 1, 0]), [q]);
    }

    [Fact]
    public void Huber_Values_MatchDefinition()
    {
        var p = Tensor.FromArray([0f, 3f], 2);
        var y = Tensor.FromArray([0.5f, 0f], 2);
        float loss = new Tape().Huber(p, y, 1f)[0];
        Assert.Equal(((0.5 * 0.25) + (3 - 0.5)) / 2, loss, 1e-5);
    }

    [Fact]
    public void CategoricalDistribution_GradientsAndValuesAreRight()
    {
        Tensor logits = GradCheck.Param(Rng, 2, 4, 5);
        int[] actions = [1, 4, 0, 2];
        GradCheck.Check(t => t.CategoricalLogProb(logits, actions), [logits]);
        GradCheck.Check(t => t.CategoricalEntropy(logits), [logits]);
        var uniform = new Tensor(1, 4);
        Assert.Equal(Math.Log(4), new Tape().CategoricalEntropy(uniform)[0], 1e-5);
        Assert.Equal(-Math.Log(4), new Tape().CategoricalLogProb(uniform, [3])[0], 1e-5);
    }

    [Fact]
    public void GaussianDistribution_GradientsAndValuesAreRight()
    {
        Tensor mean = GradCheck.Param(Rng, 1, 3, 2);
        Tensor logStd = GradCheck.Param(Rng, 0.5f, 3, 2);
        Tensor shared = GradCheck.Param(Rng, 0.5f, 2);
        Tensor action = GradCheck.Param(Rng, 1, 3, 2);
        GradCheck.Check(t => t.GaussianLogProb(mean, logStd, action), [mean, logStd, action]);
        GradCheck.Check(t => t.GaussianLogProb(mean, shared, action), [mean, shared, action]);
        GradCheck.Check(t => t.GaussianEntropy(logStd), [logStd]);
        GradCheck.Check(t => t.GaussianEntropy(shared), [shared]);

        // Standard normal at 0: log p = −½ log 2π per dimension; entropy ½(1 + log 2π) per dimension.
        var zero = new Tensor(1, 2);
        Assert.Equal(-Math.Log(2 * Math.PI), new Tape().GaussianLogProb(zero, new Tensor(2), zero)[0], 1e-5);
        Assert.Equal(1 + Math.Log(2 * Math.PI), new Tape().GaussianEntropy(new Tensor(2))[0], 1e-5);
    }

    [Fact]
    public void TanhSquashCorrection_GradientsAndValuesAreRight()
    {
        Tensor u = GradCheck.Param(Rng, 3, 4, 3);
        GradCheck.Check(t => t.TanhSquashCorrection(u), [u]);
        Tensor y = new Tape().TanhSquashCorrection(u);
        for (int i = 0; i < 4; i++)
        {
            double s = 0;
            for (int j = 0; j < 3; j++)
            {
                double th = Math.Tanh(u[(i * 3) + j]);
                s += Math.Log(1 - (th * th));
            }

            Assert.Equal(s, y[i], 1e-3);
        }

        // Stable far in the tail where 1 − tanh² underflows in float.
        var big = Tensor.FromArray([30f], 1, 1);
        Assert.Equal(2 * (Math.Log(2) - 30 - Math.Log(1 + Math.Exp(-60))), new Tape().TanhSquashCorrection(big)[0], 1e-3);
    }

    [Fact]
    public void Tape_ComposedGraph_AccumulatesThroughSharedInputs()
    {
        // y = tanh(x)·x + sum(x) uses x three times.
        Tensor x = GradCheck.Param(Rng, 1, 2, 3);
        GradCheck.Check(t => t.Add(t.Mul(t.Tanh(x), x), t.Sum(x)), [x]);
    }
}
