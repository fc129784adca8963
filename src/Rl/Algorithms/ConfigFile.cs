using System.Text.Json;
using System.Text.Json.Nodes;

namespace Zero.Rl.Algorithms;

/// <summary>
/// Applies a user's JSON config (SB3 names in snake_case, e.g. <c>{"learning_rate": "lin_1e-3", "n_envs": 16}</c>)
/// on top of a preset: keys present replace the preset's, the rest stay. Unknown keys are an error that lists the
/// valid ones, so a typo never silently trains with the default. Called by <c>zero rl train --config</c>.
/// </summary>
public static class ConfigFile
{
    /// <summary>Returns the preset (of its runtime type, so an <see cref="IAgentConfig"/> works) with the keys of <paramref name="json"/> applied. Throws <see cref="ZeroException"/> on bad JSON or unknown keys.</summary>
    public static T Apply<T>(T preset, string json, string source)
        where T : notnull
    {
        JsonObject overlay;
        try
        {
            overlay = JsonNode.Parse(json) as JsonObject ?? throw new ZeroException($"{source}: the config must be a JSON object such as {{\"learning_rate\": 0.001}}.");
        }
        catch (JsonException e)
        {
            throw new ZeroException($"{source}: not valid JSON ({e.Message}).", e);
        }
        var merged = (JsonObject)JsonSerializer.SerializeToNode(preset, preset.GetType(), ModelFile.Json)!;
        foreach ((string key, JsonNode? value) in overlay)
        {
            if (!merged.ContainsKey(key))
            {
                throw new ZeroException($"{source}: unknown key '{key}'. Valid keys: {string.Join(", ", merged.Select(p => p.Key))} (meanings: docs/rl-options.md or `zero rl options`).");
            }
            merged[key] = value?.DeepClone();
        }
        try
        {
            return (T?)merged.Deserialize(preset.GetType(), ModelFile.Json) ?? throw new ZeroException($"{source}: the config is empty.");
        }
        catch (JsonException e)
        {
            throw new ZeroException($"{source}: a value has the wrong type ({e.Message}).", e);
        }
    }
}
