using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;

namespace Zero.SelfPlay.Training;

/// <summary>
/// Creates and loads networks for a run: the training loop asks for a fresh network from the run's config and
/// seed, a network restored from a checkpoint on resume, and inference models from generation weights files (for
/// evaluation matches against older generations). Implemented by <c>EngineNetworkFactory</c>; tests pass a double.
/// </summary>
public interface INetworkFactory
{
    /// <summary>A network with fresh random weights shaped for <paramref name="config"/>.</summary>
    ITrainableNetwork Create(RunConfig config, Random random);

    /// <summary>The network saved by <see cref="ITrainableNetwork.SaveCheckpoint"/>.</summary>
    /// <exception cref="ZeroException">The file is damaged or does not fit the config (the message says which).</exception>
    ITrainableNetwork LoadCheckpoint(string path, RunConfig config);

    /// <summary>An inference model from a generation's weights file.</summary>
    /// <exception cref="ZeroException">The file is damaged or does not fit the game.</exception>
    IBatchModel LoadWeights(string path);
}
