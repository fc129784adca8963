using Zero.Uci.Gtp;

namespace Zero.Uci.Tests.Gtp;

public sealed class GtpOptionsTests
{
    [Fact]
    public void All_NamesAndFlagsUnique_DefaultsValid()
    {
        Assert.Equal(GtpOptions.All.Count, GtpOptions.All.Select(o => o.Name.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(GtpOptions.All.Count, GtpOptions.All.Select(o => o.CliFlag).Distinct().Count());
        foreach (var o in GtpOptions.All)
        {
            Assert.True(o.TryNormalize(o.Default, out _, out string? error), error);
        }
    }

    [Fact]
    public void OptionsDoc_IsCurrent()
    {
        string path = RepositoryRoot.Path("docs", "gtp-options.md");
        Assert.True(File.Exists(path), "docs/gtp-options.md is missing: run './zero gtp --options-doc > docs/gtp-options.md'");
        Assert.True(File.ReadAllText(path) == GtpOptions.Markdown(), "docs/gtp-options.md is out of date: run './zero gtp --options-doc > docs/gtp-options.md'");
    }
}
