using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Engine.Serialization;
using Zero.Games;
using Zero.Search.Evaluation;

namespace Zero.SelfPlay.Evaluation;

/// <summary>
/// Builds the network evaluator stack the search runs on: <c>CachingEvaluator → ModelEvaluator → (BatchingModel) →
/// NetworkModel → InferenceNet</c>. Used by `zero analyze --evaluator net`, `zero bench search`, play and self-play.
/// </summary>
public static class NetworkEvaluator
{
    /// <summary>
    /// The evaluator for <typeparamref name="TGame"/> over <paramref name="model"/>, behind a position cache of
    /// <paramref name="cacheSize"/> entries (0 = no cache).
    /// </summary>
    /// <exception cref="ZeroException">The network's input or policy size does not fit the game.</exception>
    public static IEvaluator<TGame, TMove> Create<TGame, TMove>(IBatchModel model, int cacheSize = 1 << 16)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var evaluator = new ModelEvaluator<TGame, TMove>(model);
        return cacheSize > 0 ? new CachingEvaluator<TGame, TMove>(evaluator, cacheSize, model.HasWdl) : evaluator;
    }

    /// <summary>Loads a policy-value weights file into a fused inference network.</summary>
    /// <exception cref="ZeroException">The file is missing or not a policy-value network; the message says what to do.</exception>
    public static NetworkModel Load(string path, ComputePool? pool = null)
    {
        if (!File.Exists(path))
        {
            throw new ZeroException($"weights file '{path}' does not exist: give the path of a weights file written by `zero train`, or 'random' for random weights");
        }
        try
        {
            (PolicyValueNetConfig config, IReadOnlyDictionary<string, float[]> weights) = WeightsFile.ReadPolicyValueArrays(path);
            return new NetworkModel(new InferenceNet(config, weights), pool, Path.GetFileNameWithoutExtension(path));
        }
        catch (Exception e) when (e is IOException or ArgumentException or InvalidDataException)
        {
            throw new ZeroException($"cannot load weights '{path}': {e.Message}", e);
        }
    }

    /// <summary>
    /// The reference network shape for <typeparamref name="TGame"/>: the published reference configs for connect4 and
    /// chess, otherwise 6 blocks × 64 channels over the game's input shape and policy size.
    /// </summary>
    public static PolicyValueNetConfig ReferenceConfig<TGame, TMove>()
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove> => TGame.Name switch
        {
            "connect4" => PolicyValueNetConfig.Connect4,
            "chess" => PolicyValueNetConfig.Chess,
            _ => new PolicyValueNetConfig(TGame.InputShape.Planes, TGame.InputShape.Height, TGame.InputShape.Width, 6, 64, TGame.ActionCount),
        };

    /// <summary>A network of <paramref name="config"/> with seeded random weights (benchmarks, tests, untrained runs).</summary>
    public static NetworkModel Random(PolicyValueNetConfig config, int seed, ComputePool? pool = null) =>
        new(new InferenceNet(config, RandomWeights.Create(config, new System.Random(seed))), pool, $"random-{config.Blocks}x{config.Channels}");
}
