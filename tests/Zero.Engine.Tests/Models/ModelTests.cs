using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;
using Zero.Engine.Tests.Autograd;

namespace Zero.Engine.Tests.Models;

/// <summary>PolicyValueNet's names, shapes and counts; the MLP's no-tape path; the tape's arena reuse.</summary>
public sealed class ModelTests
{
    [Fact]
    public void PolicyValueNet_ReferenceConfigs_HaveThePublishedParameterCounts()
    {
        foreach (PolicyValueNetConfig c in new[] { PolicyValueNetConfig.Connect4, PolicyValueNetConfig.Go9, PolicyValueNetConfig.Chess })
        {
            var net = new PolicyValueNet(c, new Random(1));
            Assert.Equal(c.ParameterCount, net.ParameterCount);
        }
    }

    [Fact]
    public void PolicyValueNet_State_UsesTheDocumentedNamesAndShapes()
    {
        var c = PolicyValueNetConfig.Connect4 with { SqueezeExcitationRatio = 4 };
        IReadOnlyDictionary<string, Tensor> s = new PolicyValueNet(c, new Random(1)).State();
        Assert.Equal([64, 3, 3, 3], s["stem.conv.weight"].Shape);
        Assert.Equal([64], s["stem.bn.running_var"].Shape);
        Assert.Equal([64, 64, 3, 3], s["blocks.5.conv2.weight"].Shape);
        Assert.Equal([64], s["blocks.5.bn2.bias"].Shape);
        Assert.Equal([16, 64], s["blocks.0.se.fc1.weight"].Shape);
        Assert.Equal([64], s["blocks.0.se.fc2.bias"].Shape);
        Assert.Equal([2, 64, 1, 1], s["policy.conv.weight"].Shape);
        Assert.Equal([7, 84], s["policy.fc.weight"].Shape);
        Assert.Equal([1], s["value.bn.running_mean"].Shape);
        Assert.Equal([64, 42], s["value.fc1.weight"].Shape);
        Assert.Equal([1, 64], s["value.fc2.weight"].Shape);
        Assert.False(s.ContainsKey("blocks.6.conv1.weight"));
    }

    [Fact]
    public void PolicyValueNet_Forward_GivesTanhValueOrWdlLogits()
    {
        var rng = new Random(2);
        var net = new PolicyValueNet(PolicyValueNetConfig.Connect4 with { Blocks = 1 }, rng);
        var tape = new Tape();
        PolicyValueOutput o = net.Forward(tape, GradCheck.Random(rng, 1, 4, 3, 6, 7));
        Assert.Equal([4, 7], o.PolicyLogits.Shape);
        Assert.Equal([4, 1], o.Value.Shape);
        Assert.All(o.Value.ToArray(), v => Assert.InRange(v, -1f, 1f));
        var wdl = new PolicyValueNet(new PolicyValueNetConfig(3, 6, 7, 1, 8, 7, ValueHead: ValueHeadKind.WinDrawLoss), rng);
        Assert.Equal([4, 3], wdl.Forward(tape, GradCheck.Random(rng, 1, 4, 3, 6, 7)).Value.Shape);
        var ex = Assert.Throws<ArgumentException>(() => net.Forward(tape, new Tensor(4, 2, 6, 7)));
        Assert.Contains("expected [N, 3, 6, 7]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PolicyValueNet_EvalMode_IsPerPositionAndUsesRunningStatistics()
    {
        var rng = new Random(3);
        var net = new PolicyValueNet(PolicyValueNetConfig.Connect4 with { Blocks = 2, Channels = 16 }, rng);
        Tensor x = GradCheck.Random(rng, 1, 3, 3, 6, 7);
        var tape = new Tape();
        net.Forward(tape, x); // training step moves the running statistics away from (0, 1)
        net.Eval();
        tape.Reset();
        float[] batch = net.Forward(tape, x).PolicyLogits.ToArray();
        tape.Reset();
        Tensor one = Tensor.FromArray(x.Span[(3 * 42)..(6 * 42)], 1, 3, 6, 7);
        float[] single = net.Forward(tape, one).PolicyLogits.ToArray();
        for (int i = 0; i < 7; i++)
        {
            Assert.Equal(batch[7 + i], single[i], 1e-4);
        }
    }

    [Fact]
    public void Mlp_Predict_MatchesTapeForwardWithoutAllocating()
    {
        var rng = new Random(4);
        var mlp = new Mlp([4, 64, 64, 2], Activation.Tanh, rng);
        Tensor x = GradCheck.Random(rng, 1, 7, 4);
        float[] expected = new Tape().Tanh(new Tape().AddScalar(mlp.Forward(new Tape(), x), 0)).ToArray();
        float[] batch = new float[14];
        mlp.Predict(x.Span, 7, batch);
        float[] single = new float[2];
        mlp.Predict(x.Span[4..8], single);
        for (int i = 0; i < 14; i++)
        {
            Assert.Equal(MathF.Tanh(batch[i]), expected[i], 1e-5);
        }

        Assert.Equal(batch[2], single[0], 1e-5);
        Assert.Equal(batch[3], single[1], 1e-5);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            mlp.Predict(x.Span[..4], single);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Tape_RepeatedTrainingStep_AllocatesNothingAfterWarmUp()
    {
        var rng = new Random(5);
        var mlp = new Mlp([4, 64, 64, 2], Activation.Tanh, rng);
        var opt = new Zero.Engine.Optim.Adam(mlp.Parameters(), 1e-3f);
        Tensor x = GradCheck.Random(rng, 1, 64, 4);
        Tensor y = GradCheck.Random(rng, 1, 64, 2);
        var tape = new Tape();
        void Step()
        {
            tape.Reset();
            Tensor loss = tape.Mse(mlp.Forward(tape, x), y);
            opt.ZeroGrad();
            tape.Backward(loss);
            opt.Step();
        }

        Step();
        Step();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void PolicyValueNet_TwoThreads_GiveTheSameGradientsAsOneAndRepeatExactly()
    {
        // Tensors of 64×32×6×7 = 86,016 elements take the parallel elementwise and batch-norm paths.
        var config = PolicyValueNetConfig.Connect4 with { Blocks = 2, Channels = 32 };
        var rng = new Random(6);
        Tensor x = GradCheck.Random(rng, 1, 64, 3, 6, 7);
        Tensor policy = new Tape().Softmax(GradCheck.Random(rng, 2, 64, 7));
        Tensor value = GradCheck.Random(rng, 1, 64, 1);

        float[][] Gradients(Zero.Engine.Kernels.ComputePool pool)
        {
            var net = new PolicyValueNet(config, new Random(9));
            var tape = new Tape(pool);
            tape.Backward(net.Loss(tape, x, policy, value).Total);
            return net.Parameters().Select(p => p.Grad.ToArray()).ToArray();
        }

        using var two = new Zero.Engine.Kernels.ComputePool(2);
        float[][] seq = Gradients(Zero.Engine.Kernels.ComputePool.Sequential);
        float[][] par = Gradients(two);
        float[][] again = Gradients(two);
        for (int p = 0; p < seq.Length; p++)
        {
            double scale = seq[p].Max(v => Math.Abs((double)v)) + 1e-6;
            for (int i = 0; i < seq[p].Length; i++)
            {
                Assert.True(Math.Abs(seq[p][i] - par[p][i]) <= 1e-3 * scale, $"parameter {p} element {i}: {seq[p][i]} vs {par[p][i]}");
            }

            Assert.Equal(par[p], again[p]);
        }
    }

    [Fact]
    public void SoftUpdateFrom_MovesTargetTowardsSourceByTau()
    {
        var online = new Mlp([3, 4, 2], Activation.Relu, new Random(1));
        var target = new Mlp([3, 4, 2], Activation.Relu, new Random(2));
        float before = target.State()["layers.0.weight"][5];
        float src = online.State()["layers.0.weight"][5];
        target.SoftUpdateFrom(online, 0.25f);
        Assert.Equal((0.75 * before) + (0.25 * src), target.State()["layers.0.weight"][5], 1e-6);
        target.SoftUpdateFrom(online, 1f);
        Assert.Equal(online.State()["layers.1.bias"].ToArray(), target.State()["layers.1.bias"].ToArray());
        Assert.Throws<ArgumentException>(() => target.SoftUpdateFrom(new Mlp([3, 5, 2], Activation.Relu, new Random(3)), 0.5f));
    }

    [Fact]
    public void PolyakUpdate_MatchesSoftUpdateFromAndChecksShapes()
    {
        var online = new Mlp([3, 4, 2], Activation.Relu, new Random(1));
        var target = new Mlp([3, 4, 2], Activation.Relu, new Random(2));
        var reference = new Mlp([3, 4, 2], Activation.Relu, new Random(2));
        Zero.Engine.Optim.Polyak.Update(target.Parameters(), online.Parameters(), 0.25f);
        reference.SoftUpdateFrom(online, 0.25f);
        foreach ((string name, Tensor t) in reference.State())
        {
            Assert.Equal(t.ToArray(), target.State()[name].ToArray());
        }

        Zero.Engine.Optim.Polyak.Update(target.Parameters(), online.Parameters(), 1f);
        Assert.Equal(online.State()["layers.1.weight"].ToArray(), target.State()["layers.1.weight"].ToArray());
        var other = new Mlp([3, 5, 2], Activation.Relu, new Random(3));
        Assert.Throws<ArgumentException>(() => Zero.Engine.Optim.Polyak.Update(target.Parameters(), other.Parameters(), 0.5f));
        Assert.Throws<ArgumentException>(() => Zero.Engine.Optim.Polyak.Update(target.Parameters(), online.Parameters(), 1.5f));
    }

    [Fact]
    public void Tape_NoGrad_RecordsNothing()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var tape = new Tape();
        using (tape.NoGrad())
        {
            Tensor y = tape.Tanh(x);
            Assert.False(y.RequiresGrad);
        }

        Assert.Equal(0, tape.Count);
        Assert.True(tape.Tanh(x).RequiresGrad);
        Assert.Equal(1, tape.Count);
    }

    [Fact]
    public void Tape_TwoBackwardPasses_AccumulateParameterGradients()
    {
        var w = Tensor.FromArray([2f], 1);
        w.RequiresGrad = true;
        var x = Tensor.FromArray([3f], 1);
        var tape = new Tape();
        tape.Backward(tape.Mul(w, x));
        tape.Reset();
        tape.Backward(tape.Mul(w, x));
        Assert.Equal(6f, w.Grad[0]);
    }
}
