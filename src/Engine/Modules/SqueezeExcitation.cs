using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Modules;

/// <summary>
/// Squeeze-excitation: global average pool → fc1 (C → C/r) → ReLU → fc2 (C/r → C) → sigmoid → rescale each channel.
/// Optional part of <see cref="ResidualBlock"/> (PolicyValueNetConfig.SqueezeExcitationRatio &gt; 0).
/// </summary>
public sealed class SqueezeExcitation : Module
{
    private readonly Linear fc1;
    private readonly Linear fc2;

    /// <summary>Creates the unit for <paramref name="channels"/> channels reduced by <paramref name="ratio"/>.</summary>
    public SqueezeExcitation(int channels, int ratio, Random rng)
    {
        int hidden = channels / ratio;
        if (hidden < 1)
        {
            throw new ArgumentException($"Squeeze-excitation ratio {ratio} leaves no hidden units for {channels} channels.", nameof(ratio));
        }

        fc1 = AddModule("fc1", new Linear(channels, hidden, rng));
        fc2 = AddModule("fc2", new Linear(hidden, channels, rng));
    }

    /// <summary>x [N, C, H, W] → x scaled per channel.</summary>
    public Tensor Forward(Tape tape, Tensor x)
    {
        Tensor s = tape.GlobalAvgPool(x);
        s = tape.Relu(fc1.Forward(tape, s));
        s = tape.Sigmoid(fc2.Forward(tape, s));
        return tape.ScaleChannels(x, s);
    }
}
