using System.Globalization;

namespace Zero.Games.Go;

/// <summary>
/// GTP vertices: a column letter A–Z without I, then the row number counted from the bottom (A1 is the
/// bottom-left corner, "D4"), plus "pass" and "resign". Used by positions, `zero play go`, `zero analyze go`
/// and the GTP front-end.
/// </summary>
public static class GoCoordinates
{
    /// <summary>The 25 column letters.</summary>
    public const string Letters = "ABCDEFGHJKLMNOPQRSTUVWXYZ";

    /// <summary>Formats a move on a <paramref name="size"/>×<paramref name="size"/> board ("D4", "pass", "resign").</summary>
    public static string Format(GoMove move, int size) =>
        move.IsPass ? "pass" : move.IsResign ? "resign" :
        Letters[move.Col] + (size - move.Row).ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses a vertex, "pass" or "resign" (case-insensitive) on a <paramref name="size"/> board. Never throws.</summary>
    public static bool TryParse(string text, int size, out GoMove move, out string? error)
    {
        move = GoMove.Pass;
        string t = text.Trim().ToUpperInvariant();
        if (t == "PASS")
        {
            error = null;
            return true;
        }
        if (t == "RESIGN")
        {
            move = GoMove.Resign;
            error = null;
            return true;
        }
        int col = t.Length >= 2 ? Letters.IndexOf(t[0], StringComparison.Ordinal) : -1;
        if (col < 0 || !int.TryParse(t.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out int number))
        {
            error = $"'{text}' is not a move: write a column letter A-{Letters[size - 1]} (no I) and a row 1-{size}, e.g. D4, or pass";
            return false;
        }
        if (col >= size || number < 1 || number > size)
        {
            error = $"'{text}' is off the {size}x{size} board: columns A-{Letters[size - 1]} (no I), rows 1-{size}";
            return false;
        }
        move = GoMove.At(size - number, col);
        error = null;
        return true;
    }
}
