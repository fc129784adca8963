using Zero.Engine.Autograd;
using Zero.Engine.Inference;
using Zero.Engine.Models;
using Zero.Engine.Modules;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Gpu.Tests;

/// <summary>
/// The ILGPU kernels, run on ILGPU's CPU accelerator (so CI needs no GPU), against the CPU engine: each layer kind
/// against the training ops (convolution 3×3 and 1×1 with folded bias, residual and ReLU; fully connected with each
/// activation; squeeze-excitation against its module), and whole networks against <see cref="InferenceNet"/>, all to
/// 1e-4.
/// </summary>
public sealed class GpuInferenceNetTests : IClassFixture<GpuInferenceNetTests.CpuAccelerator>
{
    private const float Tolerance = 1e-4f;
    private readonly GpuAccelerator _acc;

    public GpuInferenceNetTests(CpuAccelerator fixture) => _acc = fixture.Accelerator;

    /// <summary>One ILGPU CPU accelerator for the class (opening one costs a moment).</summary>
    public sealed class CpuAccelerator : IDisposable
    {
        public CpuAccelerator()
        {
            Assert.True(GpuAccelerator.TryOpen("ilgpu-cpu", out GpuAccelerator? acc, out string message), message);
            Accelerator = acc!;
        }

        public GpuAccelerator Accelerator { get; }

        public void Dispose() => Accelerator.Dispose();
    }

    private static PolicyValueNetConfig Small(bool se = false, bool wdl = false) => wdl
        ? new PolicyValueNetConfig(12, 8, 8, 2, 32, 100, PolicyChannels: 4, ValueChannels: 2, ValueHidden: 16, ValueHead: ValueHeadKind.WinDrawLoss, SqueezeExcitationRatio: se ? 4 : 0)
        : PolicyValueNetConfig.Connect4 with { Blocks = 2, Channels = 32, SqueezeExcitationRatio = se ? 4 : 0 };

    [Theory]
    [InlineData(3, 5, 16, 3, true, false)]
    [InlineData(2, 32, 32, 3, true, true)]
    [InlineData(3, 32, 4, 1, true, false)]
    [InlineData(1, 32, 32, 3, false, false)]
    public void Conv_RandomLayer_MatchesCpuConvolution(int batch, int cin, int cout, int k, bool relu, bool residual)
    {
        PolicyValueNetConfig cfg = Small();
        using var net = new GpuInferenceNet(_acc, cfg, RandomWeights.Create(cfg, new Random(1)));
        var rng = new Random(cin * 100 + cout + k);
        int hw = cfg.Height * cfg.Width;
        float[] x = Random(rng, batch * cin * hw), w = Random(rng, cout * cin * k * k), bias = Random(rng, cout);
        float[]? skip = residual ? Random(rng, batch * cout * hw) : null;

        float[] gpu = net.RunConvForTest(x, batch, cin, cout, k, w, bias, skip, relu);

        var tape = new Tape();
        Tensor y = tape.Conv2d(new Tensor(x, batch, cin, cfg.Height, cfg.Width), new Tensor(w, cout, cin, k, k), new Tensor(bias, cout));
        for (int i = 0; i < y.Length; i++)
        {
            float expected = y[i] + (skip?[i] ?? 0f);
            expected = relu ? Math.Max(0f, expected) : expected;
            Assert.True(Math.Abs(expected - gpu[i]) <= Tolerance * (1 + Math.Abs(expected)), $"y[{i}] = {gpu[i]}, CPU {expected}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Fc_EachActivation_MatchesCpuLinear(int activation)
    {
        PolicyValueNetConfig cfg = Small();
        using var net = new GpuInferenceNet(_acc, cfg, RandomWeights.Create(cfg, new Random(1)));
        var rng = new Random(activation);
        const int batch = 3, inputs = 37, outputs = 11;
        float[] x = Random(rng, batch * inputs), w = Random(rng, outputs * inputs), bias = Random(rng, outputs);

        float[] gpu = net.RunFcForTest(x, batch, inputs, outputs, w, bias, activation);

        var tape = new Tape();
        Tensor y = tape.Linear(new Tensor(x, batch, inputs), new Tensor(w, outputs, inputs), new Tensor(bias, outputs));
        y = activation switch { 1 => tape.Relu(y), 2 => tape.Sigmoid(y), 3 => tape.Tanh(y), _ => y };
        for (int i = 0; i < y.Length; i++)
        {
            Assert.True(Math.Abs(y[i] - gpu[i]) <= Tolerance * (1 + Math.Abs(y[i])), $"y[{i}] = {gpu[i]}, CPU {y[i]}");
        }
    }

    [Fact]
    public void SqueezeExcitation_RandomBlock_MatchesCpuModule()
    {
        PolicyValueNetConfig cfg = Small(se: true);
        var rng = new Random(5);
        var module = new SqueezeExcitation(cfg.Channels, cfg.SqueezeExcitationRatio, rng);
        Dictionary<string, float[]> weights = RandomWeights.Create(cfg, new Random(1));
        foreach ((string name, Tensor t) in module.State())
        {
            weights["blocks.1.se." + name] = t.ToArray();
        }
        using var net = new GpuInferenceNet(_acc, cfg, weights);
        const int batch = 3;
        int hw = cfg.Height * cfg.Width, size = batch * cfg.Channels * hw;
        float[] y = Random(rng, size), skip = Random(rng, size);

        float[] gpu = net.RunSqueezeExcitationForTest(1, y, skip, batch);

        var tape = new Tape();
        Tensor expected = tape.Relu(tape.Add(module.Forward(tape, new Tensor(y, batch, cfg.Channels, cfg.Height, cfg.Width)),
            new Tensor(skip, batch, cfg.Channels, cfg.Height, cfg.Width)));
        for (int i = 0; i < size; i++)
        {
            Assert.True(Math.Abs(expected[i] - gpu[i]) <= Tolerance * (1 + Math.Abs(expected[i])), $"out[{i}] = {gpu[i]}, CPU {expected[i]}");
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void Evaluate_WholeNetwork_MatchesInferenceNet(bool se, bool wdl)
    {
        PolicyValueNetConfig cfg = Small(se, wdl);
        var training = new PolicyValueNet(cfg, new Random(7));
        Dictionary<string, float[]> weights = training.State().ToDictionary(p => p.Key, p => p.Value.ToArray());
        var cpu = new InferenceNet(cfg, weights);
        using var gpu = new GpuInferenceNet(_acc, cfg, weights);
        Assert.Equal("ilgpu-cpu", gpu.Device);
        foreach (int batch in new[] { 1, 9, 2 })
        {
            var rng = new Random(batch);
            float[] input = Random(rng, batch * cpu.InputSize);
            var (p1, v1, w1) = (new float[batch * cfg.PolicySize], new float[batch], new float[batch * 3]);
            var (p2, v2, w2) = (new float[batch * cfg.PolicySize], new float[batch], new float[batch * 3]);
            cpu.Evaluate(input, batch, p1, v1, wdl: w1);
            gpu.Evaluate(input, batch, p2, v2, wdl: w2);
            AssertClose(p1, p2, $"policy (batch {batch})");
            AssertClose(v1, v2, $"value (batch {batch})");
            AssertClose(w1, w2, $"wdl (batch {batch})");
        }
    }

    [Fact]
    public void Evaluate_ConcurrentCallers_EachGetsItsOwnResult()
    {
        PolicyValueNetConfig cfg = Small();
        Dictionary<string, float[]> weights = RandomWeights.Create(cfg, new Random(2));
        var cpu = new InferenceNet(cfg, weights);
        using var gpu = new GpuInferenceNet(_acc, cfg, weights);
        Parallel.For(0, 4, i =>
        {
            int batch = 2 + i;
            float[] input = Random(new Random(i), batch * cpu.InputSize);
            var (p1, v1, p2, v2) = (new float[batch * cfg.PolicySize], new float[batch], new float[batch * cfg.PolicySize], new float[batch]);
            lock (cpu)
            {
                cpu.Evaluate(input, batch, p1, v1);
            }
            gpu.Evaluate(input, batch, p2, v2);
            AssertClose(p1, p2, $"policy (caller {i})");
            AssertClose(v1, v2, $"value (caller {i})");
        });
    }

    [Fact]
    public void TryOpen_UnknownDevice_SaysWhichDevicesExist()
    {
        Assert.False(GpuAccelerator.TryOpen("tpu", out GpuAccelerator? acc, out string message));
        Assert.Null(acc);
        Assert.Contains("cuda", message, StringComparison.Ordinal);
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= Tolerance * (1 + Math.Abs(expected[i])), $"{what}[{i}] = {actual[i]}, CPU engine {expected[i]}");
        }
    }

    private static float[] Random(Random rng, int length)
    {
        var x = new float[length];
        for (int i = 0; i < length; i++)
        {
            x[i] = (float)(rng.NextDouble() * 2 - 1);
        }
        return x;
    }
}
