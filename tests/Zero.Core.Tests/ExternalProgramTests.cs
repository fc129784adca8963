namespace Zero.Core.Tests;

/// <summary>Programs are found on PATH (sh is always there); a missing one is null, or a message saying how to install it.</summary>
public sealed class ExternalProgramTests
{
    [Fact]
    public void Find_AProgramOnPath_GivesItsFullPath()
    {
        string? sh = ExternalProgram.Find("sh");
        Assert.NotNull(sh);
        Assert.True(Path.IsPathRooted(sh));
        Assert.True(File.Exists(sh));
    }

    [Fact]
    public void Find_AnExistingPath_ReturnsIt() => Assert.Equal("/bin/sh", ExternalProgram.Find("/bin/sh"));

    [Fact]
    public void Require_AMissingProgram_SaysHowToInstallIt()
    {
        Assert.Null(ExternalProgram.Find("zero-no-such-program"));
        var e = Assert.Throws<ZeroException>(() => ExternalProgram.Require("zero-no-such-program", "apt-get install -y nothing"));
        Assert.Contains("apt-get install -y nothing", e.Message, StringComparison.Ordinal);
        Assert.Contains("/usr/games", e.Message, StringComparison.Ordinal);
        Assert.NotNull(ExternalProgram.MissingReason("zero-no-such-program", "nothing"));
    }
}
