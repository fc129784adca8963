namespace Zero;

/// <summary>
/// Finds the checkout of the repository (the folder that holds Zero.sln), so that default paths — the shipped
/// networks in weights/, the labelled positions in data/, the reference scripts in bench/ — work from wherever the
/// program runs inside it. Looks in the current folder and its parents, then beside the program and its parents (the
/// <c>./zero</c> launcher runs the program from .build/ inside the checkout; tests run from tests/*/bin/ inside it).
/// No path is baked into the binaries, so a copied checkout finds itself. Callers: the CLI's defaults and the tests.
/// </summary>
public static class RepositoryRoot
{
    /// <summary>The name of the file that marks the repository root.</summary>
    public const string Marker = "Zero.sln";

    /// <summary>The repository root, or null when neither the current folder nor the program's lies inside a checkout.</summary>
    public static string? TryFind() =>
        Candidates().FirstOrDefault(dir => File.Exists(System.IO.Path.Combine(dir, Marker)));

    /// <summary>The repository root.</summary>
    /// <exception cref="ZeroException">Neither the current folder nor the program's folder lies inside a checkout.</exception>
    public static string Find() => TryFind() ?? throw new ZeroException(
        $"cannot find the repository checkout (a folder with {Marker}) above '{Directory.GetCurrentDirectory()}' or " +
        $"'{AppContext.BaseDirectory}': run from inside the checkout, or give the file's path explicitly");

    /// <summary>A path inside the repository root, e.g. <c>Path("data", "connect4")</c>.</summary>
    /// <exception cref="ZeroException">No checkout was found (see <see cref="Find"/>).</exception>
    public static string Path(params string[] parts) => System.IO.Path.Combine([Find(), .. parts]);

    /// <summary>The first existing file <paramref name="relative"/> under a checkout of the search order, or null.</summary>
    public static string? FindFile(string relative) =>
        Candidates().Select(dir => System.IO.Path.Combine(dir, relative)).FirstOrDefault(File.Exists);

    private static IEnumerable<string> Candidates()
    {
        foreach (string start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
            {
                yield return dir.FullName;
            }
        }
    }
}
