using System.Reflection;

namespace Zero.Cli;

/// <summary>
/// Finds the repository checkout and the networks it ships, weights/&lt;game&gt;.weights, so that `zero play`,
/// `zero analyze`, `zero match` and `zero eval` use the trained network when the user names none, and the benches
/// find ../shared. Looks in the current folder and its parents, then beside the program and its parents (the
/// `./zero` launcher runs the program from .build/ inside the checkout), then in the checkout the program was built
/// from (tests and copies of the build run elsewhere).
/// </summary>
internal static class Checkout
{
    /// <summary>The shipped weights file of <paramref name="game"/>, or null when no checkout has one.</summary>
    public static string? ShippedWeights(string game)
    {
        string file = Path.Combine("weights", $"{game}.weights");
        return Candidates().Select(dir => Path.Combine(dir, file)).FirstOrDefault(File.Exists);
    }

    /// <summary>The repository root: the first folder of the search order that holds Zero.sln.</summary>
    /// <exception cref="ZeroException">No folder of the search order is a checkout.</exception>
    public static string Root() =>
        Candidates().FirstOrDefault(dir => File.Exists(Path.Combine(dir, "Zero.sln")))
        ?? throw new Zero.Games.ZeroException("cannot find the repository root (a folder with Zero.sln): run from inside the checkout or pass the file's path");

    private static IEnumerable<string> Candidates()
    {
        string? built = typeof(Checkout).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value;
        foreach (string? root in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory, built })
        {
            if (root is null)
            {
                continue;
            }
            for (DirectoryInfo? dir = new(root); dir is not null; dir = dir.Parent)
            {
                yield return dir.FullName;
            }
        }
    }
}
