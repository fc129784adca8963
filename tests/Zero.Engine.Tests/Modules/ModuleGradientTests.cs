using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Modules;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;
using Zero.Engine.Tests.Autograd;

namespace Zero.Engine.Tests.Modules;

/// <summary>Finite-difference gradient checks of every module with respect to its input and all its parameters.</summary>
public sealed class ModuleGradientTests
{
    private static Tensor[] WithInput(Module m, Tensor x) => [x, .. m.Parameters()];

    [Fact]
    public void Linear_GradientsMatchFiniteDifferences()
    {
        var rng = new Random(1);
        var m = new Linear(5, 3, rng);
        Tensor x = GradCheck.Param(rng, 1, 4, 5);
        GradCheck.Check(t => m.Forward(t, x), WithInput(m, x));
    }

    [Fact]
    public void Conv2dAndBatchNorm_GradientsMatchFiniteDifferences()
    {
        var rng = new Random(2);
        var conv = new Conv2d(2, 3, 3, rng);
        var bn = new BatchNorm2d(3);
        Tensor x = GradCheck.Param(rng, 1, 2, 2, 3, 3);
        GradCheck.Check(t => bn.Forward(t, conv.Forward(t, x)), [x, .. conv.Parameters(), .. bn.Parameters()]);
        bn.Eval();
        GradCheck.Check(t => bn.Forward(t, conv.Forward(t, x)), [x, .. conv.Parameters(), .. bn.Parameters()]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public void ResidualBlock_GradientsMatchFiniteDifferences(int seRatio)
    {
        var rng = new Random(3);
        var block = new ResidualBlock(4, rng, seRatio);
        Tensor x = GradCheck.Param(rng, 1, 2, 4, 3, 3);
        GradCheck.Check(t => block.Forward(t, x), WithInput(block, x), eps: 3e-3f, rtol: 3e-2, atol: 3e-3);
        if (seRatio > 0)
        {
            Assert.Contains(block.NamedParameters(), p => p.Name == "se.fc2.bias");
        }
    }

    [Theory]
    [InlineData(ValueHeadKind.Scalar)]
    [InlineData(ValueHeadKind.WinDrawLoss)]
    public void PolicyValueNet_LossGradientsMatchFiniteDifferences(ValueHeadKind head)
    {
        var rng = new Random(4);
        var config = new PolicyValueNetConfig(2, 3, 3, 1, 4, 5, PolicyChannels: 2, ValueChannels: 1, ValueHidden: 6, ValueHead: head, SqueezeExcitationRatio: 2);
        var net = new PolicyValueNet(config, rng);
        Tensor x = GradCheck.Random(rng, 1, 3, 2, 3, 3);
        Tensor policyTarget = new Tape().Softmax(GradCheck.Random(rng, 2, 3, 5));
        Tensor valueTarget = head == ValueHeadKind.Scalar
            ? GradCheck.Random(rng, 1, 3, 1)
            : new Tape().Softmax(GradCheck.Random(rng, 2, 3, 3));
        GradCheck.Check(t => net.Loss(t, x, policyTarget, valueTarget).Total, [.. net.Parameters()], eps: 3e-3f, rtol: 3e-2, atol: 3e-3, maxElements: 6);
    }

    [Fact]
    public void Mlp_GradientsMatchFiniteDifferences()
    {
        var rng = new Random(5);
        var mlp = new Mlp([3, 8, 8, 2], Activation.Tanh, rng);
        Tensor x = GradCheck.Param(rng, 1, 5, 3);
        GradCheck.Check(t => mlp.Forward(t, x), WithInput(mlp, x));
    }
}
