using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Engine.Serialization;
using Zero.Games;
using Zero.Network;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;

namespace Zero.SelfPlay.Training;

/// <summary>
/// Creates, restores and loads the engine's policy-value networks for a game of input shape
/// <see cref="InputShape"/> and <see cref="ActionCount"/> actions: what `zero train` and `zero eval` use. Weights
/// files that do not fit the game (another game's network, a damaged file) are refused with the engine's message.
/// </summary>
public sealed class EngineNetworkFactory(InputShape inputShape, int actionCount, ComputePool? pool = null) : INetworkFactory
{
    private readonly ComputePool _pool = pool ?? new ComputePool(Environment.ProcessorCount);

    public InputShape InputShape => inputShape;
    public int ActionCount => actionCount;

    /// <summary>The network architecture of <paramref name="config"/> for this game.</summary>
    public PolicyValueNetConfig Architecture(RunConfig config) => new(
        inputShape.Planes, inputShape.Height, inputShape.Width, config.Network.Blocks, config.Network.Channels, actionCount,
        config.Network.PolicyChannels, config.Network.ValueChannels, config.Network.ValueHidden);

    public ITrainableNetwork Create(RunConfig config, Random random) =>
        new EngineNetwork(new PolicyValueNet(Architecture(config), random), config.Training, _pool);

    public ITrainableNetwork LoadCheckpoint(string path, RunConfig config)
    {
        try
        {
            return EngineNetwork.LoadCheckpoint(path, config.Training, Architecture(config), _pool);
        }
        catch (WeightsFileException e)
        {
            throw new ZeroException($"checkpoint '{path}': {e.Message}");
        }
    }

    /// <summary>Loads a weights file through the one shape-checked loader (<see cref="NetworkLoader"/>).</summary>
    public IBatchModel LoadWeights(string path) => NetworkLoader.Load(path, inputShape, actionCount, _pool);
}
