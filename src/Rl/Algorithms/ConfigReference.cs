using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Zero.Rl.ClassicControl;

namespace Zero.Rl.Algorithms;

/// <summary>
/// The reference of every <c>--config</c> key, built from the config records themselves: the key is the property's
/// snake_case JSON name, the default is what a new record serialises to, the meaning is the property's XML
/// documentation (Zero.Rl.xml, written beside the assembly by the build), and the presets are listed by the keys where
/// they differ from the defaults. <c>zero rl options</c> prints it; docs/rl-options.md is <see cref="Markdown"/> (a test
/// keeps the file current), so each option is documented once, on its property.
/// </summary>
public static class ConfigReference
{
    /// <summary>One config key: SB3 name, default as JSON, meaning.</summary>
    public sealed record Key(string Name, string Default, string Meaning);

    /// <summary>The algorithms with their config record types, in the order they are documented.</summary>
    public static IReadOnlyList<(string Algorithm, Type Config)> Algorithms { get; } =
        [.. AgentCatalog.All.Select(e => (e.Name, e.ConfigType))];

    private static readonly Lazy<Dictionary<string, XElement>> Documentation = new(LoadDocumentation);

    /// <summary>The config record of <paramref name="algorithm"/> (an <see cref="AgentCatalog"/> name). Throws <see cref="ZeroException"/> otherwise.</summary>
    public static Type ConfigType(string algorithm) => AgentCatalog.Find(algorithm).ConfigType;

    /// <summary>The keys of <paramref name="configType"/> in declaration order.</summary>
    public static IReadOnlyList<Key> Keys(Type configType)
    {
        JsonObject defaults = Serialize(Activator.CreateInstance(configType)!);
        var keys = new List<Key>();
        foreach (PropertyInfo p in configType.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            string name = ModelFile.Json.PropertyNamingPolicy!.ConvertName(p.Name);
            string id = $"P:{configType.FullName}.{p.Name}";
            string meaning = Describe(id) ?? throw new ZeroException(
                $"{configType.Name}.{p.Name} has no documentation in Zero.Rl.xml: give the property a /// <summary> (the build writes Zero.Rl.xml beside Zero.Rl.dll).");
            keys.Add(new Key(name, Compact(defaults[name]), meaning));
        }
        return keys;
    }

    /// <summary>The preset of <paramref name="algorithm"/> for <paramref name="environment"/> as a config object (every key).</summary>
    public static JsonObject Preset(string algorithm, string environment)
    {
        string env = ClassicControlCatalog.Find(environment).Id;
        return Serialize(AgentCatalog.Find(algorithm).Preset(env));
    }

    /// <summary>The keys where the preset differs from the record's defaults, as "key value" pairs.</summary>
    public static IEnumerable<(string Key, string Value)> PresetChanges(string algorithm, string environment)
    {
        JsonObject defaults = Serialize(Activator.CreateInstance(ConfigType(algorithm))!);
        foreach ((string key, JsonNode? value) in Preset(algorithm, environment))
        {
            if (!JsonNode.DeepEquals(value, defaults[key]))
            {
                yield return (key, Compact(value));
            }
        }
    }

    /// <summary>The table of one algorithm's keys (markdown).</summary>
    public static string Table(string algorithm)
    {
        var sb = new StringBuilder();
        sb.Append("| key | default | meaning |\n|---|---|---|\n");
        foreach (Key k in Keys(ConfigType(algorithm)))
        {
            sb.Append($"| `{k.Name}` | `{k.Default}` | {k.Meaning.Replace("|", "\\|", StringComparison.Ordinal)} |\n");
        }
        return sb.ToString();
    }

    /// <summary>docs/rl-options.md: every key of every algorithm, then each preset's changes from the defaults.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Reinforcement-learning options\n\n");
        sb.Append("Generated from the config records in src/Rl/Algorithms (").Append(string.Join(", ", Algorithms.Select(a => $"`{a.Config.Name}`")));
        sb.Append(": the keys, their\ndefaults and the documentation of each property) by `zero rl options --doc` (a test keeps this file current).\n");
        sb.Append("Keys are Stable-Baselines3's names. Put any of them in a JSON file and pass it to `zero rl train <algo> <env>\n");
        sb.Append("--config FILE`, e.g. `{\"learning_rate\": \"lin_1e-3\", \"eval_freq\": 5000}`: the keys given replace the preset's,\n");
        sb.Append("the rest stay, and an unknown key is an error. Schedules (`learning_rate`, `clip_range`) take a number or\n");
        sb.Append("`\"lin_X\"` (linear decay from X to 0 over the run). `zero rl options <algo> <env>` prints a preset as a complete\n");
        sb.Append("config file to start from.\n");
        foreach ((string algorithm, _) in Algorithms)
        {
            sb.Append($"\n## {algorithm}\n\n").Append(Table(algorithm));
        }
        sb.Append("\n## Presets\n\n");
        sb.Append("What each environment's preset (`src/Rl/Algorithms/Presets.cs`, from the RL Baselines3 Zoo) changes from the defaults above.\n\n");
        sb.Append("| algorithm | environment | changes |\n|---|---|---|\n");
        foreach ((string algorithm, _) in Algorithms)
        {
            foreach (ClassicControlCatalog.Entry e in ClassicControlCatalog.All)
            {
                List<(string Key, string Value)> changes;
                try
                {
                    changes = [.. PresetChanges(algorithm, e.Id)];
                }
                catch (ZeroException)
                {
                    continue; // no preset for this pair (e.g. DQN on continuous actions)
                }
                sb.Append($"| {algorithm} | {e.Id} | {string.Join(", ", changes.Select(c => $"`{c.Key}` {c.Value}"))} |\n");
            }
        }
        return sb.ToString();
    }

    private static JsonObject Serialize(object config) => (JsonObject)JsonSerializer.SerializeToNode(config, config.GetType(), ModelFile.Json)!;

    private static string Compact(JsonNode? node) => node?.ToJsonString() ?? "null";

    /// <summary>The summary (and remarks) of a member, following inheritdoc crefs, as one line of text.</summary>
    private static string? Describe(string id)
    {
        if (!Documentation.Value.TryGetValue(id, out XElement? member))
        {
            return null;
        }
        string? inherited = member.Element("inheritdoc")?.Attribute("cref")?.Value is { } cref ? Describe(cref) : null;
        string text = string.Join(" ", new[] { inherited, Flatten(member.Element("summary")), Flatten(member.Element("remarks")) }.Where(t => !string.IsNullOrEmpty(t)));
        return text.Length == 0 ? null : text;
    }

    private static string? Flatten(XElement? element)
    {
        if (element is null)
        {
            return null;
        }
        var sb = new StringBuilder();
        foreach (XNode node in element.Nodes())
        {
            sb.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "c" } c => $"`{c.Value}`",
                XElement { Name.LocalName: "see" } s when s.Attribute("cref") is { } cref => $"`{ShortName(cref.Value)}`",
                XElement { Name.LocalName: "see" } s when s.Attribute("langword") is { } word => $"`{word.Value}`",
                XElement e => e.Value,
                _ => "",
            });
        }
        return string.Join(" ", sb.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    /// <summary>"T:Zero.Rl.Algorithms.StateDependentNoise" → "StateDependentNoise"; a method loses its parameter list.</summary>
    private static string ShortName(string cref)
    {
        string name = cref.Split('(')[0];
        return name[(name.LastIndexOf('.') + 1)..];
    }

    private static Dictionary<string, XElement> LoadDocumentation()
    {
        string path = Path.ChangeExtension(typeof(ConfigReference).Assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new ZeroException($"'{path}' is missing: the option reference is read from the XML documentation the build writes beside Zero.Rl.dll. Rebuild (./zero does it) without deleting it.");
        }
        return XDocument.Load(path).Descendants("member")
            .Where(m => m.Attribute("name") is not null)
            .ToDictionary(m => m.Attribute("name")!.Value);
    }
}
