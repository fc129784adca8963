using System.Globalization;
using Zero.Uci.Time;

namespace Zero.Uci.Uci;

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

    /// <summary>Parses the words after `go`. Unknown words are an error; the message names the word and the known ones.</summary>
    public static bool TryParse(IReadOnlyList<string> words, out GoParameters parameters, out string? error)
    {
        parameters = new GoParameters();
        var p = new GoParameters();
        var searchMoves = new List<string>();
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
            if (i + 1 >= words.Count || !long.TryParse(words[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n))
            {
                error = KnownWords.Contains(w)
                    ? $"go: '{w}' needs a number after it"
                    : $"go: unknown word '{w}'; known: {string.Join(' ', KnownWords)}";
                return false;
            }
            i++;
            // GUIs may send negative clocks when a player is already late: treat as zero.
            TimeSpan ms = TimeSpan.FromMilliseconds(Math.Max(0, n));
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
                case "mate": p = p with { Depth = (int)Math.Clamp(2 * n, 1, 1000) }; break;
                default:
                    error = $"go: unknown word '{w}'; known: {string.Join(' ', KnownWords)}";
                    return false;
            }
        }
        parameters = p with { SearchMoves = searchMoves };
        error = null;
        return true;
    }

    private static readonly string[] KnownWords =
        ["wtime", "btime", "winc", "binc", "movestogo", "depth", "nodes", "mate", "movetime", "infinite", "ponder", "searchmoves"];

    private static bool LooksLikeMove(string w) =>
        w.Length is 4 or 5 && w[0] is >= 'a' and <= 'h' && w[1] is >= '1' and <= '8' && w[2] is >= 'a' and <= 'h' && w[3] is >= '1' and <= '8';
}
