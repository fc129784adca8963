namespace Zero.Arena.Engines;

/// <summary>One GTP reply as <see cref="GtpClient"/> reads it.</summary>
/// <param name="Success">True for `=`, false for `?`.</param>
/// <param name="Id">The echoed id, or null.</param>
/// <param name="Text">The text after the status, the id and one space, lines joined by '\n' (an empty first line dropped, the end trimmed).</param>
public sealed record GtpReply(bool Success, int? Id, string Text)
{
    /// <summary>Builds a reply from its lines (the first starts with `=` or `?`).</summary>
    public static GtpReply From(IReadOnlyList<string> lines)
    {
        string first = lines[0];
        bool success = first.StartsWith('=');
        int i = 1;
        while (i < first.Length && char.IsAsciiDigit(first[i]))
        {
            i++;
        }
        int? id = i > 1 ? int.Parse(first[1..i], System.Globalization.CultureInfo.InvariantCulture) : null;
        string head = first[i..];
        head = head.StartsWith(' ') ? head[1..] : head;
        IEnumerable<string> rest = lines.Skip(1);
        string text = (head.Length == 0 && lines.Count > 1 ? string.Join('\n', rest) : string.Join('\n', [head, .. rest])).TrimEnd();
        return new GtpReply(success && (first.Length > 0), id, text);
    }
}
