namespace Zero.Arena.Engines;

/// <summary>
/// Finds an engine program by name on PATH and in /usr/games (where Debian puts stockfish and gnugo, often not on
/// PATH), so `cmd=stockfish` works as written. A name with a slash is used as given.
/// </summary>
public static class ProgramPath
{
    /// <summary>The full path of <paramref name="name"/>, or <paramref name="name"/> itself when it is not found.</summary>
    public static string Resolve(string name)
    {
        if (name.Contains('/', StringComparison.Ordinal))
        {
            return name;
        }
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/games"))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, name)))
            {
                return Path.Combine(dir, name);
            }
        }
        return name;
    }
}
