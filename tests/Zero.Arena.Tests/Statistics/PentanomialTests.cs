using Zero.Arena.Statistics;

namespace Zero.Arena.Tests.Statistics;

public sealed class PentanomialTests
{
    [Fact]
    public void AddPair_EachScore_FallsInItsBin()
    {
        Pentanomial p = default(Pentanomial)
            .AddPair(-1, -1)  // LL
            .AddPair(-1, 0).AddPair(0, -1)  // LD
            .AddPair(1, -1).AddPair(0, 0)  // WL + DD
            .AddPair(1, 0)  // WD
            .AddPair(1, 1).AddPair(1, 1).AddPair(1, 1);  // WW
        Assert.Equal(new Pentanomial(1, 2, 2, 1, 3), p);
        Assert.Equal(9, p.Pairs);
        Assert.Equal(new Pentanomial(3, 1, 2, 2, 1), p.Flip());
    }
}
