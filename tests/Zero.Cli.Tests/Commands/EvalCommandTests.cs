namespace Zero.Cli.Tests.Commands;

/// <summary>
/// `zero eval` on the shipped networks: the Connect Four table on a labelled file (raw network and with search) and
/// the tic-tac-toe audit of every reachable position; a missing weights file or a bad count is refused.
/// </summary>
public sealed class EvalCommandTests
{
    [Fact]
    public void Eval_TicTacToe_AuditsEveryReachablePositionAndPlaysThePerfectPlayer()
    {
        (int code, string output, string error) = CliRun.Run("", "eval", "tictactoe", "--playouts", "16");
        Assert.True(code == 0, error);
        Assert.Contains("4520 reachable positions", output, StringComparison.Ordinal);
        Assert.Contains("network (raw):", output, StringComparison.Ordinal);
        Assert.Contains("mcts:16", output, StringComparison.Ordinal);
        Assert.Contains("100 games against the perfect player", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Eval_Connect4OnALabelledFile_PrintsBothErrorRatesForRawAndSearch()
    {
        string weights = RepositoryRoot.Path("weights", "connect4-run", "generations");
        string? any = Directory.Exists(weights) ? Directory.EnumerateFiles(weights, "*.weights").Order().LastOrDefault() : null;
        string? shipped = RepositoryRoot.Path("weights", "connect4.weights");
        string path = File.Exists(shipped) ? shipped : any ?? throw new InvalidOperationException("no Connect Four network in weights/");
        string file = Path.Combine(Path.GetTempPath(), $"zero-eval-{Guid.NewGuid():N}.txt");
        string[] lines = File.ReadAllLines(RepositoryRoot.Path("data", "connect4", "positions_ply17-28.txt"));
        File.WriteAllLines(file, lines.Take(12));
        try
        {
            (int code, string output, string error) = CliRun.Run("", "eval", "connect4", "--weights", path, "--playouts", "16", "--file", file);
            Assert.True(code == 0, error);
            string name = Path.GetFileName(file);
            Assert.Matches($@"{name}\s+network \(raw\)\s+\d+\.\d% \(\d+/\d+\)\s+\d+\.\d% \(\d+/12\)", output);
            Assert.Matches($@"{name}\s+mcts:16\s+\d+\.\d% \(\d+/\d+\)\s+\d+\.\d% \(\d+/12\)", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Theory]
    [InlineData(1, "weights file '/nonexistent/x.weights' not found", "eval", "connect4", "--weights", "/nonexistent/x.weights")]
    [InlineData(2, "--playouts must be at least 1", "eval", "tictactoe", "--playouts", "0")]
    [InlineData(2, "zero eval measures connect4 and tictactoe", "eval", "chess")]
    public void Eval_BadInput_IsRefusedWithAMessage(int expectedCode, string message, params string[] args)
    {
        (int code, _, string error) = CliRun.Run("", args);
        Assert.Equal(expectedCode, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
