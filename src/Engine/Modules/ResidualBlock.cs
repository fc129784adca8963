using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;

namespace Zero.Engine.Modules;

/// <summary>
/// The residual block of the policy-value net: conv3×3 - BN - ReLU - conv3×3 - BN (- SE) + skip - ReLU.
/// </summary>
public sealed class ResidualBlock : Module
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly SqueezeExcitation? se;

    /// <summary>Creates a block of <paramref name="channels"/> channels; SE when <paramref name="seRatio"/> &gt; 0.</summary>
    public ResidualBlock(int channels, Random rng, int seRatio = 0)
    {
        conv1 = AddModule("conv1", new Conv2d(channels, channels, 3, rng));
        bn1 = AddModule("bn1", new BatchNorm2d(channels));
        conv2 = AddModule("conv2", new Conv2d(channels, channels, 3, rng));
        bn2 = AddModule("bn2", new BatchNorm2d(channels));
        if (seRatio > 0)
        {
            se = AddModule("se", new SqueezeExcitation(channels, seRatio, rng));
        }
    }

    /// <summary>x [N, C, H, W] → same shape.</summary>
    public Tensor Forward(Tape tape, Tensor x)
    {
        Tensor y = tape.Relu(bn1.Forward(tape, conv1.Forward(tape, x)));
        y = bn2.Forward(tape, conv2.Forward(tape, y));
        if (se is not null)
        {
            y = se.Forward(tape, y);
        }

        return tape.Relu(tape.Add(y, x));
    }
}
