using System.Globalization;
using System.Text.RegularExpressions;

namespace Zero.SelfPlay.Configuration;

/// <summary>
/// Durations as people type them on the command line and in configs: "90s", "10m", "2h", "1h30m", "1.5h", or a
/// plain number of seconds. Used by <c>--time</c> and <c>limits.time</c>.
/// </summary>
public static partial class DurationText
{
    [GeneratedRegex(@"^\s*(?:(\d+(?:\.\d+)?)\s*h)?\s*(?:(\d+(?:\.\d+)?)\s*m)?\s*(?:(\d+(?:\.\d+)?)\s*s)?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Pattern();

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = default;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double plain) && plain >= 0)
        {
            duration = TimeSpan.FromSeconds(plain);
            return true;
        }
        Match m = Pattern().Match(text);
        if (!m.Success || string.IsNullOrWhiteSpace(text) || !(m.Groups[1].Success || m.Groups[2].Success || m.Groups[3].Success))
        {
            return false;
        }
        double Part(int g) => m.Groups[g].Success ? double.Parse(m.Groups[g].Value, CultureInfo.InvariantCulture) : 0;
        duration = TimeSpan.FromHours(Part(1)) + TimeSpan.FromMinutes(Part(2)) + TimeSpan.FromSeconds(Part(3));
        return true;
    }

    /// <summary>Parses <paramref name="text"/>.</summary>
    /// <exception cref="ZeroException">Not a duration.</exception>
    public static TimeSpan Parse(string text) => TryParse(text, out TimeSpan d)
        ? d
        : throw new ZeroException($"'{text}' is not a duration: write 90s, 10m, 2h or 1h30m");

    /// <summary>A short form for people: "45s", "12m05s", "1h02m".</summary>
    public static string Format(TimeSpan duration) =>
        duration.TotalHours >= 1 ? $"{(int)duration.TotalHours}h{duration.Minutes:00}m"
        : duration.TotalMinutes >= 1 ? $"{(int)duration.TotalMinutes}m{duration.Seconds:00}s"
        : $"{duration.TotalSeconds:0}s";
}
