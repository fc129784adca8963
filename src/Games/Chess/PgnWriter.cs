using System.Globalization;
using System.Text;

namespace Zero.Games.Chess;

/// <summary>
/// Writes games in PGN export format: the seven-tag roster first (missing ones as "?", the date as "????.??.??",
/// Result from the game), SetUp/FEN when the game does not start from the start position, then the other tags; the
/// movetext in SAN with move numbers ("1. e4 e5", "5... Nf6" after a Black start), lines of at most 80 characters,
/// ending with the result. Used by self-play and the arena to save games, and read back by <see cref="PgnReader"/>.
/// </summary>
public static class PgnWriter
{
    private const int LineWidth = 80;

    /// <summary>One game as PGN text, ending with a blank line.</summary>
    public static string Write(PgnGame game)
    {
        var sb = new StringBuilder();
        foreach (string tag in PgnGame.SevenTagRoster)
        {
            string value = tag == "Result" ? game.Result : game[tag] ?? (tag == "Date" ? "????.??.??" : "?");
            AppendTag(sb, tag, value);
        }
        bool customStart = game.Start.FormatPosition() != ChessPosition.Initial.FormatPosition();
        if (customStart)
        {
            AppendTag(sb, "SetUp", "1");
            AppendTag(sb, "FEN", game.Start.Fen);
        }
        foreach (var (tag, value) in game.Tags)
        {
            if (!PgnGame.SevenTagRoster.Contains(tag) && !(customStart && tag is "SetUp" or "FEN"))
            {
                AppendTag(sb, tag, value);
            }
        }
        sb.Append('\n');

        var line = new StringBuilder();
        void Token(string token)
        {
            if (line.Length > 0 && line.Length + 1 + token.Length > LineWidth)
            {
                sb.Append(line).Append('\n');
                line.Clear();
            }
            if (line.Length > 0)
            {
                line.Append(' ');
            }
            line.Append(token);
        }
        ChessPosition p = game.Start;
        bool first = true;
        foreach (ChessMove move in game.Moves)
        {
            int number = p.Board.FullmoveNumber;
            if (p.SideToMove == 0)
            {
                Token(number.ToString(CultureInfo.InvariantCulture) + ".");
            }
            else if (first)
            {
                Token(number.ToString(CultureInfo.InvariantCulture) + "...");
            }
            Token(p.FormatSan(move));
            p = p.Play(move);
            first = false;
        }
        Token(game.Result);
        sb.Append(line).Append("\n\n");
        return sb.ToString();
    }

    private static void AppendTag(StringBuilder sb, string tag, string value) =>
        sb.Append('[').Append(tag).Append(" \"")
          .Append(value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal))
          .Append("\"]\n");
}
