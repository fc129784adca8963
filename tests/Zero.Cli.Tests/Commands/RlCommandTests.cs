using System.Text.Json;

namespace Zero.Cli.Tests.Commands;

/// <summary>`zero rl train / eval / options` and `zero bench rl` as a user types them: exit codes, files, JSON, messages.</summary>
public sealed class RlCommandTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zero-cli-rl-" + Guid.NewGuid().ToString("N"));

    public RlCommandTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Fact]
    public void TrainThenEval_ShortPpoRun_WritesTheRunFolderAndEvalPrintsTheJsonFields()
    {
        string model = Path.Combine(_dir, "run", "model.zrl");
        (int code, string output, _) = CliRun.Run("", "rl", "train", "ppo", "CartPole-v1", "--steps", "512", "--seed", "2", "--out", model, "--eval-episodes", "2");
        Assert.Equal(0, code);
        Assert.Contains($"model: {model}", output, StringComparison.Ordinal);
        foreach (string f in new[] { "model.zrl", "config.json", "curve.csv", "curve.svg" })
        {
            Assert.True(File.Exists(Path.Combine(_dir, "run", f)), f);
        }

        (code, output, _) = CliRun.Run("", "rl", "eval", model, "--episodes", "3", "--json");
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(output);
        Assert.Equal("CartPole-v1", doc.RootElement.GetProperty("env").GetString());
        Assert.Equal(3, doc.RootElement.GetProperty("episodes").GetInt32());
        Assert.True(doc.RootElement.GetProperty("mean_return").GetDouble() >= 8); // CartPole lasts at least 8 steps
        Assert.True(doc.RootElement.GetProperty("std_return").GetDouble() >= 0);
    }

    [Theory]
    [InlineData("a2c", "CartPole-v1")]
    [InlineData("reinforce", "CartPole-v1")]
    [InlineData("trpo", "CartPole-v1")]
    [InlineData("td3", "Pendulum-v1")]
    [InlineData("ddpg", "Pendulum-v1")]
    public void TrainThenEval_EachClassicAlgorithm_WritesAModelThatEvalLoads(string algorithm, string env)
    {
        string model = Path.Combine(_dir, algorithm, "model.zrl");
        (int code, string output, string error) = CliRun.Run("", "rl", "train", algorithm, env, "--steps", "400", "--out", model, "--eval-episodes", "1");
        Assert.True(code == 0, error);
        Assert.Contains("eval: ", output, StringComparison.Ordinal);
        (code, output, _) = CliRun.Run("", "rl", "eval", model, "--episodes", "1");
        Assert.Equal(0, code);
        Assert.StartsWith($"{algorithm} on {env}: ", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_AlgorithmWithoutPresetForTheEnvironment_ExitsTwoListingThePresets()
    {
        (int code, _, string error) = CliRun.Run("", "rl", "train", "td3", "CartPole-v1", "--steps", "100");
        Assert.Equal(2, code);
        Assert.Contains("no td3 preset for 'CartPole-v1'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Train_ConfigWithUnknownKey_FailsNamingTheKeyAndWhereTheKeysAreDocumented()
    {
        string config = Path.Combine(_dir, "bad.json");
        File.WriteAllText(config, "{\"lr\": 0.001}");
        (int code, string output, string error) = CliRun.Run("", "rl", "train", "ppo", "CartPole-v1", "--steps", "256", "--config", config, "--out", Path.Combine(_dir, "m.zrl"));
        Assert.NotEqual(0, code);
        Assert.Contains("unknown key 'lr'", output + error, StringComparison.Ordinal);
        Assert.Contains("learning_rate", output + error, StringComparison.Ordinal);
        Assert.Contains("zero rl options", output + error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "m.zrl")));
    }

    [Fact]
    public void Options_ListsKeysAndPrintsAPresetThatTrainAccepts()
    {
        (int code, string output, _) = CliRun.Run("", "rl", "options", "sac");
        Assert.Equal(0, code);
        Assert.Contains("| `eval_freq` | `0` |", output, StringComparison.Ordinal);

        (code, output, _) = CliRun.Run("", "rl", "options", "sac", "Pendulum-v1");
        Assert.Equal(0, code);
        string config = Path.Combine(_dir, "preset.json");
        File.WriteAllText(config, output);
        (code, _, string error) = CliRun.Run("", "rl", "train", "sac", "Pendulum-v1", "--steps", "150", "--config", config, "--out", Path.Combine(_dir, "sac.zrl"), "--eval-episodes", "0");
        Assert.True(code == 0, error);

        (code, _, error) = CliRun.Run("", "rl", "options", "dqn", "Pendulum-v1");
        Assert.Equal(2, code);
        Assert.Contains("no dqn preset", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchRl_Quick_PrintsEveryRowAsJson()
    {
        (int code, string output, _) = CliRun.Run("", "bench", "rl", "--quick", "--json");
        Assert.Equal(0, code);
        using JsonDocument doc = JsonDocument.Parse(output);
        string[] names = [.. doc.RootElement.EnumerateArray().Select(r => r.GetProperty("name").GetString()!)];
        Assert.Contains(names, n => n.StartsWith("PPO CartPole-v1", StringComparison.Ordinal));
        Assert.Contains(names, n => n.StartsWith("SAC Pendulum-v1", StringComparison.Ordinal));
        foreach (string algorithm in new[] { "A2C CartPole-v1", "REINFORCE CartPole-v1", "TRPO CartPole-v1", "TD3 Pendulum-v1", "DDPG Pendulum-v1" })
        {
            Assert.Contains(names, n => n.StartsWith(algorithm, StringComparison.Ordinal));
        }
        Assert.All(doc.RootElement.EnumerateArray(), r => Assert.True(r.GetProperty("value").GetDouble() > 0));
    }
}
