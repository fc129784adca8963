namespace Zero.SelfPlay.Configuration;

/// <summary>The network section of a run config: the residual tower's size (see PolicyValueNetConfig).</summary>
public sealed record NetworkConfig
{
    /// <summary>Residual blocks in the tower.</summary>
    public int Blocks { get; init; } = 6;

    /// <summary>Channels of every convolution in the tower.</summary>
    public int Channels { get; init; } = 64;

    /// <summary>Channels of the policy head's 1×1 convolution.</summary>
    public int PolicyChannels { get; init; } = 2;

    /// <summary>Channels of the value head's 1×1 convolution.</summary>
    public int ValueChannels { get; init; } = 1;

    /// <summary>Width of the value head's hidden layer.</summary>
    public int ValueHidden { get; init; } = 64;
}
