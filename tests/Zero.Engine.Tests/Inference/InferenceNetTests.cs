using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Engine.Tests.Kernels;

namespace Zero.Engine.Tests.Inference;

/// <summary>
/// Checks the fused inference network (folded BN, Winograd or im2col, fused epilogues, NHWC) against a plain
/// double-precision NCHW evaluation of the documented architecture written out here layer by layer.
/// </summary>
public sealed class InferenceNetTests
{
    private sealed class Reference(PolicyValueNetConfig cfg, IReadOnlyDictionary<string, float[]> w)
    {
        private readonly int _h = cfg.Height, _w = cfg.Width;

        private double[] Conv(double[] x, int n, int cin, int cout, int k, string name)
        {
            float[] wt = w[name];
            int p = k / 2, hw = _h * _w;
            var y = new double[n * cout * hw];
            for (int b = 0; b < n; b++)
                for (int co = 0; co < cout; co++)
                    for (int yy = 0; yy < _h; yy++)
                        for (int xx = 0; xx < _w; xx++)
                        {
                            double s = 0;
                            for (int ci = 0; ci < cin; ci++)
                                for (int ky = 0; ky < k; ky++)
                                    for (int kx = 0; kx < k; kx++)
                                    {
                                        int sy = yy + ky - p, sx = xx + kx - p;
                                        if (sy >= 0 && sy < _h && sx >= 0 && sx < _w)
                                        {
                                            s += wt[((co * cin + ci) * k + ky) * k + kx] * x[(b * cin + ci) * hw + sy * _w + sx];
                                        }
                                    }
                            y[(b * cout + co) * hw + yy * _w + xx] = s;
                        }
            return y;
        }

        private double[] Bn(double[] x, int n, int c, string prefix, bool relu)
        {
            int hw = _h * _w;
            var y = new double[x.Length];
            for (int b = 0; b < n; b++)
                for (int ch = 0; ch < c; ch++)
                {
                    double scale = w[prefix + ".weight"][ch] / Math.Sqrt(w[prefix + ".running_var"][ch] + 1e-5);
                    for (int q = 0; q < hw; q++)
                    {
                        int i = (b * c + ch) * hw + q;
                        double v = (x[i] - w[prefix + ".running_mean"][ch]) * scale + w[prefix + ".bias"][ch];
                        y[i] = relu ? Math.Max(0, v) : v;
                    }
                }
            return y;
        }

        private double[] Fc(double[] x, int n, int inputs, int outputs, string prefix, bool relu)
        {
            var y = new double[n * outputs];
            for (int b = 0; b < n; b++)
                for (int j = 0; j < outputs; j++)
                {
                    double s = w[prefix + ".bias"][j];
                    for (int i = 0; i < inputs; i++)
                    {
                        s += w[prefix + ".weight"][j * inputs + i] * x[b * inputs + i];
                    }
                    y[b * outputs + j] = relu ? Math.Max(0, s) : s;
                }
            return y;
        }

        public (double[] Policy, double[] Value) Run(float[] input, int n)
        {
            int c = cfg.Channels, hw = _h * _w;
            double[] x = Bn(Conv(input.Select(v => (double)v).ToArray(), n, cfg.InputPlanes, c, 3, "stem.conv.weight"), n, c, "stem.bn", true);
            for (int i = 0; i < cfg.Blocks; i++)
            {
                double[] y = Bn(Conv(x, n, c, c, 3, $"blocks.{i}.conv1.weight"), n, c, $"blocks.{i}.bn1", true);
                y = Bn(Conv(y, n, c, c, 3, $"blocks.{i}.conv2.weight"), n, c, $"blocks.{i}.bn2", false);
                if (cfg.SqueezeExcitationRatio > 0)
                {
                    int sq = c / cfg.SqueezeExcitationRatio;
                    var mean = new double[n * c];
                    for (int b = 0; b < n; b++)
                        for (int ch = 0; ch < c; ch++)
                            mean[b * c + ch] = Enumerable.Range(0, hw).Average(q => y[(b * c + ch) * hw + q]);
                    double[] s = Fc(Fc(mean, n, c, sq, $"blocks.{i}.se.fc1", true), n, sq, c, $"blocks.{i}.se.fc2", false);
                    for (int b = 0; b < n; b++)
                        for (int ch = 0; ch < c; ch++)
                            for (int q = 0; q < hw; q++)
                                y[(b * c + ch) * hw + q] *= 1 / (1 + Math.Exp(-s[b * c + ch]));
                }
                x = x.Select((v, k) => Math.Max(0, v + y[k])).ToArray();
            }
            double[] p = Bn(Conv(x, n, c, cfg.PolicyChannels, 1, "policy.conv.weight"), n, cfg.PolicyChannels, "policy.bn", true);
            double[] policy = Fc(p, n, cfg.PolicyChannels * hw, cfg.PolicySize, "policy.fc", false);
            double[] v = Bn(Conv(x, n, c, cfg.ValueChannels, 1, "value.conv.weight"), n, cfg.ValueChannels, "value.bn", true);
            double[] hidden = Fc(v, n, cfg.ValueChannels * hw, cfg.ValueHidden, "value.fc1", true);
            double[] outv = Fc(hidden, n, cfg.ValueHidden, cfg.ValueOutputs, "value.fc2", false);
            var value = new double[n];
            for (int b = 0; b < n; b++)
            {
                if (cfg.ValueHead == ValueHeadKind.Scalar)
                {
                    value[b] = Math.Tanh(outv[b]);
                }
                else
                {
                    double m = outv.Skip(b * 3).Take(3).Max();
                    double[] e = outv.Skip(b * 3).Take(3).Select(z => Math.Exp(z - m)).ToArray();
                    value[b] = (e[0] - e[2]) / e.Sum();
                }
            }
            return (policy, value);
        }
    }

    public static TheoryData<string, int, bool> Cases() => new()
    {
        { "tiny-odd", 5, true },
        { "tiny-odd", 3, false },
        { "go-like-se-wdl", 2, true },
        { "connect4", 2, true },
        { "connect4", 30, true },
        { "connect4", 5, false },
    };

    private static PolicyValueNetConfig ConfigFor(string name) => name switch
    {
        "tiny-odd" => new PolicyValueNetConfig(5, 5, 6, 2, 16, 11, PolicyChannels: 3, ValueChannels: 2, ValueHidden: 9),
        "go-like-se-wdl" => new PolicyValueNetConfig(17, 9, 9, 2, 32, 82, ValueHidden: 16, ValueHead: ValueHeadKind.WinDrawLoss, SqueezeExcitationRatio: 4),
        _ => PolicyValueNetConfig.Connect4 with { Blocks = 2 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_RandomWeights_MatchesNaiveDoublePrecisionNetwork(string name, int batch, bool winograd)
    {
        PolicyValueNetConfig cfg = ConfigFor(name);
        var rng = new Random(42);
        Dictionary<string, float[]> weights = RandomWeights.Create(cfg, rng);
        var net = new InferenceNet(cfg, weights, winograd);
        Assert.Equal(winograd && PackedGemm.Vector512Path, net.UsesWinograd);
        float[] input = GemmTests.RandomArray(rng, batch * net.InputSize);
        var policy = new float[batch * cfg.PolicySize];
        var value = new float[batch];
        using var pool = new ComputePool(2);
        net.Evaluate(input, batch, policy, value, pool);
        (double[] ePolicy, double[] eValue) = new Reference(cfg, weights).Run(input, batch);
        double scale = ePolicy.Max(Math.Abs);
        for (int i = 0; i < ePolicy.Length; i++)
        {
            Assert.True(Math.Abs(ePolicy[i] - policy[i]) <= 1e-4 * (1 + scale), $"policy[{i}] = {policy[i]}, expected {ePolicy[i]}");
        }
        for (int i = 0; i < batch; i++)
        {
            Assert.True(Math.Abs(eValue[i] - value[i]) <= 1e-4, $"value[{i}] = {value[i]}, expected {eValue[i]}");
        }
    }

    [Fact]
    public void Evaluate_SameInputAtDifferentBatchSizesAndThreads_GivesSameOutputs()
    {
        PolicyValueNetConfig cfg = PolicyValueNetConfig.Connect4 with { Blocks = 1 };
        var rng = new Random(5);
        var net = new InferenceNet(cfg, RandomWeights.Create(cfg, rng));
        float[] input = GemmTests.RandomArray(rng, 70 * net.InputSize);
        var p70 = new float[70 * cfg.PolicySize];
        var v70 = new float[70];
        using (var pool = new ComputePool(2))
        {
            net.Evaluate(input, 70, p70, v70, pool);
        }
        var p1 = new float[cfg.PolicySize];
        var v1 = new float[1];
        net.Evaluate(input.AsSpan(69 * net.InputSize, net.InputSize), 1, p1, v1);
        for (int j = 0; j < cfg.PolicySize; j++)
        {
            Assert.Equal(p70[69 * cfg.PolicySize + j], p1[j], 4);
        }
        Assert.Equal(v70[69], v1[0], 5);
    }

    [Fact]
    public void Constructor_MissingWeight_NamesIt()
    {
        PolicyValueNetConfig cfg = PolicyValueNetConfig.Connect4 with { Blocks = 1 };
        Dictionary<string, float[]> weights = RandomWeights.Create(cfg, new Random(1));
        weights.Remove("blocks.0.bn2.running_var");
        var e = Assert.Throws<ArgumentException>(() => new InferenceNet(cfg, weights));
        Assert.Contains("blocks.0.bn2.running_var", e.Message, StringComparison.Ordinal);
    }
}
