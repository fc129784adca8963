using System.Globalization;

namespace Zero.Uci.Gtp;

/// <summary>
/// One GTP command line after the protocol's preprocessing (GTP v2 §3.1): control characters other than tab and
/// newline dropped, tabs turned into spaces, everything after '#' a comment; then an optional numeric id, the
/// command name and its arguments. Parsed by <see cref="GtpEngine"/> for every line; never throws.
/// </summary>
/// <param name="Id">The numeric id to echo in the reply, or null.</param>
/// <param name="Command">The command name (empty for a line with only an id).</param>
/// <param name="Arguments">The arguments, split on white space.</param>
public sealed record GtpRequest(int? Id, string Command, IReadOnlyList<string> Arguments)
{
    /// <summary>Parses a line; null for a blank or comment-only line.</summary>
    public static GtpRequest? Parse(string line)
    {
        var clean = new System.Text.StringBuilder(line.Length);
        foreach (char c in line)
        {
            if (c == '#')
            {
                break;
            }
            if (c == '\t')
            {
                clean.Append(' ');
            }
            else if (!char.IsControl(c))
            {
                clean.Append(c);
            }
        }
        string[] words = clean.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return null;
        }
        int? id = null;
        int start = 0;
        if (words[0].All(char.IsAsciiDigit) && int.TryParse(words[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            id = n;
            start = 1;
        }
        return new GtpRequest(id, start < words.Length ? words[start] : "", words[(start + Math.Min(1, words.Length - start))..]);
    }

    /// <summary>True when <paramref name="line"/> is GoGui's interrupt comment (`# interrupt`).</summary>
    public static bool IsInterrupt(string line) => line.TrimStart().StartsWith("# interrupt", StringComparison.OrdinalIgnoreCase);
}
