namespace Zero.Cli.Tests.Commands;

/// <summary>`zero match`: distinct openings with colours swapped, a score line with Elo, the `net` opponent, bad usage.</summary>
public sealed class MatchCommandTests
{
    [Fact]
    public void Match_PerfectAgainstRandom_NeverLosesAndPrintsTheScore()
    {
        (int code, string output, string error) = CliRun.Run("", "match", "tictactoe", "perfect", "random", "--games", "8", "--threads", "2");
        Assert.True(code == 0, error);
        Assert.Contains("8 games from 4 openings of 1 random plies", output, StringComparison.Ordinal);
        Assert.Matches(@"perfect vs random: \+\d+ =\d+ -0  score", output);
        Assert.Equal(4, output.Split('\n').Count(l => l.Contains(" as first, ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Match_ShippedNetworkAgainstRandom_Wins()
    {
        (int code, string output, string error) = CliRun.Run("", "match", "tictactoe", "net:50", "random", "--games", "6", "--threads", "1");
        Assert.True(code == 0, error);
        Assert.Matches(@"net:tictactoe:50 vs random: \+\d+ =\d+ -0  score", output);
    }

    [Theory]
    [InlineData(2, "--games 3: give an even number", "match", "tictactoe", "random", "random", "--games", "3")]
    [InlineData(2, "unknown opponent 'best'", "match", "connect4", "best", "random")]
    [InlineData(2, "the playout count must be 1 or more", "match", "connect4", "net:0", "random")]
    [InlineData(1, "weights file 'missing.weights' does not exist", "match", "connect4", "net:missing.weights", "random")]
    public void Match_BadUsage_IsRefusedWithAMessage(int expectedCode, string message, params string[] args)
    {
        (int code, _, string error) = CliRun.Run("", args);
        Assert.Equal(expectedCode, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
