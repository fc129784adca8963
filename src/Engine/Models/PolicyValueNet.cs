using Zero.Engine.Autograd;
using Zero.Engine.Modules;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Models;

/// <summary>
/// The residual policy-value network of <see cref="PolicyValueNetConfig"/> (its comment draws the layout and the
/// parameter names), built for training: forward on a tape, backward, then an optimizer step. Self-play training
/// uses it; play and search use the fused inference network built from its <see cref="Module.State"/>.
/// </summary>
public sealed class PolicyValueNet : Module
{
    private readonly Conv2d stemConv;
    private readonly BatchNorm2d stemBn;
    private readonly ResidualBlock[] blocks;
    private readonly Conv2d policyConv;
    private readonly BatchNorm2d policyBn;
    private readonly Linear policyFc;
    private readonly Conv2d valueConv;
    private readonly BatchNorm2d valueBn;
    private readonly Linear valueFc1;
    private readonly Linear valueFc2;

    /// <summary>Builds the network with weights drawn from <paramref name="rng"/>.</summary>
    /// <exception cref="ArgumentException">A size in the config is not positive.</exception>
    public PolicyValueNet(PolicyValueNetConfig config, Random rng)
    {
        if (config.InputPlanes <= 0 || config.Height <= 0 || config.Width <= 0 || config.Blocks < 0 || config.Channels <= 0
            || config.PolicySize <= 0 || config.PolicyChannels <= 0 || config.ValueChannels <= 0 || config.ValueHidden <= 0)
        {
            throw new ArgumentException($"Every size of the network config must be positive (blocks may be 0): {config}.", nameof(config));
        }

        Config = config;
        int hw = config.Height * config.Width;
        stemConv = AddModule("stem.conv", new Conv2d(config.InputPlanes, config.Channels, 3, rng));
        stemBn = AddModule("stem.bn", new BatchNorm2d(config.Channels));
        blocks = new ResidualBlock[config.Blocks];
        for (int i = 0; i < blocks.Length; i++)
        {
            blocks[i] = AddModule($"blocks.{i}", new ResidualBlock(config.Channels, rng, config.SqueezeExcitationRatio));
        }

        policyConv = AddModule("policy.conv", new Conv2d(config.Channels, config.PolicyChannels, 1, rng));
        policyBn = AddModule("policy.bn", new BatchNorm2d(config.PolicyChannels));
        policyFc = AddModule("policy.fc", new Linear(config.PolicyChannels * hw, config.PolicySize, rng));
        valueConv = AddModule("value.conv", new Conv2d(config.Channels, config.ValueChannels, 1, rng));
        valueBn = AddModule("value.bn", new BatchNorm2d(config.ValueChannels));
        valueFc1 = AddModule("value.fc1", new Linear(config.ValueChannels * hw, config.ValueHidden, rng));
        valueFc2 = AddModule("value.fc2", new Linear(config.ValueHidden, config.ValueOutputs, rng));
    }

    /// <summary>The architecture.</summary>
    public PolicyValueNetConfig Config { get; }

    /// <summary>x [N, InputPlanes, Height, Width] → policy logits and value (see <see cref="PolicyValueOutput"/>).</summary>
    /// <exception cref="ArgumentException">The input shape does not match the config.</exception>
    public PolicyValueOutput Forward(Tape tape, Tensor x)
    {
        if (x.Rank != 4 || x.Shape[1] != Config.InputPlanes || x.Shape[2] != Config.Height || x.Shape[3] != Config.Width)
        {
            throw new ArgumentException($"Input {x.ShapeString} does not match the network: expected [N, {Config.InputPlanes}, {Config.Height}, {Config.Width}].", nameof(x));
        }

        Tensor h = tape.Relu(stemBn.Forward(tape, stemConv.Forward(tape, x)));
        foreach (ResidualBlock b in blocks)
        {
            h = b.Forward(tape, h);
        }

        Tensor p = tape.Relu(policyBn.Forward(tape, policyConv.Forward(tape, h)));
        p = policyFc.Forward(tape, tape.Flatten(p));
        Tensor v = tape.Relu(valueBn.Forward(tape, valueConv.Forward(tape, h)));
        v = tape.Relu(valueFc1.Forward(tape, tape.Flatten(v)));
        v = valueFc2.Forward(tape, v);
        if (Config.ValueHead == ValueHeadKind.Scalar)
        {
            v = tape.Tanh(v);
        }

        return new PolicyValueOutput(p, v);
    }

    /// <summary>
    /// Forward plus the AlphaZero loss: cross-entropy of the policy against <paramref name="policyTarget"/> [N, PolicySize]
    /// (visit distributions), plus for a scalar head the squared error against <paramref name="valueTarget"/> [N, 1]
    /// (outcome in [−1, 1]) or for a WDL head the cross-entropy against [N, 3] (win/draw/loss probabilities).
    /// </summary>
    public PolicyValueLoss Loss(Tape tape, Tensor x, Tensor policyTarget, Tensor valueTarget)
    {
        PolicyValueOutput o = Forward(tape, x);
        Tensor policyLoss = tape.SoftCrossEntropy(o.PolicyLogits, policyTarget);
        Tensor valueLoss = Config.ValueHead == ValueHeadKind.Scalar
            ? tape.Mse(o.Value, valueTarget)
            : tape.SoftCrossEntropy(o.Value, valueTarget);
        return new PolicyValueLoss(tape.Add(policyLoss, valueLoss), policyLoss[0], valueLoss[0]);
    }
}
