using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Zero.Engine.Models;
using Zero.Engine.Modules;
using Zero.Engine.Tensors;

namespace Zero.Engine.Serialization;

/// <summary>
/// Saving and loading networks: a <see cref="TensorFile"/> whose metadata is
/// <c>{"format": "zero-weights", "kind": "policy-value-net" | "mlp", "config": {...}}</c> and whose tensors are the
/// module's <see cref="Module.State"/> (parameters and batch-norm running statistics, by the documented names).
/// Self-play writes one per generation; play, search and the fused inference network read them.
/// </summary>
public static class WeightsFile
{
    private const string PolicyValueKind = "policy-value-net";
    private const string MlpKind = "mlp";

    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>Saves a policy-value network with its architecture.</summary>
    public static void Save(string path, PolicyValueNet net) =>
        TensorFile.Write(path, Metadata(PolicyValueKind, JsonSerializer.SerializeToNode(net.Config, Json)!), net.State());

    /// <summary>Saves an MLP with its sizes and activation.</summary>
    public static void Save(string path, Mlp mlp)
    {
        var config = new JsonObject
        {
            ["sizes"] = new JsonArray(mlp.Sizes.Select(s => (JsonNode)s).ToArray()),
            ["activation"] = mlp.HiddenActivation.ToString(),
        };
        TensorFile.Write(path, Metadata(MlpKind, config), mlp.State());
    }

    /// <summary>Reads the architecture of a policy-value weights file without building the network.</summary>
    /// <exception cref="WeightsFileException">The file is unusable (see <see cref="TensorFile"/>) or holds another kind of network.</exception>
    public static PolicyValueNetConfig ReadConfig(string path) => ReadPolicyValue(path).Config;

    /// <summary>Builds a policy-value network from a weights file.</summary>
    /// <exception cref="WeightsFileException">The file is unusable, holds another kind of network, or its tensors do not match its config.</exception>
    public static PolicyValueNet LoadPolicyValueNet(string path)
    {
        (PolicyValueNetConfig config, TensorFileContents contents) = ReadPolicyValue(path);
        var net = new PolicyValueNet(config, new Random(0));
        LoadInto(net, contents, path);
        return net;
    }

    /// <summary>Loads a weights file into an existing network, whose architecture must equal the file's.</summary>
    /// <exception cref="WeightsFileException">The file is unusable or written for another architecture.</exception>
    public static void Load(string path, PolicyValueNet net)
    {
        (PolicyValueNetConfig config, TensorFileContents contents) = ReadPolicyValue(path);
        if (config != net.Config)
        {
            throw new WeightsFileException($"'{path}' holds a network {Describe(config)}, but the model is {Describe(net.Config)}. Load it with LoadPolicyValueNet, or pass weights trained for this game and size.");
        }

        LoadInto(net, contents, path);
    }

    /// <summary>
    /// The architecture and flat weight arrays of a policy-value weights file, checked against the architecture: what
    /// the fused inference network builds from.
    /// </summary>
    /// <exception cref="WeightsFileException">The file is unusable or its tensors do not match its config.</exception>
    public static (PolicyValueNetConfig Config, IReadOnlyDictionary<string, float[]> Weights) ReadPolicyValueArrays(string path)
    {
        PolicyValueNet net = LoadPolicyValueNet(path);
        return (net.Config, net.State().ToDictionary(kv => kv.Key, kv => kv.Value.ToArray(), StringComparer.Ordinal));
    }

    /// <summary>Builds an MLP from a weights file.</summary>
    /// <exception cref="WeightsFileException">The file is unusable, holds another kind of network, or its tensors do not match.</exception>
    public static Mlp LoadMlp(string path)
    {
        TensorFileContents contents = TensorFile.Read(path);
        JsonObject config = Config(contents, MlpKind, path);
        Mlp mlp;
        try
        {
            int[] sizes = config["sizes"]!.AsArray().Select(n => n!.GetValue<int>()).ToArray();
            Activation activation = Enum.Parse<Activation>(config["activation"]!.GetValue<string>());
            mlp = new Mlp(sizes, activation, new Random(0));
        }
        catch (Exception ex) when (ex is not WeightsFileException)
        {
            throw new WeightsFileException($"'{path}' has an unreadable MLP config ({ex.Message}).", ex);
        }

        LoadInto(mlp, contents, path);
        return mlp;
    }

    private static string Metadata(string kind, JsonNode config) =>
        new JsonObject { ["format"] = "zero-weights", ["kind"] = kind, ["config"] = config }.ToJsonString();

    private static (PolicyValueNetConfig Config, TensorFileContents Contents) ReadPolicyValue(string path)
    {
        TensorFileContents contents = TensorFile.Read(path);
        JsonObject node = Config(contents, PolicyValueKind, path);
        try
        {
            PolicyValueNetConfig config = node.Deserialize<PolicyValueNetConfig>(Json)
                ?? throw new WeightsFileException($"'{path}' has an empty network config.");
            if (!Plausible(config))
            {
                throw new WeightsFileException(
                    $"'{path}' has a damaged network config ({Describe(config)}): a size is zero, negative or beyond any network Zero builds. Copy the file again from its source.");
            }
            return (config, contents);
        }
        catch (JsonException ex)
        {
            throw new WeightsFileException($"'{path}' has an unreadable network config ({ex.Message}).", ex);
        }
    }

    /// <summary>
    /// Whether a config read from a file describes a network that can be built: every size positive (blocks may be 0)
    /// and within generous bounds, so a damaged header is refused before it allocates gigabytes.
    /// </summary>
    private static bool Plausible(PolicyValueNetConfig c) =>
        c.InputPlanes is >= 1 and <= 4096 && c.Height is >= 1 and <= 1024 && c.Width is >= 1 and <= 1024 && c.Blocks is >= 0 and <= 1024
        && c.Channels is >= 1 and <= 4096 && c.PolicySize is >= 1 and <= 1 << 20 && c.PolicyChannels is >= 1 and <= 4096
        && c.ValueChannels is >= 1 and <= 4096 && c.ValueHidden is >= 1 and <= 1 << 16 && c.SqueezeExcitationRatio is >= 0 and <= 4096
        && Enum.IsDefined(c.ValueHead) && c.ParameterCount is > 0 and <= 500_000_000;

    private static JsonObject Config(TensorFileContents contents, string kind, string path)
    {
        JsonObject meta;
        try
        {
            meta = JsonNode.Parse(contents.MetadataJson)?.AsObject() ?? throw new JsonException("empty");
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            throw new WeightsFileException($"'{path}' has unreadable metadata ({ex.Message}).", ex);
        }

        string? fileKind = meta["kind"]?.GetValue<string>();
        if (meta["format"]?.GetValue<string>() != "zero-weights")
        {
            throw new WeightsFileException($"'{path}' is a Zero tensor file but not a weights file (format '{meta["format"]}'); an optimizer state file perhaps? Pass the weights file.");
        }

        if (fileKind != kind)
        {
            throw new WeightsFileException($"'{path}' holds a '{fileKind}' network, not a '{kind}'. Pass the weights of the right model.");
        }

        return meta["config"]?.AsObject() ?? throw new WeightsFileException($"'{path}' has no network config.");
    }

    private static void LoadInto(Module module, TensorFileContents contents, string path)
    {
        try
        {
            module.LoadState(contents.Tensors);
        }
        catch (WeightsFileException ex)
        {
            throw new WeightsFileException($"'{path}': {ex.Message}", ex);
        }
    }

    private static string Describe(PolicyValueNetConfig c) =>
        $"({c.InputPlanes}×{c.Height}×{c.Width} input, {c.Blocks} blocks × {c.Channels} channels, policy {c.PolicySize}, {c.ValueHead} value, SE ratio {c.SqueezeExcitationRatio})";
}
