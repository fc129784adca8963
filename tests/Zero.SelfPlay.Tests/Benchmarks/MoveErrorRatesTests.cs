using Zero.Games.ConnectFour;
using Zero.SelfPlay.Benchmarks;

namespace Zero.SelfPlay.Tests.Benchmarks;

public class MoveErrorRatesTests
{
    private static string DataFile(string name) => RepositoryRoot.Path("data", "connect4", name);

    [Fact]
    public void ErrorKinds_ExampleLine_ClassifiedByResultClass()
    {
        Assert.True(LabelledPosition.TryParse("441145675554661512672165 7 3 | -1 6 7 0 x -1 -1", out LabelledPosition? p, out string? error), error);
        Assert.True(MoveErrorRates.DistinguishesOutcomes(p!));
        Assert.False(MoveErrorRates.IsOutcomeError(p!, 1)); // 6 is also a win
        Assert.True(MoveErrorRates.IsExactError(p!, 1));
        Assert.False(MoveErrorRates.IsExactError(p!, 2));
        Assert.True(MoveErrorRates.IsOutcomeError(p!, 3)); // a draw where a win exists
        Assert.True(MoveErrorRates.IsOutcomeError(p!, 0)); // a loss
        Assert.True(LabelledPosition.TryParse("4453 -3 4 | -5 -5 -5 -3 -5 -5 -5", out LabelledPosition? allLost, out _));
        Assert.False(MoveErrorRates.DistinguishesOutcomes(allLost!));
    }

    [Theory]
    [InlineData("positions_ply10-16.txt")]
    [InlineData("positions_ply17-28.txt")]
    public void Measure_OptimalAndWorstChoosers_NoErrorsAndAllErrors(string file)
    {
        IReadOnlyList<LabelledPosition> positions = LabelledPosition.ReadFile(DataFile(file));
        var byPosition = positions.ToDictionary(p => p.Position);
        MoveErrorRates perfect = MoveErrorRates.Measure(positions, () => pos => byPosition[pos].OptimalColumns[0], threads: 2);
        Assert.Equal(400, perfect.Positions);
        Assert.Equal(0, perfect.OutcomeErrors);
        Assert.Equal(0, perfect.ExactErrors);
        Assert.InRange(perfect.OutcomePositions, 1, 400);

        MoveErrorRates worst = MoveErrorRates.Measure(positions, () => pos =>
        {
            LabelledPosition p = byPosition[pos];
            return Enumerable.Range(0, 7).Where(c => p.ColumnValues[c] is not null).MinBy(c => p.ColumnValues[c]!.Value);
        });
        Assert.Equal(worst.OutcomePositions, worst.OutcomeErrors);
        Assert.Equal(1.0, worst.OutcomeErrorRate);
        Assert.True(worst.ExactErrorRate > 0.9);
    }
}
