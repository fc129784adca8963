namespace Zero.Uci.Tests;

/// <summary>Finds Debian-packaged programs (polyglot, stockfish) on PATH or in /usr/games, where Debian puts them.</summary>
internal static class ExternalPrograms
{
    public static string? Find(string name)
    {
        foreach (string dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/games"))
        {
            if (dir.Length > 0 && File.Exists(Path.Combine(dir, name)))
            {
                return Path.Combine(dir, name);
            }
        }
        return null;
    }
}

/// <summary>A fact that is skipped, with the reason and the fix, when polyglot is not installed.</summary>
public sealed class PolyglotFactAttribute : FactAttribute
{
    public PolyglotFactAttribute()
    {
        if (ExternalPrograms.Find("polyglot") is null)
        {
            Skip = "polyglot is not installed (apt-get install -y polyglot; .ci/run installs it)";
        }
    }
}

/// <summary>A fact that is skipped, with the reason and the fix, when stockfish is not installed.</summary>
public sealed class StockfishFactAttribute : FactAttribute
{
    public StockfishFactAttribute()
    {
        if (ExternalPrograms.Find("stockfish") is null)
        {
            Skip = "stockfish is not installed (apt-get install -y stockfish; .ci/run installs it)";
        }
    }
}
