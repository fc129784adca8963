using Zero.Engine.Models;

namespace Zero.Engine.Tests.Models;

public sealed class PolicyValueNetConfigTests
{
    [Fact]
    public void ReferenceNetworks_HaveThePublishedParameterCountsAndFlops()
    {
        Assert.Equal(449_370, PolicyValueNetConfig.Connect4.ParameterCount);
        Assert.Equal(472_701, PolicyValueNetConfig.Go9.ParameterCount);
        Assert.Equal(7_161_541, PolicyValueNetConfig.Chess.ParameterCount);
        Assert.Equal(37.33, PolicyValueNetConfig.Connect4.FlopsPerPosition / 1e6, 2);
        Assert.Equal(73.32, PolicyValueNetConfig.Go9.FlopsPerPosition / 1e6, 2);
        Assert.Equal(403.19, PolicyValueNetConfig.Chess.FlopsPerPosition / 1e6, 2);
    }
}
