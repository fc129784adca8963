
namespace Zero.Rl.Algorithms;

/// <summary>Loads any saved agent by reading the model file's header (the algorithm name picks the class). Called by <c>zero rl eval</c>.</summary>
public static class AgentFile
{
    /// <summary>Loads the agent in <paramref name="path"/>. Throws <see cref="ZeroException"/> for unreadable files or unknown algorithms.</summary>
    public static IAgent Load(string path)
    {
        (ModelHeader header, Dictionary<string, float[]> tensors) = ModelFile.Load(path);
        return header.Algorithm switch
        {
            "ppo" => Ppo.Load(path, header, tensors),
            "dqn" => Dqn.Load(path, header, tensors),
            "sac" => Sac.Load(path, header, tensors),
            _ => throw new ZeroException($"'{path}' holds a '{header.Algorithm}' agent, which this build cannot load (known: ppo, dqn, sac)."),
        };
    }
}
