using Zero.Uci.Protocol;

namespace Zero.Uci.Tests.Protocol;

public sealed class EngineOptionsTests
{
    [Theory]
    [InlineData("Threads", "--threads")]
    [InlineData("MoveOverhead", "--move-overhead")]
    [InlineData("UCI_ShowWDL", "--uci-show-wdl")]
    [InlineData("MultiPV", "--multi-pv")]
    [InlineData("CPuct", "--c-puct")]
    public void CliFlag_FromUciName_IsKebabCase(string name, string flag) =>
        Assert.Equal(flag, EngineOptions.Find(name)!.CliFlag);

    [Fact]
    public void All_NamesAndFlags_AreUnique()
    {
        Assert.Equal(EngineOptions.All.Count, EngineOptions.All.Select(o => o.Name.ToUpperInvariant()).Distinct().Count());
        Assert.Equal(EngineOptions.All.Count, EngineOptions.All.Select(o => o.CliFlag).Distinct().Count());
    }

    [Fact]
    public void All_DefaultsAreValidValues()
    {
        foreach (UciOption o in EngineOptions.All)
        {
            Assert.True(o.TryNormalize(o.Default, out _, out string? error), error);
        }
    }

    [Fact]
    public void UciLine_Spin_HasTypeDefaultMinMax() =>
        Assert.Equal("option name Threads type spin default 2 min 1 max 256", EngineOptions.Threads.UciLine());

    [Theory]
    [InlineData("Threads", "0")]
    [InlineData("Threads", "257")]
    [InlineData("Threads", "two")]
    [InlineData("Ponder", "maybe")]
    [InlineData("NoSuchOption", "1")]
    public void TrySet_BadNameOrValue_FailsWithReasonAndKeepsValue(string name, string value)
    {
        var values = new OptionValues();
        Assert.False(values.TrySet(name, value, out string? error));
        Assert.False(string.IsNullOrEmpty(error));
        Assert.Equal(2, values.GetLong(EngineOptions.Threads));
        Assert.False(values.GetBool(EngineOptions.Ponder));
    }

    [Fact]
    public void TrySet_AnyCase_SetsCanonicalValue()
    {
        var values = new OptionValues();
        Assert.True(values.TrySet("uci_showwdl", "TRUE", out _));
        Assert.True(values.GetBool(EngineOptions.ShowWdl));
        Assert.True(values.TrySet("cpuct", "250", out _));
        Assert.Equal(2.5, values.GetDouble(EngineOptions.CPuct));
    }

    [Fact]
    public void ToMctsOptions_HashInMiB_GivesNodeCap()
    {
        var values = new OptionValues();
        Assert.True(values.TrySet("Hash", "34", out _));
        Assert.Equal(1 << 20, EngineOptions.ToMctsOptions(values).MaxNodes);
    }

    [Fact]
    public void ToMctsOptions_Solver_OnByDefaultAndSettable()
    {
        var values = new OptionValues();
        Assert.True(EngineOptions.ToMctsOptions(values).Solver);
        Assert.True(values.TrySet("Solver", "false", out _));
        Assert.False(EngineOptions.ToMctsOptions(values).Solver);
    }

    [Fact]
    public void OptionsDoc_InRepository_IsCurrent()
    {
        string path = RepositoryRoot.Path("docs", "options.md");
        Assert.True(File.Exists(path), "docs/options.md is missing: run 'zero uci --options-doc > docs/options.md'");
        Assert.True(File.ReadAllText(path) == EngineOptions.Markdown(),
            "docs/options.md is out of date: run './zero uci --options-doc > docs/options.md'");
    }
}
