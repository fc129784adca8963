using System.Text.Json;

namespace Zero.Rl.Algorithms;

/// <summary>Loads any saved agent by reading the model file's header (the algorithm name picks the <see cref="AgentCatalog"/> entry). Called by <c>zero rl eval</c>.</summary>
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
        try
        {
            CheckSavedConfig(path, header, tensors);
            return Construct(path, header, tensors);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException or ArgumentException or OverflowException or IndexOutOfRangeException)
        {
            throw new ZeroException($"'{path}' has a valid checksum but an unusable header ({e.Message}): it was written by an incompatible build; retrain.", e);
        }
    }

    /// <summary>
    /// The saved config must be in range (<see cref="ConfigRanges"/>) and its networks no larger than the tensors the
    /// file holds, so a damaged header is refused before it allocates networks of gigabytes.
    /// </summary>
    private static void CheckSavedConfig(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        object? config = header.Algorithm switch
        {
            "ppo" => header.Config.Deserialize<PpoConfig>(ModelFile.Json),
            "dqn" => header.Config.Deserialize<DqnConfig>(ModelFile.Json),
            "sac" => header.Config.Deserialize<SacConfig>(ModelFile.Json),
            _ => null,
        };
        int[] arch = config switch
        {
            PpoConfig p => p.NetArch,
            DqnConfig d => d.NetArch,
            SacConfig c => c.NetArch,
            _ => [],
        };
        if (config is null)
        {
            return; // an unknown algorithm or an empty config: Construct says which
        }
        ConfigRanges.Validate(config, $"'{path}' (its saved config)");
        long stored = tensors.Values.Sum(t => (long)t.Length);
        long hidden = 0;
        for (int i = 0; i + 1 < arch.Length; i++)
        {
            hidden += (long)arch[i] * arch[i + 1];
        }
        if (arch.Any(w => w > stored) || hidden > stored)
        {
            throw new ZeroException($"'{path}' has a damaged header: its net_arch [{string.Join(", ", arch)}] needs more weights than the file's {stored} values. Copy it again or retrain.");
        }
    }

    private static IAgent Construct(string path, ModelHeader header, Dictionary<string, float[]> tensors)
    {
        AgentCatalog.Entry entry = AgentCatalog.All.FirstOrDefault(e => e.Name == header.Algorithm)
            ?? throw new ZeroException($"'{path}' holds a '{header.Algorithm}' agent, which this build cannot load (known: {AgentCatalog.Names}).");
        return entry.Load(path, header, tensors);
    }
}
