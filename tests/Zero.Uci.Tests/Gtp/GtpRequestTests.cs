using Zero.Uci.Gtp;

namespace Zero.Uci.Tests.Gtp;

public sealed class GtpRequestTests
{
    [Theory]
    [InlineData("12 play b D4", 12, "play", "b D4")]
    [InlineData("genmove w", null, "genmove", "w")]
    [InlineData("  name  # comment", null, "name", "")]
    [InlineData("3\tboardsize\t19", 3, "boardsize", "19")]
    [InlineData("komi 6\u00015", null, "komi", "65")]
    [InlineData("5", 5, "", "")]
    public void Parse_Line_SplitsIdCommandAndArguments(string line, int? id, string command, string arguments)
    {
        GtpRequest r = GtpRequest.Parse(line)!;
        Assert.Equal(id, r.Id);
        Assert.Equal(command, r.Command);
        Assert.Equal(arguments, string.Join(' ', r.Arguments));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("# only a comment")]
    public void Parse_BlankOrComment_IsNull(string line) => Assert.Null(GtpRequest.Parse(line));

    [Fact]
    public void IsInterrupt_GoGuiInterruptLine_IsRecognised()
    {
        Assert.True(GtpRequest.IsInterrupt("# interrupt"));
        Assert.False(GtpRequest.IsInterrupt("name"));
    }
}
