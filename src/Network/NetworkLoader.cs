using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Engine.Serialization;
using Zero.Games;

namespace Zero.Network;

/// <summary>
/// The one loader of policy-value weights files for inference: reads the file, checks that the network's input and
/// policy shapes fit the game it is meant for, and builds a <see cref="NetworkModel"/>. Every failure — a missing
/// file, a directory, a damaged or foreign file, another game's network — is a <see cref="ZeroException"/> whose
/// message names the file and says what to do. Callers: analysis, play and match opponents, `zero eval`, the
/// training loop's generations, UCI and GTP.
/// </summary>
public static class NetworkLoader
{
    /// <summary>Loads <paramref name="path"/> as a network for <typeparamref name="TGame"/>.</summary>
    /// <exception cref="ZeroException">The file cannot be used (see the type's summary).</exception>
    public static NetworkModel Load<TGame, TMove>(string path, ComputePool? pool = null)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove> =>
        Load(path, TGame.InputShape, TGame.ActionCount, pool, TGame.Name);

    /// <summary>Loads <paramref name="path"/> as a network taking <paramref name="inputShape"/> and <paramref name="actionCount"/> actions.</summary>
    /// <param name="path">The weights file.</param>
    /// <param name="inputShape">The game's input planes × height × width.</param>
    /// <param name="actionCount">The game's policy size.</param>
    /// <param name="pool">The threads each evaluation runs on (null: the calling thread).</param>
    /// <param name="game">The game's name for messages (null: "this game").</param>
    /// <exception cref="ZeroException">The file cannot be used (see the type's summary).</exception>
    public static NetworkModel Load(string path, InputShape inputShape, int actionCount, ComputePool? pool = null, string? game = null)
    {
        if (Directory.Exists(path))
        {
            throw new ZeroException($"weights '{path}' is a folder: give the path of a weights file (e.g. weights/<game>.weights or a run's generations/gen-NNNN.weights)");
        }
        if (!File.Exists(path))
        {
            throw new ZeroException($"weights file '{path}' does not exist: give the path of a weights file written by `zero train`, or 'random' for random weights");
        }
        PolicyValueNetConfig config;
        IReadOnlyDictionary<string, float[]> weights;
        try
        {
            (config, weights) = WeightsFile.ReadPolicyValueArrays(path);
        }
        catch (WeightsFileException e)
        {
            throw new ZeroException($"weights '{path}': {e.Message}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or ArgumentException)
        {
            throw new ZeroException($"cannot read weights '{path}': {e.Message}", e);
        }
        if (config.InputPlanes * config.Height * config.Width != inputShape.Size || config.PolicySize != actionCount)
        {
            throw new ZeroException(
                $"weights '{path}' take {config.InputPlanes}×{config.Height}×{config.Width} inputs and {config.PolicySize} actions, "
                + $"but {game ?? "this game"} needs {inputShape} and {actionCount}: weights for another game?");
        }
        return new NetworkModel(new InferenceNet(config, weights), pool, Path.GetFileNameWithoutExtension(path));
    }

    /// <summary>A network of <paramref name="config"/> with seeded random weights (benchmarks, tests, untrained runs).</summary>
    public static NetworkModel Random(PolicyValueNetConfig config, int seed, ComputePool? pool = null) =>
        new(new InferenceNet(config, RandomWeights.Create(config, new System.Random(seed))), pool, $"random-{config.Blocks}x{config.Channels}");

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
}
