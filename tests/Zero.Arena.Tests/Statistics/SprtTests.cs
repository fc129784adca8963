using Zero.Arena.Statistics;

namespace Zero.Arena.Tests.Statistics;

/// <summary>
/// The SPRT against fishtest's definitions: the reference LLRs below come from fishtest's LLRcalc.py formulas
/// (LLR_normalized, LLR_logistic: regularised pentanomial, maximum-likelihood distributions by the secular equation
/// and the t-value iteration), evaluated in double precision outside this code base.
/// </summary>
public sealed class SprtTests
{
    [Fact]
    public void Bounds_AlphaBetaFivePercent_ArePlusMinus2Point94()
    {
        var sprt = new Sprt(0, 5, 0.05, 0.05, SprtModel.Normalized);
        Assert.Equal(-2.944, sprt.Lower, 3);
        Assert.Equal(2.944, sprt.Upper, 3);
    }

    [Theory]
    [InlineData(0, 5, new[] { 1, 22, 52, 21, 4 }, 0.1086227336, 0.1650891239)]
    [InlineData(0, 2, new[] { 1000, 20000, 50000, 21000, 1200 }, 12.5058106105, 18.6119758256)]
    [InlineData(0, 100, new[] { 0, 3, 10, 20, 15 }, 10.2393455076, 11.8515884327)]
    [InlineData(-1.75, 0.25, new[] { 412, 5820, 12310, 5905, 430 }, 1.8828922884, 4.3337322348)]
    [InlineData(0, 10, new[] { 5, 40, 100, 50, 8 }, 0.6114085307, 0.8394729388)]
    public void Llr_Counts_MatchFishtest(double elo0, double elo1, int[] counts, double normalized, double logistic)
    {
        Pentanomial p = Pentanomial.FromCounts(counts);
        Assert.Equal(normalized, new Sprt(elo0, elo1, 0.05, 0.05, SprtModel.Normalized).Llr(p), 6);
        Assert.Equal(logistic, new Sprt(elo0, elo1, 0.05, 0.05, SprtModel.Logistic).Llr(p), 6);
    }

    [Fact]
    public void Decide_PastEachBound_AcceptsThatHypothesis()
    {
        var sprt = new Sprt(0, 100, 0.05, 0.05, SprtModel.Normalized);
        Assert.Equal(SprtDecision.H1, sprt.Decide(sprt.Llr(new Pentanomial(0, 3, 10, 20, 15))));
        Assert.Equal(SprtDecision.H0, sprt.Decide(sprt.Llr(new Pentanomial(15, 20, 10, 3, 0))));
        Assert.Equal(SprtDecision.Continue, sprt.Decide(sprt.Llr(new Pentanomial(1, 2, 3, 2, 1))));
    }

    [Fact]
    public void Problem_BadParameters_SaysWhatToChange()
    {
        Assert.Contains("elo1 must be larger", new Sprt(5, 0, 0.05, 0.05, SprtModel.Logistic).Problem(), StringComparison.Ordinal);
        Assert.Contains("error rates", new Sprt(0, 5, 0.7, 0.05, SprtModel.Logistic).Problem(), StringComparison.Ordinal);
        Assert.Null(new Sprt(0, 5, 0.05, 0.05, SprtModel.Logistic).Problem());
    }
}
