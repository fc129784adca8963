using System.Runtime.CompilerServices;

namespace Zero.Uci.Tests;

/// <summary>Finds the repository root (the folder with Zero.sln, found from this source file's path, as the build output may live elsewhere) and the zero.dll copied beside the tests.</summary>
internal static class RepositoryPaths
{
    public static string Root => FindRoot();

    private static string FindRoot([CallerFilePath] string source = "")
    {
        foreach (string start in new[] { Path.GetDirectoryName(source) ?? "", AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (DirectoryInfo? d = new(start); d is not null; d = d.Parent)
            {
                if (File.Exists(Path.Combine(d.FullName, "Zero.sln")))
                {
                    return d.FullName;
                }
            }
        }
        throw new InvalidOperationException($"Zero.sln not found above {source} or {AppContext.BaseDirectory}");
    }

    /// <summary>zero.dll (the CLI) in the test output folder.</summary>
    public static string ZeroDll => Path.Combine(AppContext.BaseDirectory, "zero.dll");
}
