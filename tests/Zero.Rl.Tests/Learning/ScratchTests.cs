using Xunit.Abstractions;
using Zero.Rl.Algorithms;

namespace Zero.Rl.Tests.Learning;

public sealed class ScratchTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scratch")]
    public void PpoCartPole()
    {
        var agent = new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1"), 1);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        agent.Learn(100_000, p => { if (p.Steps % 10240 < 256) output.WriteLine($"{p.Steps} {p.StepsPerSecond:F0} sps ret {p.RecentMeanReturn:F1}"); });
        output.WriteLine($"time {sw.Elapsed.TotalSeconds:F1}s");
        var r = Evaluation.Run(agent, 10);
        output.WriteLine($"eval {r.Mean} ± {r.Std}");
    }
}

public sealed class ScratchDqnTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scratch")]
    public void DqnCartPole()
    {
        var agent = new Dqn("CartPole-v1", Presets.Dqn("CartPole-v1"), 1);
        var sw = System.Diagnostics.Stopwatch.StartNew();
        agent.Learn(Presets.Dqn("CartPole-v1").NTimesteps, p => { if (p.Steps % 5000 == 0) output.WriteLine($"{p.Steps} {p.StepsPerSecond:F0} sps ret {p.RecentMeanReturn:F1}"); });
        output.WriteLine($"time {sw.Elapsed.TotalSeconds:F1}s");
        var r = Evaluation.Run(agent, 10);
        output.WriteLine($"eval {r.Mean} ± {r.Std}");
    }
}

public sealed class ScratchHwTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scratch")]
    public void Hw()
    {
        output.WriteLine($"v512 {System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated} v256 {System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated} avx512f {System.Runtime.Intrinsics.X86.Avx512F.IsSupported} fma {System.Runtime.Intrinsics.X86.Fma.IsSupported} vec<T> {System.Numerics.Vector<float>.Count}");
        var rng = new RandomSource(1);
        var net = new Zero.Rl.Networks.Mlp([4, 256, 256, 2], Zero.Rl.Networks.Activation.ReLU, rng);
        var x = new float[64 * 4];
        var g = new float[64 * 2];
        for (int i = 0; i < 200; i++) { net.Forward(x, 64); net.Backward(g, 64); }
        var sw = System.Diagnostics.Stopwatch.StartNew();
        for (int i = 0; i < 1000; i++) { net.Forward(x, 64); }
        output.WriteLine($"fwd {sw.Elapsed.TotalMilliseconds / 1000:F3} ms");
        sw.Restart();
        for (int i = 0; i < 1000; i++) { net.Backward(g, 64); }
        output.WriteLine($"bwd {sw.Elapsed.TotalMilliseconds / 1000:F3} ms");
        foreach (int[] sizes in new[] { new[] { 256, 256 }, new[] { 4, 256 }, new[] { 256, 2 }, new[] { 4, 256, 256, 2 } })
        {
            var n2 = new Zero.Rl.Networks.Mlp(sizes, Zero.Rl.Networks.Activation.ReLU, rng);
            var xx = new float[64 * sizes[0]];
            for (int i = 0; i < 200; i++) { n2.Forward(xx, 64); }
            sw.Restart();
            for (int i = 0; i < 1000; i++) { n2.Forward(xx, 64); }
            output.WriteLine($"fwd [{string.Join(",", sizes)}] {sw.Elapsed.TotalMilliseconds / 1000:F3} ms");
        }
        var a = new float[256 * 256]; var b = new float[256 * 256]; var c = new float[256 * 256];
        sw.Restart();
        for (int i = 0; i < 100; i++) { Zero.Rl.Networks.SmallGemm.Multiply(256, 256, 256, a, 256, 1, b, c, false); }
        output.WriteLine($"gemm256 {sw.Elapsed.TotalMilliseconds / 100:F3} ms = {2.0 * 256 * 256 * 256 * 100 / sw.Elapsed.TotalSeconds / 1e9:F1} GFLOP/s");
    }
}

public sealed class ScratchReluTests(ITestOutputHelper output)
{
    [Fact]
    [Trait("Category", "Scratch")]
    public void Relu()
    {
        var rng = new RandomSource(9);
        var net = new Zero.Rl.Networks.Mlp([3, 80, 20, 2], Zero.Rl.Networks.Activation.ReLU, rng);
        int batch = 9;
        var x = new float[batch * 3]; var w = new float[batch * 2];
        for (int i = 0; i < x.Length; i++) x[i] = (float)rng.NextNormal();
        for (int i = 0; i < w.Length; i++) w[i] = (float)rng.NextNormal();
        double Loss() { var y = net.Forward(x, batch); double s = 0; for (int i = 0; i < y.Length; i++) s += y[i] * w[i]; return s; }
        Loss(); net.ZeroGradients(); net.Backward(w, batch);
        float[] p = net.Parameters[2];
        foreach (int i in new[] { 238, 18, 38, 239, 237, 15, 16 })
        {
            foreach (float h in new[] { 1e-2f, 1e-3f, 1e-4f })
            {
                float keep = p[i]; p[i] = keep + h; double up = Loss(); p[i] = keep - h; double dn = Loss(); p[i] = keep;
                output.WriteLine($"W1[{i}] h={h}: fd {(up - dn) / (2 * h):F5} analytic {net.Gradients[2][i]:F5}");
            }
        }
    }
}
