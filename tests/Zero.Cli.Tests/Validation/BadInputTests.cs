namespace Zero.Cli.Tests.Validation;

/// <summary>
/// The command-line findings of the hardening review (issue 15), one regression each: a number outside its range,
/// a bad path or a bad config value is a usage error (exit 2) whose message names the allowed range or the problem,
/// never an internal exception reported as a bug, and a refused command leaves no files behind.
/// </summary>
public sealed class BadInputTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zero-bad-input-" + Guid.NewGuid().ToString("N"));

    public BadInputTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, true);

    [Theory]
    [InlineData("depth '11000': give a whole number from 1 to 20", "perft", "11000")] // was a stack overflow, exit 134
    [InlineData("depth '99': give a whole number from 1 to 20", "perft", "99")] // ran forever
    [InlineData("--threads '257': give a whole number from 1 to 256", "analyze", "connect4", "--threads", "257")] // was "a bug in zero"
    [InlineData("--batch '65537': give a whole number from 1 to 65536", "analyze", "connect4", "--batch", "65537")]
    [InlineData("--threads '0': give a whole number from 1 to 256", "eval", "tictactoe", "--threads", "0")] // was accepted
    [InlineData("--threads '0': give a whole number from 1 to 64", "match", "tictactoe", "random", "random", "--threads", "0")] // was accepted
    [InlineData("--threads '99999999999': give a whole number", "analyze", "connect4", "--threads", "99999999999")]
    [InlineData("--steps '-5': give a whole number from 1 to", "rl", "train", "ppo", "CartPole-v1", "--steps", "-5")] // "trained -5 steps"
    [InlineData("the playout count must be from 1 to 10000000", "match", "connect4", "net:x.weights:99999999999", "random", "--games", "2")]
    [InlineData("--time '99999999h' is not a duration", "train", "tictactoe", "--time", "99999999h")]
    [InlineData("at most 30 days", "train", "tictactoe", "--time", "99999999h")]
    [InlineData("training.learningRate must be more than 0 and at most 10 (got Infinity)", "train", "tictactoe", "training.learningRate=1e999")]
    [InlineData("selfPlay.parallelGames must be from 1 to 4096 (got 100000000)", "train", "tictactoe", "selfPlay.parallelGames=100000000")]
    [InlineData("--opening-plies 42: no 42-ply random opening of connect4 leaves the game open", "match", "connect4", "random", "random", "--games", "2", "--opening-plies", "42")]
    public void Command_ValueOutOfRange_ExitsTwoNamingTheRange(string message, params string[] args)
    {
        string[] withRun = args[0] == "train" ? [.. args, "--run", Path.Combine(_dir, "run")] : args;
        (int code, string output, string error) = CliRun.Run("4453\n", withRun);
        Assert.True(code == 2, $"exit {code}: {error}{output}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("bug in zero", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir, "run")), "a refused train must not leave a half-made run folder");
    }

    [Fact]
    public void Train_EmptyRunFolder_IsRefusedAndNothingIsWrittenHere()
    {
        string before = string.Join(",", Directory.EnumerateFileSystemEntries(Directory.GetCurrentDirectory()).Order());
        (int code, _, string error) = CliRun.Run("", "train", "tictactoe", "--run", "");
        Assert.Equal(2, code);
        Assert.Contains("--run: the path is empty", error, StringComparison.Ordinal);
        Assert.Equal(before, string.Join(",", Directory.EnumerateFileSystemEntries(Directory.GetCurrentDirectory()).Order()));
    }

    [Fact]
    public void Train_RunIsAFile_IsRefusedAsAFile()
    {
        string file = Path.Combine(_dir, "notafolder");
        File.WriteAllText(file, "x");
        (int code, _, string error) = CliRun.Run("", "train", "tictactoe", "--run", file);
        Assert.Equal(2, code);
        Assert.Contains("is a file: give a folder", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"learning_rate\": -1}", "learning_rate must be more than 0")]
    [InlineData("{\"n_envs\": 0}", "n_envs must be from 1 to 1024 (got 0)")]
    [InlineData("{\"n_envs\": 100000000}", "n_envs must be from 1 to 1024 (got 100000000)")] // allocated without bound
    [InlineData("{\"net_arch\": [0]}", "net_arch[] must be from 1 to 4096")]
    public void RlTrain_ConfigValueOutOfRange_ExitsTwoNamingTheKey(string json, string message)
    {
        string config = Path.Combine(_dir, "c.json");
        File.WriteAllText(config, json);
        (int code, string output, string error) = CliRun.Run("", "rl", "train", "ppo", "CartPole-v1", "--config", config, "--out", Path.Combine(_dir, "m.zrl"));
        Assert.True(code == 2, $"exit {code}: {error}{output}");
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_dir, "m.zrl")));
    }

    [Fact]
    public void RlTrain_OutIntoAFolderWithOtherFiles_TouchesOnlyItsOwnFiles()
    {
        foreach (string name in new[] { "config.json", "curve.csv", "curve.svg" })
        {
            File.WriteAllText(Path.Combine(_dir, name), "mine");
        }
        (int code, string output, string error) = CliRun.Run("", "rl", "train", "ppo", "CartPole-v1", "--steps", "256", "--out", Path.Combine(_dir, "x.zrl"), "--eval-episodes", "0");
        Assert.True(code == 0, error + output);
        foreach (string name in new[] { "config.json", "curve.csv", "curve.svg" })
        {
            Assert.Equal("mine", File.ReadAllText(Path.Combine(_dir, name)));
            Assert.True(File.Exists(Path.Combine(_dir, "x." + name)), "x." + name);
        }
        Assert.Empty(Directory.EnumerateFiles(_dir, "*.tmp"));
    }

    [Fact]
    public void RlTrain_OutIsAnExistingFolder_IsRefusedBeforeTraining()
    {
        (int code, string output, string error) = CliRun.Run("", "rl", "train", "ppo", "CartPole-v1", "--steps", "256", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
        Assert.DoesNotContain("trained", output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_dir + ".tmp") || File.Exists(_dir + ".tmp"));
    }

    [Fact]
    public void RlEval_FolderGivenAsModel_SaysItIsAFolder()
    {
        (int code, _, string error) = CliRun.Run("", "rl", "eval", _dir);
        Assert.Equal(2, code);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Analyze_FolderGivenAsWeights_SaysItIsAFolder()
    {
        (int code, _, string error) = CliRun.Run("4453\n", "analyze", "connect4", "--weights", _dir);
        Assert.NotEqual(0, code);
        Assert.Contains("is a folder", error, StringComparison.Ordinal);
    }

    [Fact]
    public void UciMatch_PgnIntoAMissingFolder_IsRefusedBeforeAnyGame()
    {
        string pgn = Path.Combine(_dir, "no", "such", "games.pgn");
        (int code, string output, string error) = CliRun.Run("", "uci-match", "--games", "1", "--pgn", pgn, "--stockfish", "/nonexistent/stockfish");
        Assert.Equal(2, code);
        Assert.Contains("does not exist; create it first", error, StringComparison.Ordinal);
        Assert.DoesNotContain("zero uci-match:", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_EndOfInputAtTheStart_PrintsAResumeCommandThatParses()
    {
        (int code, string output, _) = CliRun.Run("", "play", "connect4", "--opponent", "random");
        Assert.Equal(0, code);
        string hint = output.Split('\n').Single(l => l.StartsWith("To go on later: ", StringComparison.Ordinal))["To go on later: ".Length..].Trim();
        Assert.DoesNotContain("--position  ", hint, StringComparison.Ordinal);
        string[] args = hint.Split(' ')[1..]; // without "zero"; no quoting is needed for this game and opponent
        (int again, string output2, string error2) = CliRun.Run("", args);
        Assert.True(again == 0, error2 + output2);
    }
}
