namespace Zero.Cli.Tests.Opponents;

/// <summary>`zero play --opponent mcts:N`: the search plays through the opponent factory in any game.</summary>
public sealed class MctsOpponentTests
{
    [Fact]
    public void Play_TicTacToeAgainstMcts_GameEndsAndMctsMoves()
    {
        string script = string.Concat(Enumerable.Repeat("1\n2\n3\n4\n5\n6\n7\n8\n9\n", 3));
        (int code, string output, string error) = CliRun.Run(script, "play", "tictactoe", "--opponent", "mcts:200");
        Assert.True(code == 0, error);
        Assert.Contains("mcts:200 (O) plays ", output, StringComparison.Ordinal);
        Assert.Contains("Result: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mcts")]
    [InlineData("mcts:0")]
    [InlineData("mcts:lots")]
    public void Play_BadMctsSpec_ExitCode2WithExample(string spec)
    {
        (int code, _, string error) = CliRun.Run("", "play", "connect4", "--opponent", spec);
        Assert.Equal(2, code);
        Assert.Contains("mcts:2000", error, StringComparison.Ordinal);
    }
}
