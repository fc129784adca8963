namespace Zero.Cli.Tests.Commands;

/// <summary>`zero play` driven by a script: whole games end with a result line, bad entries re-prompt, bad usage exits 2.</summary>
public sealed class PlayCommandTests
{
    // Cycling through every column: whenever one is full the command says so and reads the next line,
    // so this script always lasts until the game ends.
    private static readonly string EveryColumnInTurn = string.Concat(Enumerable.Repeat("4\n3\n5\n2\n6\n1\n7\n", 60));

    [Fact]
    public void Play_Connect4AgainstAlphaBeta4_EndsWithAResultLine()
    {
        (int code, string output, string error) = CliRun.Run(EveryColumnInTurn, "play", "connect4", "--opponent", "alphabeta:4");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("Result: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Moves: ", StringComparison.Ordinal));
        Assert.Contains("alphabeta:4 (O) plays ", output, StringComparison.Ordinal);
        Assert.Contains("Your move (X): 4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_SideSecond_OpponentMovesFirst()
    {
        (int code, string output, _) = CliRun.Run("quit\n", "play", "connect4", "--opponent", "alphabeta:2", "--side", "second");
        Assert.Equal(0, code);
        Assert.Contains("you play O (second)", output, StringComparison.Ordinal);
        Assert.True(output.IndexOf("alphabeta:2 (X) plays", StringComparison.Ordinal) < output.IndexOf("Your move (O)", StringComparison.Ordinal));
        Assert.Contains("You stopped the game.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_BadEntries_ArePromptedAgainAndEndOfInputStopsPolitely()
    {
        (int code, string output, _) = CliRun.Run("x\n9\n\nmoves\n4\n", "play", "connect4", "--opponent", "random");
        Assert.Equal(0, code);
        Assert.Contains("Not a legal move: 'x' is not a column: type a number 1-7", output, StringComparison.Ordinal);
        Assert.Contains("Not a legal move: '9' is not a column", output, StringComparison.Ordinal);
        Assert.Contains("Legal moves: 1 2 3 4 5 6 7", output, StringComparison.Ordinal);
        Assert.Contains("End of input.", output, StringComparison.Ordinal);
        Assert.Contains("Game stopped after 2 plies. The moves so far: 4", output, StringComparison.Ordinal);
        Assert.Contains("To go on later: zero play connect4 --position 4", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_FullColumn_SaysChooseAnother()
    {
        (int code, string output, _) = CliRun.Run("1\n1\n1\n", "play", "connect4", "--opponent", "random", "--position", "11111");
        Assert.Equal(0, code);
        Assert.Contains("column 1 is full: choose another column", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_TicTacToeAgainstPerfect_NeverLetsThePersonWin()
    {
        string script = string.Concat(Enumerable.Repeat("1\n2\n3\n4\n5\n6\n7\n8\n9\n", 5));
        (int code, string output, _) = CliRun.Run(script, "play", "tictactoe", "--seed", "3", "--opponent", "perfect");
        Assert.Equal(0, code);
        Assert.Contains("against perfect", output, StringComparison.Ordinal);
        Assert.Contains("Result: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(you win)", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_TicTacToeByDefault_IsAgainstTheShippedNetworkWhichNeverLetsThePersonWin()
    {
        string script = string.Concat(Enumerable.Repeat("1\n2\n3\n4\n5\n6\n7\n8\n9\n", 5));
        (int code, string output, _) = CliRun.Run(script, "play", "tictactoe", "--side", "first");
        Assert.Equal(0, code);
        Assert.Contains("against net:tictactoe:800", output, StringComparison.Ordinal);
        Assert.Contains("Result: ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("(you win)", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("unknown game 'chesss': choose one of tictactoe, connect4", "play", "chesss")]
    [InlineData("unknown opponent 'minimax': choose random, perfect (tictactoe), alphabeta:DEPTH or alphabeta:TIMEms (connect4), mcts:PLAYOUTS", "play", "connect4", "--opponent", "minimax")]
    [InlineData("bad opponent 'alphabeta:deep'", "play", "connect4", "--opponent", "alphabeta:deep")]
    [InlineData("opponent 'perfect' exists only for tictactoe", "play", "connect4", "--opponent", "perfect")]
    [InlineData("opponent 'alphabeta' exists only for connect4", "play", "tictactoe", "--opponent", "alphabeta:3")]
    [InlineData("bad --position '8'", "play", "connect4", "--position", "8")]
    [InlineData("left", "play", "connect4", "--side", "left")]
    public void Play_BadUsage_ExitsWith2AndSaysHowToFix(string message, params string[] args)
    {
        (int code, string output, string error) = CliRun.Run("", args);
        Assert.Equal(ZeroCli.BadUsage, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Your move", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_ListsTheCommands()
    {
        (int code, string output, _) = CliRun.Run("", "--help");
        Assert.Equal(0, code);
        Assert.Contains("play", output, StringComparison.Ordinal);
        Assert.Contains("bench", output, StringComparison.Ordinal);
    }
}
