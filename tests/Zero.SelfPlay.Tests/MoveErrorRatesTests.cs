using Zero.Games;
using Zero.SelfPlay.Benchmarks;

namespace Zero.SelfPlay.Tests;

public class MoveErrorRatesTests
{
    private static string DataFile(string name) => Path.Combine(RepositoryPaths.Root, "..", "shared", "data", "connect4", name);

    [Fact]
    public void TryParse_ReadmeExampleLine_AllFields()
    {
        Assert.True(LabelledPosition.TryParse("441145675554661512672165 7 3 | -1 6 7 0 x -1 -1", out LabelledPosition? p, out string? error), error);
        Assert.Equal(24, p!.Position.Ply);
        Assert.Equal(7, p.Score);
        Assert.Equal([2], p.Optimal);
        Assert.Null(p.ColumnValues[4]);
        Assert.Equal(7, p.ColumnValues[2]);
        Assert.True(p.DistinguishesOutcomes);
        Assert.False(p.IsOutcomeError(1)); // 6 is also a win
        Assert.True(p.IsExactError(1));
        Assert.True(p.IsOutcomeError(3)); // draw where a win exists
        Assert.True(p.IsOutcomeError(0)); // loss
    }

    [Theory]
    [InlineData("4453 0 4 | 0 0 0 0 0 0", "7 column values")]
    [InlineData("4453 zero 4 | 0 0 0 0 0 0 0", "score")]
    [InlineData("4453 0 9 | 0 0 0 0 0 0 0", "optimal column")]
    [InlineData("4458 0 4 | 0 0 0 0 0 0 0", "moves")]
    [InlineData("4453 0 4", "expected")]
    public void TryParse_MalformedLine_ReasonSaysWhat(string line, string expected)
    {
        Assert.False(LabelledPosition.TryParse(line, out _, out string? error));
        Assert.Contains(expected, error);
    }

    [Theory]
    [InlineData("positions_ply10-16.txt")]
    [InlineData("positions_ply17-28.txt")]
    public void Measure_OptimalAndWorstChoosers_ZeroAndFullErrors(string file)
    {
        IReadOnlyList<LabelledPosition> positions = MoveErrorRates.ReadFile(DataFile(file));
        Assert.Equal(400, positions.Count);
        MoveErrorRates perfect = MoveErrorRates.Measure(positions, () => pos =>
            positions.First(p => p.Position == pos).Optimal.Min(), threads: 2);
        Assert.Equal(0, perfect.OutcomeErrors);
        Assert.Equal(0, perfect.ExactErrors);
        Assert.InRange(perfect.OutcomePositions, 1, 400);

        MoveErrorRates worst = MoveErrorRates.Measure(positions, () => pos =>
        {
            LabelledPosition p = positions.First(x => x.Position == pos);
            return Enumerable.Range(0, 7).Where(c => p.ColumnValues[c] is not null).MinBy(c => p.ColumnValues[c]!.Value);
        });
        Assert.Equal(worst.OutcomePositions, worst.OutcomeErrors);
        Assert.Equal(1.0, worst.OutcomeErrorRate);
    }

    [Fact]
    public void ReadFile_MissingOrMalformed_MessageNamesFileAndLine()
    {
        Assert.Contains("not found", Assert.Throws<ZeroException>(() => MoveErrorRates.ReadFile("/nonexistent/x.txt")).Message);
        using var temp = new TempFolder();
        string path = temp.File("bad.txt");
        File.WriteAllLines(path, ["4453 0 4 | 0 0 0 0 0 0 0", "garbage"]);
        var e = Assert.Throws<ZeroException>(() => MoveErrorRates.ReadFile(path));
        Assert.Contains("bad.txt:2", e.Message);
    }
}
