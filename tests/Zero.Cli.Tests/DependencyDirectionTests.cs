using System.Reflection;

namespace Zero.Cli.Tests;

/// <summary>Pins the dependency order of docs/architecture.md: references point down only.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Zero.Core"] = [],
        ["Zero.Engine"] = ["Zero.Core"],
        ["Zero.Engine.Gpu"] = ["Zero.Core", "Zero.Engine"],
        ["Zero.Games"] = ["Zero.Core"],
        ["Zero.Search"] = ["Zero.Core", "Zero.Games"],
        ["Zero.Network"] = ["Zero.Core", "Zero.Engine", "Zero.Games", "Zero.Search"],
        ["Zero.Arena"] = ["Zero.Core", "Zero.Games", "Zero.Search"], // below SelfPlay: training's evaluation uses its referee and statistics
        ["Zero.SelfPlay"] = ["Zero.Core", "Zero.Engine", "Zero.Games", "Zero.Search", "Zero.Network", "Zero.Arena"],
        ["Zero.Rl"] = ["Zero.Core", "Zero.Engine"],
        ["Zero.Uci"] = ["Zero.Core", "Zero.Engine", "Zero.Games", "Zero.Search", "Zero.Network"],
    };

    /// <summary>Every Zero assembly the command references is in the table, so a new assembly cannot slip past it.</summary>
    [Fact]
    public void Table_CoversEveryAssemblyOfTheCommand()
    {
        string[] missing = Assembly.Load("zero").GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Zero.", StringComparison.Ordinal))
            .Except(Allowed.Keys)
            .ToArray();
        Assert.True(missing.Length == 0, $"add {string.Join(", ", missing)} to the table (and to docs/architecture.md)");
    }

    public static TheoryData<string> AssemblyNames() => new(Allowed.Keys);

    [Theory]
    [MemberData(nameof(AssemblyNames))]
    public void Assembly_ReferencesOnlyAssembliesBelowIt(string name)
    {
        Assembly assembly = Assembly.Load(name);
        string[] zeroReferences = assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith("Zero.", StringComparison.Ordinal) || n == "zero")
            .ToArray();
        string[] forbidden = zeroReferences.Except(Allowed[name]).ToArray();
        Assert.True(forbidden.Length == 0, $"{name} must not reference {string.Join(", ", forbidden)}");
    }

    [Theory]
    [InlineData("Zero.Engine")]
    [InlineData("Zero.Search")]
    [InlineData("Zero.Network")]
    [InlineData("Zero.SelfPlay")]
    [InlineData("Zero.Uci")]
    public void Assembly_DoesNotSeeTheGpuBackend(string name)
    {
        Assembly assembly = Assembly.Load(name);
        Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name is "Zero.Engine.Gpu" or "ILGPU");
    }

    [Fact]
    public void Search_DoesNotSeeTensorCode()
    {
        Assembly search = Assembly.Load("Zero.Search");
        Assert.DoesNotContain(search.GetReferencedAssemblies(), a => a.Name == "Zero.Engine");
    }
}
