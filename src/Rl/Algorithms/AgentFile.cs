
namespace Zero.Rl.Algorithms;

/// <summary>Loads any saved agent by reading the model file's header (the algorithm name picks the <see cref="AgentCatalog"/> entry). Called by <c>zero rl eval</c>.</summary>
public static class AgentFile
{
    /// <summary>Loads the agent in <paramref name="path"/>. Throws <see cref="ZeroException"/> for unreadable files or unknown algorithms.</summary>
    public static IAgent Load(string path)
    {
        (ModelHeader header, Dictionary<string, float[]> tensors) = ModelFile.Load(path);
        AgentCatalog.Entry entry = AgentCatalog.All.FirstOrDefault(e => e.Name == header.Algorithm)
            ?? throw new ZeroException($"'{path}' holds a '{header.Algorithm}' agent, which this build cannot load (known: {AgentCatalog.Names}).");
        return entry.Load(path, header, tensors);
    }
}
