using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;

namespace Zero.Engine.Tests.Models;

/// <summary>End-to-end learning: the whole stack (ops, autograd, modules, optimizers) must actually fit data.</summary>
public sealed class LearningTests
{
    [Fact]
    public void Mlp_TwoSpirals_ReachesNinetyEightPercentAccuracy()
    {
        // 1. Two interleaved spirals, 100 points each (the classic hard toy problem for MLPs).
        const int perClass = 100;
        var x = new Tensor(2 * perClass, 2);
        var target = new Tensor(2 * perClass, 2);
        int[] labels = new int[2 * perClass];
        for (int c = 0; c < 2; c++)
        {
            for (int i = 0; i < perClass; i++)
            {
                int row = (c * perClass) + i;
                double r = 0.1 + (0.9 * i / perClass);
                double angle = (3.0 * Math.PI * i / perClass) + (c * Math.PI);
                x[row * 2] = (float)(r * Math.Cos(angle));
                x[(row * 2) + 1] = (float)(r * Math.Sin(angle));
                target[(row * 2) + c] = 1f;
                labels[row] = c;
            }
        }

        // 2. Full-batch Adam on cross-entropy.
        var rng = new Random(42);
        var mlp = new Mlp([2, 64, 64, 2], Activation.Tanh, rng);
        var opt = new Adam(mlp.Parameters(), 0.01f);
        var tape = new Tape();
        for (int step = 0; step < 1500; step++)
        {
            tape.Reset();
            Tensor loss = tape.SoftCrossEntropy(mlp.Forward(tape, x), target);
            opt.ZeroGrad();
            tape.Backward(loss);
            opt.Step();
        }

        // 3. Accuracy through the no-tape path.
        int correct = 0;
        float[] logits = new float[2];
        for (int row = 0; row < labels.Length; row++)
        {
            mlp.Predict(x.Span.Slice(row * 2, 2), logits);
            correct += (logits[1] > logits[0] ? 1 : 0) == labels[row] ? 1 : 0;
        }

        Assert.True(correct >= 0.98 * labels.Length, $"accuracy {correct}/{labels.Length}");
    }

    [Fact]
    public void Mlp_Xor_IsLearnedExactly()
    {
        var x = Tensor.FromArray([0, 0, 0, 1, 1, 0, 1, 1], 4, 2);
        var y = Tensor.FromArray([0, 1, 1, 0], 4, 1);
        var mlp = new Mlp([2, 8, 1], Activation.Tanh, new Random(3));
        var opt = new Sgd(mlp.Parameters(), 0.1f, momentum: 0.9f);
        var tape = new Tape();
        for (int step = 0; step < 500; step++)
        {
            tape.Reset();
            Tensor loss = tape.Mse(mlp.Forward(tape, x), y);
            opt.ZeroGrad();
            tape.Backward(loss);
            opt.Step();
        }

        float[] output = new float[4];
        mlp.Predict(x.Span, 4, output);
        for (int i = 0; i < 4; i++)
        {
            Assert.Equal(y[i], output[i], 0.1f);
        }
    }

    [Fact]
    public void PolicyValueNet_FewPositions_Overfits()
    {
        // 1. Eight random Connect-Four-shaped positions with peaked policy targets and ±1 outcomes.
        var rng = new Random(7);
        var config = PolicyValueNetConfig.Connect4 with { Blocks = 2, Channels = 16 };
        var net = new PolicyValueNet(config, rng);
        const int n = 8;
        var x = new Tensor(n, 3, 6, 7);
        var policy = new Tensor(n, 7);
        var value = new Tensor(n, 1);
        int[] best = new int[n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 3 * 42; j++)
            {
                x[(i * 126) + j] = rng.Next(3) == 0 ? 1f : 0f;
            }

            best[i] = rng.Next(7);
            for (int a = 0; a < 7; a++)
            {
                policy[(i * 7) + a] = a == best[i] ? 0.7f : 0.05f;
            }

            value[i] = i % 2 == 0 ? 1f : -1f;
        }

        // 2. AlphaZero's optimizer: SGD, momentum 0.9, weight decay 1e-4.
        var opt = new Sgd(net.Parameters(), 0.02f, momentum: 0.9f, weightDecay: 1e-4f);
        var tape = new Tape();
        PolicyValueLoss loss = default;
        for (int step = 0; step < 200; step++)
        {
            tape.Reset();
            loss = net.Loss(tape, x, policy, value);
            opt.ZeroGrad();
            tape.Backward(loss.Total);
            opt.Step();
        }

        // The policy loss cannot go below the targets' entropy (1.18 nats); the value can reach 0.
        double entropy = -((0.7 * Math.Log(0.7)) + (6 * 0.05 * Math.Log(0.05)));
        Assert.True(loss.PolicyLoss < entropy + 0.05, $"policy loss {loss.PolicyLoss} vs floor {entropy}");
        Assert.True(loss.ValueLoss < 0.02, $"value loss {loss.ValueLoss}");

        // 3. In evaluation mode (running statistics) the net still knows every position.
        net.Eval();
        tape.Reset();
        PolicyValueOutput o = net.Forward(tape, x);
        for (int i = 0; i < n; i++)
        {
            ReadOnlySpan<float> row = o.PolicyLogits.Span.Slice(i * 7, 7);
            Assert.Equal(best[i], row.IndexOf(System.Numerics.Tensors.TensorPrimitives.Max(row)));
            Assert.Equal(Math.Sign(value[i]), Math.Sign(o.Value[i]));
        }
    }
}
