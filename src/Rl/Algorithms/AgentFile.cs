
namespace Zero.Rl.Algorithms;

/// <summary>Loads any saved agent by reading the model file's header (the algorithm name picks the class). Called by <c>zero rl eval</c>.</summary>
public static class AgentFile
{
    /// <summary>Loads the agent in <paramref name="path"/>. Throws <see cref="ZeroException"/> for unreadable files or unknown algorithms.</summary>
    public static IAgent Load(string path) => Build(path, ModelFile.Load(path));

    /// <summary>Loads an agent from the bytes of a model file; <paramref name="source"/> names it in messages (the fuzz tests call this).</summary>
    /// <exception cref="ZeroException">Unreadable bytes or an unknown algorithm.</exception>
    public static IAgent Load(byte[] bytes, string source) => Build(source, ModelFile.Parse(bytes, source));

    private static IAgent Build(string path, (ModelHeader Header, Dictionary<string, float[]> Tensors) file)
    {
        (ModelHeader header, Dictionary<string, float[]> tensors) = file;
        return header.Algorithm switch
        {
            "ppo" => Ppo.Load(path, header, tensors),
            "dqn" => Dqn.Load(path, header, tensors),
            "sac" => Sac.Load(path, header, tensors),
            _ => throw new ZeroException($"'{path}' holds a '{header.Algorithm}' agent, which this build cannot load (known: ppo, dqn, sac)."),
        };
    }
}
