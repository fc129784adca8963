namespace Zero.Uci.Tests;

/// <summary>The zero.dll (the CLI) copied beside the tests, which the protocol tests start as a real process.</summary>
internal static class RepositoryPaths
{
    /// <summary>zero.dll in the test output folder.</summary>
    public static string ZeroDll => Path.Combine(AppContext.BaseDirectory, "zero.dll");
}
