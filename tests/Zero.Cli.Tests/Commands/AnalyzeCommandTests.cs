using System.Text.Json;

namespace Zero.Cli.Tests.Commands;

/// <summary>`zero analyze` through ZeroCli.Run: one JSON object per input line, errors per line, exit codes.</summary>
public sealed class AnalyzeCommandTests : IDisposable
{
    private readonly string _input = Path.Combine(Path.GetTempPath(), $"zero-analyze-{Guid.NewGuid():N}.txt");

    public void Dispose() => File.Delete(_input);

    private (int Code, JsonElement[] Lines, string Error) Run(string lines, params string[] args)
    {
        File.WriteAllText(_input, lines);
        var output = new StringWriter();
        var error = new StringWriter();
        int code = ZeroCli.Run([.. args, "--input", _input], output, error);
        JsonElement[] parsed = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
        return (code, parsed, error.ToString());
    }

    [Fact]
    public void Analyze_ConnectFourLines_OneObjectPerLineWithBestMoves()
    {
        var (code, lines, _) = Run("112233\n11223\n\n", "analyze", "connect4", "--playouts", "1500", "--evaluator", "rollout");
        Assert.Equal(0, code);
        Assert.Equal(3, lines.Length);
        Assert.Equal("4", lines[0].GetProperty("bestmove").GetString()); // win
        Assert.Equal("4", lines[1].GetProperty("bestmove").GetString()); // block
        Assert.Equal("", lines[2].GetProperty("position").GetString());
        JsonElement first = lines[0];
        Assert.Equal(1500, first.GetProperty("nodes").GetInt64());
        Assert.Equal(1499, first.GetProperty("visits").EnumerateObject().Sum(p => p.Value.GetInt32()));
        Assert.Equal(1.0, first.GetProperty("q").GetProperty("4").GetDouble());
        Assert.Equal(1.0, first.GetProperty("value").GetDouble()); // the solver proved the win: exact
        Assert.Equal("win", first.GetProperty("proven").GetString());
        Assert.Equal(1, first.GetProperty("proven_plies").GetInt32());
        Assert.False(lines[1].TryGetProperty("proven", out _)); // the block only holds: nothing proven
        Assert.Equal("4", first.GetProperty("pv")[0].GetString());
        Assert.True(first.GetProperty("time_ms").GetDouble() >= 0);
        Assert.False(first.TryGetProperty("policy", out _)); // no network: no policy
    }

    [Fact]
    public void Analyze_BadLine_ErrorObjectAndRunContinues()
    {
        var (code, lines, _) = Run("1111111\n4\n", "analyze", "c4", "--playouts", "50", "--evaluator", "uniform");
        Assert.Equal(0, code);
        Assert.Equal(2, lines.Length);
        Assert.Contains("column 1 is full", lines[0].GetProperty("error").GetString(), StringComparison.Ordinal);
        Assert.Equal("1111111", lines[0].GetProperty("position").GetString());
        Assert.True(lines[1].TryGetProperty("bestmove", out _));
    }

    [Fact]
    public void Analyze_StandardInput_ReadsTheCommandsInput()
    {
        (int code, string output, string error) = CliRun.Run("112233\nxyz\n", "analyze", "connect4", "--playouts", "300", "--evaluator", "uniform");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("4", JsonDocument.Parse(lines[0]).RootElement.GetProperty("bestmove").GetString());
        Assert.True(JsonDocument.Parse(lines[1]).RootElement.TryGetProperty("error", out _));
    }

    [Fact]
    public void Analyze_FinishedGame_ResultInsteadOfMove()
    {
        var (_, lines, _) = Run("14253\n", "analyze", "tictactoe", "--playouts", "10");
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("bestmove").ValueKind);
        Assert.Equal("loss", lines[0].GetProperty("result").GetString());
        Assert.Equal(-1, lines[0].GetProperty("value").GetDouble());
    }

    [Fact]
    public void Analyze_OneThread_SameOutputTwiceApartFromTime()
    {
        static string WithoutTime(JsonElement e) => string.Join(",", e.EnumerateObject().Where(p => p.Name != "time_ms").Select(p => p.ToString()));
        var (_, a, _) = Run("4453\n", "analyze", "connect4", "--playouts", "500");
        var (_, b, _) = Run("4453\n", "analyze", "connect4", "--playouts", "500");
        Assert.Equal(WithoutTime(a[0]), WithoutTime(b[0]));
    }

    [Fact]
    public void Analyze_NetWithoutWeights_UsesTheShippedNetwork()
    {
        // weights/connect4.weights is the default of --evaluator net (weights/README.md).
        var (code, lines, error) = Run("4453\n", "analyze", "connect4", "--evaluator", "net", "--playouts", "40");
        Assert.True(code == 0, error);
        Assert.Equal(7, lines[0].GetProperty("policy").EnumerateObject().Count());
        Assert.Equal(40, lines[0].GetProperty("nodes").GetInt64());
    }

    [Fact]
    public void Analyze_NetWithRandomWeights_PolicyPerMoveSumsToOne()
    {
        var (code, lines, error) = Run("4453\n", "analyze", "connect4", "--weights", "random", "--playouts", "40");
        Assert.True(code == 0, error);
        JsonElement policy = lines[0].GetProperty("policy");
        Assert.Equal(7, policy.EnumerateObject().Count());
        Assert.Equal(1.0, policy.EnumerateObject().Sum(p => p.Value.GetDouble()), 2);
        Assert.Equal(40, lines[0].GetProperty("nodes").GetInt64());

        var (_, raw, _) = Run("4453\n", "analyze", "connect4", "--weights", "random", "--playouts", "0");
        JsonElement rawPolicy = raw[0].GetProperty("policy");
        string best = rawPolicy.EnumerateObject().MaxBy(p => p.Value.GetDouble()).Name;
        Assert.Equal(best, raw[0].GetProperty("bestmove").GetString()); // no search: the network's own choice
        Assert.Equal(policy.ToString(), rawPolicy.ToString()); // the same priors with and without search (no noise)
    }

    [Fact]
    public void Analyze_MissingWeightsFile_FailsWithHint()
    {
        var (code, _, error) = Run("\n", "analyze", "connect4", "--weights", "/nonexistent/c4.weights");
        Assert.Equal(1, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("analyze", "nosuchgame")]
    [InlineData("analyze", "connect4", "--evaluator", "magic")]
    [InlineData("analyze", "connect4", "--threads", "0")]
    [InlineData("analyze", "connect4", "--weights", "x.bin", "--evaluator", "uniform")]
    public void Analyze_BadUsage_ExitCode2(params string[] args)
    {
        var (code, _, error) = Run("\n", args);
        Assert.Equal(2, code);
        Assert.StartsWith("zero:", error, StringComparison.Ordinal);
    }
}
