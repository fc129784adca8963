using System.Reflection;

namespace Zero.Cli.Tests;

/// <summary>Pins the dependency order of docs/architecture.md: references point down only.</summary>
public sealed class DependencyDirectionTests
{
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Zero.Engine"] = [],
        ["Zero.Games"] = [],
        ["Zero.Search"] = ["Zero.Games"],
        ["Zero.Arena"] = ["Zero.Games", "Zero.Search"], // below SelfPlay: training's evaluation uses its referee and statistics
        ["Zero.SelfPlay"] = ["Zero.Engine", "Zero.Games", "Zero.Search", "Zero.Arena"],
        ["Zero.Rl"] = ["Zero.Engine", "Zero.Games"], // Games for ZeroException, the root exception every assembly may see
        ["Zero.Uci"] = ["Zero.Engine", "Zero.Games", "Zero.Search", "Zero.SelfPlay"],
    };

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

    [Fact]
    public void Search_DoesNotSeeTensorCode()
    {
        Assembly search = Assembly.Load("Zero.Search");
        Assert.DoesNotContain(search.GetReferencedAssemblies(), a => a.Name == "Zero.Engine");
    }
}
