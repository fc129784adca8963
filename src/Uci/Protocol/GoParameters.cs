using System.Globalization;
using Zero.Uci.Time;

namespace Zero.Uci.Protocol;

/// <summary>
/// The arguments of one UCI `go` line: clocks (wtime btime winc binc movestogo), limits (depth nodes movetime mate),
/// modes (infinite ponder) and searchmoves. Parsed by <see cref="TryParse"/>, which never throws; used by
/// <see cref="UciEngine"/> to set the search limits.
/// </summary>
public sealed record GoParameters
{
    public TimeSpan? WTime { get; init; }
    public TimeSpan? BTime { get; init; }
    public TimeSpan? WInc { get; init; }
    public TimeSpan? BInc { get; init; }
    public int? MovesToGo { get; init; }
    public int? Depth { get; init; }
    public long? Nodes { get; init; }
    public TimeSpan? MoveTime { get; init; }
    public bool Infinite { get; init; }
    public bool Ponder { get; init; }
    public IReadOnlyList<string> SearchMoves { get; init; } = [];

    /// <summary>True when nothing but `stop` (or `ponderhit`) ends the search: `infinite`, or no limit at all.</summary>
    public bool Unlimited => Infinite || (WTime is null && BTime is null && MoveTime is null && Depth is null && Nodes is null);

    /// <summary>The clock of <paramref name="side"/> (0 White, 1 Black).</summary>
    public TimeControl ClockFor(int side) => new(side == 0 ? WTime : BTime, side == 0 ? WInc : BInc, MovesToGo, MoveTime);

    /// <summary>
    /// Parses the words after `go`. Unknown words and missing numbers are an error whose message names the word and the
    /// known ones; <paramref name="parameters"/> then still holds every part that did parse (the bad words skipped), so
    /// the engine can answer every `go` with a move. Numbers too large for their field count as the largest value.
    /// </summary>
    public static bool TryParse(IReadOnlyList<string> words, out GoParameters parameters, out string? error)
    {
        var p = new GoParameters();
        var searchMoves = new List<string>();
        var problems = new List<string>();
        for (int i = 0; i < words.Count; i++)
        {
            string w = words[i];
            switch (w)
            {
                case "infinite":
                    p = p with { Infinite = true };
                    continue;
                case "ponder":
                    p = p with { Ponder = true };
                    continue;
                case "searchmoves":
                    while (i + 1 < words.Count && LooksLikeMove(words[i + 1]))
                    {
                        searchMoves.Add(words[++i]);
                    }
                    continue;
            }
            if (!KnownWords.Contains(w))
            {
                problems.Add($"unknown word '{w}' (known: {string.Join(' ', KnownWords)})");
                continue;
            }
            if (i + 1 >= words.Count || !TryParseNumber(words[i + 1], out long n))
            {
                problems.Add($"'{w}' needs a whole number after it{(i + 1 < words.Count ? $", not '{words[i + 1]}'" : "")}");
                if (i + 1 < words.Count && !KnownWords.Contains(words[i + 1]))
                {
                    i++;
                }
                continue;
            }
            i++;
            // GUIs may send negative clocks when a player is already late: treat as zero. A clock above 10^12 ms (31 years)
            // counts as that much, so no value overflows a TimeSpan.
            TimeSpan ms = TimeSpan.FromMilliseconds(Math.Clamp(n, 0, 1_000_000_000_000));
            switch (w)
            {
                case "wtime": p = p with { WTime = ms }; break;
                case "btime": p = p with { BTime = ms }; break;
                case "winc": p = p with { WInc = ms }; break;
                case "binc": p = p with { BInc = ms }; break;
                case "movetime": p = p with { MoveTime = ms }; break;
                case "movestogo": p = p with { MovesToGo = (int)Math.Clamp(n, 0, 10000) }; break;
                case "depth": p = p with { Depth = (int)Math.Clamp(n, 1, 1000) }; break;
                case "nodes": p = p with { Nodes = Math.Max(1, n) }; break;
                default: p = p with { Depth = (int)Math.Clamp(2 * Math.Clamp(n, -1000, 1000), 1, 1000) }; break; // mate
            }
        }
        parameters = p with { SearchMoves = searchMoves };
        error = problems.Count == 0 ? null : "go: " + string.Join("; ", problems);
        return error is null;
    }

    /// <summary>A whole number; one beyond the 64-bit range counts as the nearest end of it (`go nodes 99999999999999999999`).</summary>
    private static bool TryParseNumber(string text, out long value)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value))
        {
            return true;
        }
        string digits = text.StartsWith('-') || text.StartsWith('+') ? text[1..] : text;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            value = text.StartsWith('-') ? long.MinValue : long.MaxValue;
            return true;
        }
        return false;
    }

    private static readonly string[] KnownWords =
        ["wtime", "btime", "winc", "binc", "movestogo", "depth", "nodes", "mate", "movetime", "infinite", "ponder", "searchmoves"];

    private static bool LooksLikeMove(string w) =>
        w.Length is 4 or 5 && w[0] is >= 'a' and <= 'h' && w[1] is >= '1' and <= '8' && w[2] is >= 'a' and <= 'h' && w[3] is >= '1' and <= '8';
}
