using System.Globalization;

namespace Zero.Arena.Participants;

/// <summary>
/// How long a participant may think, as fastchess and cutechess write it per engine: a clock `tc=moves/time+inc`
/// (sudden death when moves is absent), a fixed time per move `st=seconds`, or a fixed node (playout) count
/// `nodes=N`. A limit with none of them is untimed (internal players use their own playout or depth limit).
/// Parsed from `--engine`/`--each` by the arena command; read by the referee (clocks) and by engines (`go ...`).
/// </summary>
public sealed record SearchLimit(TimeSpan? Base = null, TimeSpan Increment = default, int MovesPerPeriod = 0, TimeSpan? MoveTime = null, long? Nodes = null)
{
    /// <summary>No clock, no fixed time, no node count.</summary>
    public static SearchLimit Untimed { get; } = new();

    /// <summary>True when the game has a clock (tc=...).</summary>
    public bool HasClock => Base is not null;

    /// <summary>Parses `moves/time+inc` ("10+0.1", "40/60", "60", "0:30+1" is not accepted) into a clock limit.</summary>
    public static bool TryParseTimeControl(string text, out SearchLimit limit, out string? error)
    {
        limit = Untimed;
        error = $"tc={text}: write [moves/]seconds[+increment], e.g. tc=10+0.1, tc=40/60 or tc=2+0.05";
        string rest = text.Trim();
        int moves = 0;
        int slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            if (!int.TryParse(rest[..slash], NumberStyles.None, CultureInfo.InvariantCulture, out moves) || moves < 1)
            {
                return false;
            }
            rest = rest[(slash + 1)..];
        }
        string[] parts = rest.Split('+');
        if (parts.Length is < 1 or > 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !(seconds > 0) || double.IsInfinity(seconds))
        {
            return false;
        }
        double increment = 0;
        if (parts.Length == 2 && (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out increment) || !(increment >= 0) || double.IsInfinity(increment)))
        {
            return false;
        }
        error = null;
        limit = new SearchLimit(TimeSpan.FromSeconds(seconds), TimeSpan.FromSeconds(increment), moves);
        return true;
    }

    /// <summary>The limit in fastchess's words ("10+0.1", "40/60", "st=1", "nodes=1000", "untimed").</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (Base is { } b)
        {
            string clock = (MovesPerPeriod > 0 ? $"{MovesPerPeriod}/" : "") + b.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            if (Increment > TimeSpan.Zero)
            {
                clock += "+" + Increment.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture);
            }
            parts.Add(clock);
        }
        if (MoveTime is { } st)
        {
            parts.Add("st=" + st.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture));
        }
        if (Nodes is { } n)
        {
            parts.Add("nodes=" + n.ToString(CultureInfo.InvariantCulture));
        }
        return parts.Count == 0 ? "untimed" : string.Join(' ', parts);
    }
}
