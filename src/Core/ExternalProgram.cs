namespace Zero;

/// <summary>
/// Finds external programs the product talks to or measures against — stockfish, polyglot, gnugo, pachi, python3 —
/// on PATH and then in /usr/games, where Debian installs its engines (and which is not on a default PATH). Callers:
/// the benches, the match and arena commands, and the tests that skip when a program is missing.
/// </summary>
public static class ExternalProgram
{
    /// <summary>Extra folders searched after PATH.</summary>
    public static IReadOnlyList<string> ExtraFolders { get; } = ["/usr/games"];

    /// <summary>The full path of <paramref name="name"/> (a bare program name, or a path which is returned when it exists), or null.</summary>
    public static string? Find(string name)
    {
        if (name.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return File.Exists(name) ? Path.GetFullPath(name) : null;
        }
        IEnumerable<string> folders = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Concat(ExtraFolders);
        foreach (string dir in folders)
        {
            string candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /// <summary>The full path of <paramref name="name"/>.</summary>
    /// <param name="name">The program, e.g. "stockfish".</param>
    /// <param name="howToInstall">How to get it, e.g. "apt-get install -y stockfish"; shown in the message.</param>
    /// <exception cref="ZeroException">The program is neither on PATH nor in /usr/games.</exception>
    public static string Require(string name, string howToInstall) => Find(name) ?? throw new ZeroException(
        $"{name} was not found on PATH or in /usr/games: install it ({howToInstall}) or give its path");

    /// <summary>The reason a test that needs <paramref name="name"/> is skipped, or null when it is installed.</summary>
    public static string? MissingReason(string name, string package) => Find(name) is null
        ? $"{name} is not installed (apt-get install -y {package}; .ci/run installs it)"
        : null;
}
