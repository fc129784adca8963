using System.Text.Json;
using Zero.Rl.Algorithms;
using Zero.Rl.ClassicControl;

namespace Zero.Rl.Tests.Algorithms;

/// <summary>The --config reference: every key documented, docs/rl-options.md current, a printed preset a valid config file.</summary>
public sealed class ConfigReferenceTests
{
    [Theory]
    [InlineData("dqn", typeof(DqnConfig))]
    [InlineData("ppo", typeof(PpoConfig))]
    [InlineData("sac", typeof(SacConfig))]
    public void Keys_EveryPropertyOfTheConfig_HasANameAndAMeaning(string algorithm, Type config)
    {
        Assert.Equal(config, ConfigReference.ConfigType(algorithm));
        IReadOnlyList<ConfigReference.Key> keys = ConfigReference.Keys(config);
        Assert.Equal(config.GetProperties().Length, keys.Count);
        Assert.All(keys, k => Assert.True(k.Meaning.Length > 5, $"{algorithm} {k.Name}: '{k.Meaning}'"));
        Assert.Contains(keys, k => k.Name == "eval_freq" && k.Default == "0" && k.Meaning.Contains("best_model", StringComparison.Ordinal));
    }

    [Fact]
    public void Keys_InheritedDocumentation_IsFollowedAndRemarksAppended()
    {
        ConfigReference.Key ppo = ConfigReference.Keys(typeof(PpoConfig)).Single(k => k.Name == "eval_freq");
        ConfigReference.Key dqn = ConfigReference.Keys(typeof(DqnConfig)).Single(k => k.Name == "eval_freq");
        Assert.StartsWith(dqn.Meaning, ppo.Meaning, StringComparison.Ordinal);
        Assert.EndsWith("crosses each multiple of eval_freq.", ppo.Meaning, StringComparison.Ordinal);
    }

    [Fact]
    public void RlOptionsDoc_InRepository_IsCurrent()
    {
        string path = RepositoryRoot.Path("docs", "rl-options.md");
        Assert.True(File.Exists(path), "docs/rl-options.md is missing: run './zero rl options --doc > docs/rl-options.md'");
        Assert.True(File.ReadAllText(path) == ConfigReference.Markdown(), "docs/rl-options.md is out of date: run './zero rl options --doc > docs/rl-options.md'");
    }

    [Fact]
    public void Preset_PrintedAsConfig_AppliesBackToTheSamePreset()
    {
        foreach (ClassicControlCatalog.Entry e in ClassicControlCatalog.All)
        {
            string json = ConfigReference.Preset("ppo", e.Id).ToJsonString();
            Assert.Equal(JsonSerializer.Serialize(Presets.Ppo(e.Id)), JsonSerializer.Serialize(ConfigFile.Apply(new PpoConfig(), json, "test")));
        }
        string sac = ConfigReference.Preset("sac", "MountainCarContinuous-v0").ToJsonString();
        Assert.Equal(JsonSerializer.Serialize(Presets.Sac("MountainCarContinuous-v0")), JsonSerializer.Serialize(ConfigFile.Apply(new SacConfig(), sac, "test")));
        Assert.Contains(ConfigReference.PresetChanges("sac", "MountainCarContinuous-v0"), c => c.Key == "use_sde" && c.Value == "true");
    }
}
