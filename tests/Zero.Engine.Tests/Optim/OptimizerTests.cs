using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Engine.Tests.Autograd;

namespace Zero.Engine.Tests.Optim;

/// <summary>Optimizers against their formulas computed in double; schedules; clipping; initialisers.</summary>
public sealed class OptimizerTests
{
    private static Tensor ParamWithGrad(float[] values, float[] grad)
    {
        var p = Tensor.FromArray(values, values.Length);
        p.RequiresGrad = true;
        grad.CopyTo(p.Grad);
        return p;
    }

    [Theory]
    [InlineData(0f, 0f, false)]
    [InlineData(0.9f, 1e-2f, false)]
    [InlineData(0.9f, 1e-2f, true)]
    public void Sgd_ThreeSteps_MatchPyTorchFormula(float mu, float wd, bool nesterov)
    {
        var rng = new Random(1);
        int n = 37; // vector body and scalar tail
        float[] w0 = GradCheck.Random(rng, 1, n).ToArray();
        float[][] grads = [.. Enumerable.Range(0, 3).Select(_ => GradCheck.Random(rng, 1, n).ToArray())];
        Tensor p = ParamWithGrad(w0, grads[0]);
        var opt = new Sgd([p], 0.1f, mu, wd, nesterov);
        double[] w = w0.Select(v => (double)v).ToArray();
        double[] b = new double[n];
        for (int s = 0; s < 3; s++)
        {
            grads[s].CopyTo(p.Grad);
            opt.Step();
            for (int i = 0; i < n; i++)
            {
                double g = grads[s][i] + (wd * w[i]);
                if (mu > 0)
                {
                    b[i] = s == 0 ? g : (mu * b[i]) + g;
                    g = nesterov ? g + (mu * b[i]) : b[i];
                }

                w[i] -= 0.1 * g;
            }
        }

        for (int i = 0; i < n; i++)
        {
            Assert.Equal(w[i], p[i], 1e-5);
        }
    }

    /// <summary>
    /// RMSprop from w = 1 with gradients 0.5, −0.25, 1 and lr 0.1, α 0.99, ε 1e-5 (SB3's A2C settings). Step 1 by hand,
    /// PyTorch form: s = 0.01·0.25 = 0.0025, d = √s + ε = 0.05001, w = 1 − 0.1·0.5/0.05001 = 0.00019996; TF-like form:
    /// s = 0.99·1 + 0.0025 = 0.9925, d = √(s + ε) = 0.996248, w = 0.949812. Later steps and the centred form with
    /// momentum 0.9 and weight decay 0.01 come from the same formulas written out in double.
    /// </summary>
    [Theory]
    [InlineData(false, false, 0f, 0f, 0.00019996000799882285, 0.4491325843953431, -0.4255305723589058)]
    [InlineData(true, false, 0f, 0f, 0.9498116915143396, 0.9750242468947553, 0.8741826403517197)]
    [InlineData(false, true, 0.9f, 0.01f, -0.004839795260679347, -0.46681340030638513, -1.7581943733642238)]
    public void RmsProp_ThreeSteps_MatchHandComputedValues(bool tfLike, bool centered, float momentum, float wd, double w1, double w2, double w3)
    {
        Tensor p = ParamWithGrad([1f], [0f]);
        var opt = new RmsProp([p], 0.1f, alpha: 0.99f, eps: 1e-5f, weightDecay: wd, momentum: momentum, centered: centered, tfLike: tfLike);
        double[] expected = [w1, w2, w3];
        float[] grads = [0.5f, -0.25f, 1f];
        for (int s = 0; s < 3; s++)
        {
            p.Grad[0] = grads[s];
            opt.Step();
            Assert.Equal(expected[s], p[0], 1e-4);
        }

        Assert.Equal(3, opt.StepCount);
        Assert.Equal(1 + (centered ? 1 : 0) + (momentum > 0 ? 1 : 0), opt.State().Count);
    }

    [Theory]
    [InlineData(false, 0f)]
    [InlineData(false, 0.1f)]
    [InlineData(true, 0.1f)]
    public void Adam_ThreeSteps_MatchPyTorchFormula(bool decoupled, float wd)
    {
        var rng = new Random(2);
        int n = 29;
        float[] w0 = GradCheck.Random(rng, 1, n).ToArray();
        float[][] grads = [.. Enumerable.Range(0, 3).Select(_ => GradCheck.Random(rng, 1, n).ToArray())];
        Tensor p = ParamWithGrad(w0, grads[0]);
        var opt = new Adam([p], 0.01f, 0.9f, 0.999f, 1e-8f, wd, decoupled);
        double[] w = w0.Select(v => (double)v).ToArray();
        double[] m = new double[n];
        double[] v = new double[n];
        for (int s = 1; s <= 3; s++)
        {
            grads[s - 1].CopyTo(p.Grad);
            opt.Step();
            for (int i = 0; i < n; i++)
            {
                double g = grads[s - 1][i] + (decoupled ? 0 : wd * w[i]);
                if (decoupled)
                {
                    w[i] *= 1 - (0.01 * wd);
                }

                m[i] = (0.9 * m[i]) + (0.1 * g);
                v[i] = (0.999 * v[i]) + (0.001 * g * g);
                double mh = m[i] / (1 - Math.Pow(0.9, s));
                double vh = v[i] / (1 - Math.Pow(0.999, s));
                w[i] -= 0.01 * mh / (Math.Sqrt(vh) + 1e-8);
            }
        }

        for (int i = 0; i < n; i++)
        {
            Assert.Equal(w[i], p[i], 1e-5);
        }
    }

    [Fact]
    public void Schedules_GiveTheDocumentedValues()
    {
        var step = new StepSchedule(0.2f, 100, 0.1f);
        Assert.Equal(0.2f, step.At(99), 1e-6);
        Assert.Equal(0.02f, step.At(100), 1e-6);
        Assert.Equal(0.002f, step.At(250), 1e-6);
        var cos = new CosineSchedule(1f, 110, 0.1f, WarmupSteps: 10);
        Assert.Equal(0.1f, cos.At(0), 1e-6);
        Assert.Equal(1f, cos.At(10), 1e-6);
        Assert.Equal(0.55f, cos.At(60), 1e-5);
        Assert.Equal(0.1f, cos.At(500), 1e-6);
        var lin = new LinearSchedule(1f, 0f, 100);
        Assert.Equal(0.75f, lin.At(25), 1e-6);
        Assert.Equal(0f, lin.At(1000), 1e-6);
    }

    [Fact]
    public void ClipGlobalNorm_ScalesAllGradientsToTheMaximum()
    {
        Tensor a = ParamWithGrad([0f, 0f], [3f, 0f]);
        Tensor b = ParamWithGrad([0f], [4f]);
        float norm = GradientClipping.ClipGlobalNorm([a, b], 1f);
        Assert.Equal(5f, norm, 1e-5);
        Assert.Equal(0.6f, a.Grad[0], 1e-5);
        Assert.Equal(0.8f, b.Grad[0], 1e-5);
        Assert.Equal(1f, GradientClipping.ClipGlobalNorm([a, b], 10f), 1e-4);
        Assert.Equal(0.6f, a.Grad[0], 1e-5);
    }

    [Theory]
    [InlineData(6, 10)]
    [InlineData(10, 6)]
    public void Orthogonal_RowsOrColumnsAreOrthonormal(int rows, int cols)
    {
        var w = new Tensor(rows, cols);
        Init.Orthogonal(w, new Random(3), gain: 2f);
        bool byRows = rows <= cols;
        int count = byRows ? rows : cols;
        int len = byRows ? cols : rows;
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < count; j++)
            {
                double dot = 0;
                for (int k = 0; k < len; k++)
                {
                    dot += byRows ? w[(i * cols) + k] * w[(j * cols) + k] : w[(k * cols) + i] * w[(k * cols) + j];
                }

                Assert.Equal(i == j ? 4.0 : 0.0, dot, 1e-4);
            }
        }
    }

    [Fact]
    public void HeAndXavier_HaveTheExpectedVariance()
    {
        var w = new Tensor(256, 64, 3, 3);
        Init.HeNormal(w, new Random(4));
        double var = w.ToArray().Sum(v => (double)v * v) / w.Length;
        Assert.Equal(2.0 / (64 * 9), var, 1e-4);
        Init.XavierUniform(w, new Random(5));
        var = w.ToArray().Sum(v => (double)v * v) / w.Length;
        Assert.Equal(2.0 / ((64 * 9) + (256 * 9)), var, 1e-4);
    }
}
