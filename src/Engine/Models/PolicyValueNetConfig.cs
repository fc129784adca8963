namespace Zero.Engine.Models;

/// <summary>The value head's output: one tanh scalar, or win/draw/loss logits.</summary>
public enum ValueHeadKind
{
    Scalar,
    WinDrawLoss,
}

/// <summary>
/// Architecture of the residual policy-value network, stored as JSON in every weights file. The training model
/// (<c>PolicyValueNet</c>) and the fused inference network both build from it, and both use the parameter names
/// below, so a weights file written by one loads into the other.
/// <code>
/// input [N, InputPlanes, Height, Width]
///  stem:    conv3x3(InputPlanes→Channels, no bias) - BN - ReLU                 stem.conv.weight, stem.bn.*
///  blocks.i conv3x3 - BN - ReLU - conv3x3 - BN (+ SE) + skip - ReLU             blocks.{i}.conv1.weight, blocks.{i}.bn1.*,
///                                                                               blocks.{i}.conv2.weight, blocks.{i}.bn2.*,
///                                                                               blocks.{i}.se.fc1.{weight,bias}, blocks.{i}.se.fc2.{weight,bias}
///  policy:  conv1x1(Channels→PolicyChannels) - BN - ReLU - FC → PolicySize     policy.conv.weight, policy.bn.*, policy.fc.{weight,bias}
///  value:   conv1x1(Channels→ValueChannels) - BN - ReLU - FC → ValueHidden - ReLU - FC → 1 (tanh) or 3 (WDL logits)
///                                                                               value.conv.weight, value.bn.*, value.fc1.{weight,bias}, value.fc2.{weight,bias}
/// BN parameters: {prefix}.weight (gamma), {prefix}.bias (beta), {prefix}.running_mean, {prefix}.running_var; eps 1e-5.
/// Conv weights are [out, in, k, k]; FC weights are [out, in] (PyTorch layout); FC inputs flatten C×H×W in that order.
/// </code>
/// </summary>
public sealed record PolicyValueNetConfig(
    int InputPlanes,
    int Height,
    int Width,
    int Blocks,
    int Channels,
    int PolicySize,
    int PolicyChannels = 2,
    int ValueChannels = 1,
    int ValueHidden = 64,
    ValueHeadKind ValueHead = ValueHeadKind.Scalar,
    int SqueezeExcitationRatio = 0)
{
    /// <summary>Reference network for Connect Four: 3×6×7 input, 6 blocks × 64 channels, 449,370 parameters.</summary>
    public static PolicyValueNetConfig Connect4 { get; } = new(3, 6, 7, 6, 64, 7);

    /// <summary>Reference network for 9×9 Go: 17×9×9 input, 6 × 64, policy 82, 472,701 parameters.</summary>
    public static PolicyValueNetConfig Go9 { get; } = new(17, 9, 9, 6, 64, 82);

    /// <summary>Reference network for chess: 112×8×8 input, 10 × 128, policy 1858, WDL value head, 7,161,541 parameters.</summary>
    public static PolicyValueNetConfig Chess { get; } =
        new(112, 8, 8, 10, 128, 1858, PolicyChannels: 32, ValueChannels: 32, ValueHidden: 128, ValueHead: ValueHeadKind.WinDrawLoss);

    /// <summary>Outputs of the value head: 1 (scalar) or 3 (win, draw, loss).</summary>
    public int ValueOutputs => ValueHead == ValueHeadKind.Scalar ? 1 : 3;

    /// <summary>Trainable parameters (BN gamma and beta counted, running statistics not).</summary>
    public long ParameterCount
    {
        get
        {
            long hw = (long)Height * Width;
            long bn = 2L * Channels;
            long se = SqueezeExcitationRatio > 0
                ? 2L * (Channels * (Channels / SqueezeExcitationRatio)) + Channels / SqueezeExcitationRatio + Channels
                : 0;
            long stem = (long)InputPlanes * Channels * 9 + bn;
            long blocks = Blocks * (2L * Channels * Channels * 9 + 2 * bn + se);
            long policy = (long)Channels * PolicyChannels + 2L * PolicyChannels + PolicyChannels * hw * PolicySize + PolicySize;
            long value = (long)Channels * ValueChannels + 2L * ValueChannels + ValueChannels * hw * ValueHidden + ValueHidden
                + (long)ValueHidden * ValueOutputs + ValueOutputs;
            return stem + blocks + policy + value;
        }
    }

    /// <summary>Floating-point operations per position: 2 × multiply-adds of the convolutions (padding counted) and FCs.</summary>
    public double FlopsPerPosition
    {
        get
        {
            double hw = (double)Height * Width;
            double stem = 2.0 * InputPlanes * Channels * 9 * hw;
            double blocks = Blocks * 2 * (2.0 * Channels * Channels * 9 * hw);
            double policy = 2.0 * Channels * PolicyChannels * hw + 2.0 * PolicyChannels * hw * PolicySize;
            double value = 2.0 * Channels * ValueChannels * hw + 2.0 * ValueChannels * hw * ValueHidden + 2.0 * ValueHidden * ValueOutputs;
            return stem + blocks + policy + value;
        }
    }
}
