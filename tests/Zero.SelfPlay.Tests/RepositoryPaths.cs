using System.Runtime.CompilerServices;

namespace Zero.SelfPlay.Tests;

/// <summary>Finds the repository root from this source file (tests may run from an artifacts folder elsewhere).</summary>
internal static class RepositoryPaths
{
    public static string Root => Find();

    private static string Find([CallerFilePath] string source = "")
    {
        for (string? dir = Path.GetDirectoryName(source); dir is not null; dir = Path.GetDirectoryName(dir))
        {
            if (File.Exists(Path.Combine(dir, "Zero.sln")))
            {
                return dir;
            }
        }
        throw new InvalidOperationException("repository root (Zero.sln) not found above " + source);
    }
}
