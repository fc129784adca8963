using System.Diagnostics;
using Xunit.Abstractions;
using Zero.Engine.Autograd;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Engine.Tests.Autograd;

namespace Zero.Engine.Tests.Models;

/// <summary>
/// Speed of the training path measured in process CPU time, which stays meaningful when the shared machine is
/// oversubscribed (wall-clock figures are `zero bench nn`'s job). Slow: run with
/// <c>dotnet test tests/Zero.Engine.Tests --settings slow.runsettings --filter FullyQualifiedName~EngineSpeed --logger "console;verbosity=detailed"</c>.
/// The bounds are loose (3× the targets) so that only a real regression fails.
/// </summary>
[Trait("Category", "Slow")]
public sealed class EngineSpeedTests(ITestOutputHelper output)
{
    private static double CpuMicroseconds() => Process.GetCurrentProcess().TotalProcessorTime.TotalMilliseconds * 1000;

    [Fact]
    public void RlMlp_ForwardAndAdamStep_CpuTime()
    {
        var rng = new Random(1);
        var mlp = new Mlp([4, 64, 64, 2], Activation.Tanh, rng);
        var opt = new Adam(mlp.Parameters(), 3e-4f);
        Tensor x = GradCheck.Random(rng, 1, 64, 4);
        Tensor target = new Tape().Softmax(GradCheck.Random(rng, 1, 64, 2));
        var tape = new Tape();
        void Step()
        {
            tape.Reset();
            Tensor loss = tape.SoftCrossEntropy(mlp.Forward(tape, x), target);
            opt.ZeroGrad();
            tape.Backward(loss);
            opt.Step();
        }

        float[] o = new float[2];
        double stepUs = double.MaxValue, forwardUs = double.MaxValue;
        for (int rep = 0; rep < 3; rep++)
        {
            for (int i = 0; i < 1000; i++)
            {
                Step();
            }

            double c0 = CpuMicroseconds();
            for (int i = 0; i < 10_000; i++)
            {
                Step();
            }

            stepUs = Math.Min(stepUs, (CpuMicroseconds() - c0) / 10_000);
            c0 = CpuMicroseconds();
            for (int i = 0; i < 200_000; i++)
            {
                mlp.Predict(x.Span[..4], o);
            }

            forwardUs = Math.Min(forwardUs, (CpuMicroseconds() - c0) / 200_000);
        }

        output.WriteLine($"rl-mlp 4-64-64-2: forward (1 sample) {forwardUs:F2} µs CPU, Adam step (64 samples) {stepUs:F1} µs CPU (targets 1.6 and 61)");
        Assert.True(forwardUs < 4.8 && stepUs < 183, $"forward {forwardUs:F2} µs, step {stepUs:F1} µs");
    }

    [Fact]
    public void Connect4_TrainingStep_CpuTime()
    {
        var rng = new Random(2);
        var net = new PolicyValueNet(PolicyValueNetConfig.Connect4, rng);
        var sgd = new Sgd(net.Parameters(), 0.01f, momentum: 0.9f, weightDecay: 1e-4f);
        var tape = new Tape(ComputePool.Sequential);
        const int batch = 256;
        Tensor x = GradCheck.Random(rng, 1, batch, 3, 6, 7);
        Tensor policy = new Tape().Softmax(GradCheck.Random(rng, 1, batch, 7));
        Tensor value = GradCheck.Random(rng, 1, batch, 1);
        double best = double.MaxValue;
        for (int rep = 0; rep < 4; rep++)
        {
            double c0 = CpuMicroseconds();
            tape.Reset();
            PolicyValueLoss loss = net.Loss(tape, x, policy, value);
            sgd.ZeroGrad();
            tape.Backward(loss.Total);
            sgd.Step();
            best = Math.Min(best, CpuMicroseconds() - c0);
        }

        double perCpuSecond = batch / (best / 1e6);
        output.WriteLine($"connect4 training, batch {batch}, one thread: {best / 1000:F0} ms CPU per step = {perCpuSecond:F0} samples per CPU-second");
        Assert.True(perCpuSecond > 150, $"{perCpuSecond:F0} samples per CPU-second");
    }
}
