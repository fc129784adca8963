namespace Zero.Cli.Tests.Commands;

/// <summary>`zero bench solver` on small labelled files: it counts agreements, and a wrong label makes it fail loudly.</summary>
public sealed class BenchSolverCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("zero-bench-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(params string[] lines)
    {
        string path = Path.Combine(_folder, "positions.txt");
        File.WriteAllLines(path, lines);
        return path;
    }

    [Fact]
    public void BenchSolver_CorrectLabels_ReportsFullAgreement()
    {
        string path = Write(
            "33347455151222275 5 2,3,5,6,7 | 4 5 5 -12 5 5 5",
            "441145675554661512672165 7 3 | -1 6 7 0 x -1 -1");
        (int code, string output, string error) = CliRun.Run("", "bench", "solver", "--file", path, "--table-bits", "18");
        Assert.True(code == 0, error);
        Assert.Contains("agree with the labels 2/2", output, StringComparison.Ordinal);
        Assert.Contains("positions/s", output, StringComparison.Ordinal);
        Assert.Contains("nodes/s", output, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchSolver_AllColumnsJson_PrintsOneObject()
    {
        string path = Write("441145675554661512672165 7 3 | -1 6 7 0 x -1 -1");
        (int code, string output, _) = CliRun.Run("", "bench", "solver", "--file", path, "--all-columns", "--json", "--table-bits", "18");
        Assert.Equal(0, code);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(1, json.RootElement.GetProperty("agree").GetInt32());
        Assert.Equal("all-columns", json.RootElement.GetProperty("mode").GetString());
    }

    [Fact]
    public void BenchSolver_WrongLabel_ExitsWith1AndNamesThePosition()
    {
        string path = Write("441145675554661512672165 6 3 | -1 6 7 0 x -1 -1");
        (int code, string output, string error) = CliRun.Run("", "bench", "solver", "--file", path, "--table-bits", "18");
        Assert.Equal(ZeroCli.Failure, code);
        Assert.Contains("disagrees: 441145675554661512672165: score 7, label 6", output, StringComparison.Ordinal);
        Assert.Contains("disagrees with the labels on 1 of 1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void BenchSolver_MissingFile_SaysHowToFix()
    {
        (int code, _, string error) = CliRun.Run("", "bench", "solver", "--file", Path.Combine(_folder, "none.txt"));
        Assert.Equal(ZeroCli.Failure, code);
        Assert.Contains("pass --file PATH", error, StringComparison.Ordinal);
    }
}
