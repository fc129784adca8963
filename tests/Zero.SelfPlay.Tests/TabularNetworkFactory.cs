using Zero.Games;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Training;

namespace Zero.SelfPlay.Tests;

/// <summary>Creates and loads <see cref="TabularNetwork"/>s for the training loop tests.</summary>
internal sealed class TabularNetworkFactory<TGame, TMove> : INetworkFactory
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    public ITrainableNetwork Create(RunConfig config, Random random) => new TabularNetwork(TGame.InputShape.Size, TGame.ActionCount);

    public ITrainableNetwork LoadCheckpoint(string path, RunConfig config) => TabularNetwork.Load(path, checkpoint: true);

    public IBatchModel LoadWeights(string path) => TabularNetwork.Load(path, checkpoint: false).CreateInferenceModel();
}
