using Zero.Arena.Statistics;

namespace Zero.Arena.Tests.Statistics;

public class EloEstimateTests
{
    [Theory]
    [InlineData(0.5, 0)]
    [InlineData(0.75, 190.85)]
    [InlineData(0.25, -190.85)]
    [InlineData(0.9090909, 400)]
    public void FromScore_KnownValues(double score, double elo)
    {
        Assert.Equal(elo, EloEstimate.FromScore(score), 1);
    }

    [Fact]
    public void ExpectedScore_InvertsFromScore()
    {
        for (double d = -600; d <= 600; d += 50)
        {
            Assert.Equal(d, EloEstimate.FromScore(EloEstimate.ExpectedScore(d)), 6);
        }
    }

    [Fact]
    public void FromResults_IntervalContainsEstimateAndShrinksWithGames()
    {
        EloEstimate small = EloEstimate.FromResults(6, 2, 2);
        EloEstimate large = EloEstimate.FromResults(600, 200, 200);
        Assert.Equal(small.Difference, large.Difference, 6);
        Assert.True(small.Low < small.Difference && small.Difference < small.High);
        Assert.True(large.High - large.Low < (small.High - small.Low) / 5);
    }

    [Fact]
    public void FromResults_AllWinsOrAllLosses_ReportsBound()
    {
        Assert.Equal(EloEstimate.MaxDifference, EloEstimate.FromResults(10, 0, 0).Difference);
        Assert.Equal(-EloEstimate.MaxDifference, EloEstimate.FromResults(0, 0, 10).Difference);
        Assert.StartsWith("≥", EloEstimate.FromResults(10, 0, 0).ToString());
        Assert.Equal(0, EloEstimate.FromResults(0, 10, 0).Difference);
    }
}
