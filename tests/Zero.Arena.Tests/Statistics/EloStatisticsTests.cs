using Zero.Arena.Statistics;

namespace Zero.Arena.Tests.Statistics;

/// <summary>Pentanomial Elo figures against fastchess's published example (README of Disservin/fastchess).</summary>
public sealed class EloStatisticsTests
{
    [Fact]
    public void From_FastchessExample_GivesItsEloIntervalNEloAndLos()
    {
        // Ptnml(0-2): [1, 22, 52, 21, 4] -> Elo: 8.69 +/- 27.04, nElo: 15.51 +/- 48.15, LOS: 73.60 %
        EloStatistics s = EloStatistics.From(new Pentanomial(1, 22, 52, 21, 4));
        Assert.Equal(8.69, s.Elo, 2);
        Assert.Equal(27.04, s.EloError, 2);
        Assert.Equal(15.51, s.NElo, 2);
        Assert.Equal(48.15, s.NEloError, 2);
        Assert.Equal(0.7360, s.Los, 4);
        Assert.Equal(100, s.Pairs);
    }

    [Fact]
    public void From_MirroredCounts_NegatesEloAndNElo()
    {
        var counts = new Pentanomial(3, 10, 40, 30, 17);
        EloStatistics a = EloStatistics.From(counts), b = EloStatistics.From(counts.Flip());
        Assert.Equal(a.Elo, -b.Elo, 9);
        Assert.Equal(a.NElo, -b.NElo, 9);
        Assert.Equal(1, a.Los + b.Los, 6);
    }

    [Fact]
    public void From_NoPairs_IsUndecided()
    {
        EloStatistics s = EloStatistics.From(default);
        Assert.Equal(0.5, s.Score);
        Assert.True(double.IsNaN(s.Elo));
    }

    [Theory]
    [InlineData(0.0, 0.0)]
    [InlineData(0.5, 0.5204998778)]
    [InlineData(1.0, 0.8427007929)]
    [InlineData(-2.0, -0.9953222650)]
    public void Erf_KnownValues(double x, double expected) => Assert.Equal(expected, EloStatistics.Erf(x), 6);
}
