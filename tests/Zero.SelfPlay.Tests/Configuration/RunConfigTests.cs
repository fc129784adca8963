using System.Text.Json.Nodes;
using Zero.Games;
using Zero.SelfPlay.Configuration;

namespace Zero.SelfPlay.Tests.Configuration;

public class RunConfigTests
{
    [Theory]
    [InlineData("tictactoe")]
    [InlineData("connect4")]
    public void ExampleConfig_Parses_EqualsDefaultsAndDocumentsEveryField(string game)
    {
        string file = RepositoryRoot.Path("configs", game + ".jsonc");
        RunConfig loaded = RunConfig.Load(game, file, []);
        RunConfig defaults = RunConfig.Default(game);
        Assert.Equal(defaults.ToJson(), loaded.ToJson());
        string text = File.ReadAllText(file);
        foreach (string key in LeafKeys(JsonNode.Parse(defaults.ToJson())!.AsObject()))
        {
            Assert.Contains($"\"{key}\":", text);
            string[] lines = text.Split('\n');
            int at = Array.FindIndex(lines, l => l.Contains($"\"{key}\":", StringComparison.Ordinal));
            bool commented = lines[at].Contains("//", StringComparison.Ordinal) || lines[at - 1].TrimStart().StartsWith("//", StringComparison.Ordinal);
            Assert.True(commented || key == "game", $"field {key} has no comment on its line or the line above");
        }
    }

    private static IEnumerable<string> LeafKeys(JsonObject obj)
    {
        foreach ((string key, JsonNode? value) in obj)
        {
            if (value is JsonObject child)
            {
                foreach (string k in LeafKeys(child)) yield return k;
            }
            else
            {
                yield return key;
            }
        }
    }

    [Fact]
    public void Load_Overrides_ApplyOverDefaultsAndFile()
    {
        using var folder = new TempFolder();
        string file = folder.File("c.jsonc");
        File.WriteAllText(file, "// mine\n{ \"selfPlay\": { \"playouts\": 32, }, \"training\": { \"optimizer\": \"adam\" } }");
        RunConfig config = RunConfig.Load("ttt", file,
            ["selfPlay.playouts=50", "training.learningRateDropGenerations=3,7", "evaluation.baselines=random", "limits.time=90s", "seed=9"]);
        Assert.Equal(50, config.SelfPlay.Playouts);
        Assert.Equal("adam", config.Training.Optimizer);
        Assert.Equal([3, 7], config.Training.LearningRateDropGenerations);
        Assert.Equal(["random"], config.Evaluation.Baselines);
        Assert.Equal(TimeSpan.FromSeconds(90), config.TimeLimit);
        Assert.Equal(9, config.Seed);
        Assert.Equal("tictactoe", config.Game);
        Assert.Equal(RunConfig.Default("tictactoe").Network, config.Network);
    }

    [Fact]
    public void Load_UnknownKey_RefusedWithKnownKeys()
    {
        var e = Assert.Throws<ZeroException>(() => RunConfig.Load("connect4", null, ["selfPlay.playout=5"]));
        Assert.Contains("selfPlay.playout", e.Message);
        Assert.Contains("playouts", e.Message);
        using var folder = new TempFolder();
        string file = folder.File("c.json");
        File.WriteAllText(file, "{ \"training\": { \"lr\": 1 } }");
        e = Assert.Throws<ZeroException>(() => RunConfig.Load("connect4", file, []));
        Assert.Contains("training.lr", e.Message);
        Assert.Contains("training.learningRate", e.Message);
    }

    [Theory]
    [InlineData("selfPlay.playouts=0", "selfPlay.playouts")]
    [InlineData("training.optimizer=rmsprop", "training.optimizer")]
    [InlineData("limits.time=soon", "limits.time")]
    [InlineData("selfPlay.playouts=many", "selfPlay.playouts")]
    [InlineData("playouts", "section.field=value")]
    public void Load_BadValue_MessageNamesTheKey(string assignment, string expected)
    {
        var e = Assert.Throws<ZeroException>(() => RunConfig.Load("tictactoe", null, [assignment]));
        Assert.Contains(expected, e.Message);
    }

    [Fact]
    public void Load_ConfigForOtherGameOrBadJson_Refused()
    {
        using var folder = new TempFolder();
        string file = folder.File("c.json");
        File.WriteAllText(file, "{ \"game\": \"connect4\" }");
        Assert.Contains("connect4", Assert.Throws<ZeroException>(() => RunConfig.Load("tictactoe", file, [])).Message);
        File.WriteAllText(file, "{ \"game\": ");
        Assert.Contains("not valid JSON", Assert.Throws<ZeroException>(() => RunConfig.Load("tictactoe", file, [])).Message);
        Assert.Contains("not found", Assert.Throws<ZeroException>(() => RunConfig.Load("tictactoe", folder.File("none"), [])).Message);
    }

    [Fact]
    public void ToJsonParse_RoundTrips()
    {
        RunConfig config = RunConfig.Load("connect4", null, ["selfPlay.playouts=77"]);
        Assert.Equal(config.ToJson(), RunConfig.Parse(config.ToJson(), "run.json").ToJson());
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("10m", 600)]
    [InlineData("2h", 7200)]
    [InlineData("1h30m", 5400)]
    [InlineData("1.5h", 5400)]
    [InlineData("45", 45)]
    [InlineData("2m30s", 150)]
    public void DurationText_Parse_KnownForms(string text, double seconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(seconds), DurationText.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ten minutes")]
    [InlineData("5x")]
    [InlineData("-3")]
    public void DurationText_TryParse_Garbage_False(string text)
    {
        Assert.False(DurationText.TryParse(text, out _));
    }
}
