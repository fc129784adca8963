namespace Zero.Cli.Tests.Commands;

/// <summary>
/// `zero train` from the command line: a tiny run writes every artefact of the run folder, a second call resumes it
/// where it stopped, and bad usage (unknown game, unknown config key, bad --time) is refused with a message.
/// </summary>
public sealed class TrainCommandTests
{
    // A tiny tic-tac-toe run: few games, few playouts, a 1-block 8-channel net, few evaluation games.
    private static readonly string[] Tiny =
    [
        "network.blocks=1", "network.channels=8", "network.valueHidden=8",
        "selfPlay.gamesPerGeneration=12", "selfPlay.parallelGames=4", "selfPlay.playouts=8",
        "training.batchSize=16", "training.minPositions=20",
        "evaluation.gamesVsPrevious=2", "evaluation.gamesPerBaseline=2", "evaluation.playouts=8",
    ];

    [Fact]
    public void Train_TinyRun_WritesTheRunFolderAndResumes()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"zero-train-cli-{Guid.NewGuid():N}");
        try
        {
            (int code, string output, string error) = CliRun.Run("", ["train", "tictactoe", "--run", folder, "--generations", "1", .. Tiny]);
            Assert.True(code == 0, error + output);
            Assert.Contains("gen 1 |", output, StringComparison.Ordinal);
            Assert.Contains($"Continue with: ./zero train tictactoe --run {folder}", output, StringComparison.Ordinal);
            foreach (string file in new[] { "run.json", "experience.db", "checkpoint.bin", "metrics.jsonl", "losses.svg", "generations/gen-0001.weights" })
            {
                Assert.True(File.Exists(Path.Combine(folder, file)), $"{file} is missing after the run");
            }

            // The second call reads run.json and continues from generation 1 to 2.
            (code, output, error) = CliRun.Run("", "train", "tictactoe", "--run", folder, "--generations", "2");
            Assert.True(code == 0, error + output);
            Assert.Contains("resumed", output, StringComparison.Ordinal);
            Assert.Contains("gen 2 |", output, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder, "generations", "gen-0002.weights")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData(2, "unknown game 'nosuchgame'", "train", "nosuchgame")]
    [InlineData(2, "--time '5 minutes' is not a duration", "train", "tictactoe", "--time", "5 minutes")]
    [InlineData(1, "training.learningRat", "train", "tictactoe", "training.learningRat=0.1")]
    [InlineData(1, "training.valueTargetQWeight must be in [0, 1]", "train", "tictactoe", "training.valueTargetQWeight=2")]
    public void Train_BadUsage_IsRefusedWithAMessage(int expectedCode, string message, params string[] args)
    {
        string folder = Path.Combine(Path.GetTempPath(), $"zero-train-bad-{Guid.NewGuid():N}");
        (int code, _, string error) = CliRun.Run("", [.. args, "--run", folder]);
        Assert.Equal(expectedCode, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any(f => f.EndsWith(".weights", StringComparison.Ordinal)),
            "a refused run must not start training");
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
