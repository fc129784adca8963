using Zero.Arena.Engines;
using Zero.Games;

namespace Zero.Arena.Tests.Engines;

public sealed class EngineSpecTests
{
    [Fact]
    public void Parse_EachThenOwn_OwnKeysWinAndOptionsAccumulate()
    {
        EngineSpec s = EngineSpec.Parse(["tc=10+0.1", "option.Hash=16", "timemargin=50"], ["name=sf3", "cmd=stockfish", "proto=uci", "option.Skill Level=3", "option.hash=32", "dir=/tmp", "args=-a -b"]);
        Assert.Equal("sf3", s.Name);
        Assert.Equal("stockfish", s.Command);
        Assert.Equal(TimeSpan.FromSeconds(10), s.Limit.Base);
        Assert.Equal(TimeSpan.FromMilliseconds(100), s.Limit.Increment);
        Assert.Equal(TimeSpan.FromMilliseconds(50), s.Margin);
        Assert.Equal([new("Skill Level", "3"), new("hash", "32")], s.Options);
        Assert.Equal(["-a", "-b"], s.Arguments);
        Assert.Equal("/tmp", s.Directory);
    }

    [Theory]
    [InlineData("40/60+0.6", 40, 60, 0.6)]
    [InlineData("2+0.05", 0, 2, 0.05)]
    [InlineData("60", 0, 60, 0)]
    public void Parse_TimeControls(string tc, int moves, double seconds, double increment)
    {
        EngineSpec s = EngineSpec.Parse([], ["cmd=x", "tc=" + tc]);
        Assert.Equal(moves, s.Limit.MovesPerPeriod);
        Assert.Equal(TimeSpan.FromSeconds(seconds), s.Limit.Base);
        Assert.Equal(TimeSpan.FromSeconds(increment), s.Limit.Increment);
    }

    [Theory]
    [InlineData("needs a limit", "cmd=stockfish")]
    [InlineData("either cmd=", "name=x")]
    [InlineData("unknown key 'colour'", "cmd=x", "tc=1", "colour=white")]
    [InlineData("tc=1:30", "cmd=x", "tc=1:30")]
    [InlineData("proto=xboard", "cmd=x", "tc=1", "proto=xboard")]
    public void Parse_Mistakes_SayWhatToWrite(string message, params string[] own)
    {
        var e = Assert.Throws<ZeroException>(() => EngineSpec.Parse([], own));
        Assert.Contains(message.Replace("needs a limit", "give it a limit", StringComparison.Ordinal), e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InternalPlayer_NeedsNoLimit()
    {
        EngineSpec s = EngineSpec.Parse([], ["player=alphabeta:4"]);
        Assert.Equal("alphabeta:4", s.Name);
        Assert.Null(s.Command);
    }
}
