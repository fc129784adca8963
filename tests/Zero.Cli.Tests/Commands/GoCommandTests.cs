using System.Text.Json;

namespace Zero.Cli.Tests.Commands;

/// <summary>Go through the command line: analyze, play, train's --size and bench go.</summary>
public sealed class GoCommandTests : IDisposable
{
    private readonly string _input = Path.Combine(Path.GetTempPath(), $"zero-go-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_input);

    [Fact]
    public void Analyze_Go9AtariPosition_CapturesAndReportsErrorsPerLine()
    {
        // White's three stones E6 E5 E4 have one liberty, E3: capturing them wins the game for Black.
        File.WriteAllText(_input, "size 9 komi 7.5 black D6,F6,D5,F5,D4,F4,E7 white E6,E5,E4\nmoves D4 D4\n");
        var output = new StringWriter();
        int code = ZeroCli.Run(["analyze", "go9", "--playouts", "3000", "--evaluator", "rollout", "--input", _input], output, new StringWriter());
        Assert.Equal(0, code);
        JsonElement[] lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        Assert.Equal(2, lines.Length);
        Assert.Equal("E3", lines[0].GetProperty("bestmove").GetString());
        Assert.True(lines[0].GetProperty("value").GetDouble() > 0.5);
        Assert.Contains("occupied", lines[1].GetProperty("error").GetString());
    }

    [Fact]
    public void Play_Go9_AcceptsPointsAndPassAndRejectsIllegalMoves()
    {
        var (code, output, _) = CliRun.Run("E5\nE5\nZ1\nquit\n", "play", "go9", "--opponent", "random", "--seed", "3");
        Assert.Equal(0, code);
        Assert.Contains("you play Black (X)", output);
        Assert.Contains("Not a legal move", output);
        Assert.Contains("off the 9x9 board", output);
        Assert.Contains("   A B C D E F G H J", output);
    }

    [Fact]
    public void Train_GoSize9_RunsAGenerationOfTheGo9Game()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"zero-go-train-{Guid.NewGuid():N}");
        try
        {
            (int code, string output, string error) = CliRun.Run("", "train", "go", "--size", "9", "--run", folder, "--generations", "1",
                "network.blocks=1", "network.channels=8", "network.valueHidden=8", "selfPlay.gamesPerGeneration=4",
                "selfPlay.parallelGames=4", "selfPlay.playouts=4", "selfPlay.maxPlies=60", "training.batchSize=16",
                "training.minPositions=20", "evaluation.gamesVsPrevious=2", "evaluation.gamesPerBaseline=2", "evaluation.playouts=4");
            Assert.True(code == 0, error + output);
            Assert.Contains("go9", output, StringComparison.Ordinal);
            Assert.Contains("gen 1 |", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "generations", "gen-0001.weights")));
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    [Theory]
    [InlineData("go", "7")]
    [InlineData("connect4", "9")]
    [InlineData("go13", "9")]
    public void Train_BadSize_IsAUsageError(string game, string size)
    {
        var (code, _, error) = CliRun.Run("", "train", game, "--size", size, "--run", Path.Combine(Path.GetTempPath(), $"zero-go-{Guid.NewGuid():N}"));
        Assert.Equal(2, code);
        Assert.Contains("--size", error);
    }

    [Fact]
    public void BenchGo_ShortRun_PrintsBothBoardsAndTheSignature()
    {
        var (code, output, _) = CliRun.Run("", "bench", "go", "--seconds", "0.05", "--json");
        Assert.Equal(0, code);
        JsonElement doc = JsonDocument.Parse(output).RootElement;
        JsonElement[] boards = doc.GetProperty("boards").EnumerateArray().ToArray();
        Assert.Equal(new[] { 9, 19 }, boards.Select(b => b.GetProperty("size").GetInt32()));
        // the signature pins the playout rules: any functional change to GoBoard or GoPlayout moves it
        Assert.Equal(111359, boards[0].GetProperty("signatureMoves").GetInt64());
        Assert.Equal(455900, boards[1].GetProperty("signatureMoves").GetInt64());
        Assert.All(boards, b => Assert.True(b.GetProperty("playoutsPerSecond").GetDouble() > 0));
    }
}
