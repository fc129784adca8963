using System.Text;

namespace Zero.Games.Go;

/// <summary>
/// Writes an <see cref="SgfGame"/> as SGF FF[4] (one main line, UTF-8): GM FF CA SZ KM RU HA PB PW DT RE C, the
/// setup stones AB/AW, PL when the first player is not the default, then B/W moves with passes as <c>[]</c>.
/// Text values escape <c>]</c> and <c>\</c>. Called by `zero play go --sgf-out`, tests and GTP's printsgf.
/// </summary>
public static class SgfWriter
{
    /// <summary>The game as SGF text, ending with a newline.</summary>
    public static string Write(SgfGame game)
    {
        GoSetup setup = game.Setup;
        GoRules rules = setup.Rules;
        var sb = new StringBuilder();
        sb.Append("(;GM[1]FF[4]CA[UTF-8]SZ[").Append(rules.Size).Append("]KM[").Append(GoRules.FormatKomi(rules.Komi)).Append(']');
        sb.Append("RU[").Append(Escape(game.RulesText ?? (rules.RuleSet == GoRuleSet.TrompTaylor ? "Tromp-Taylor" : "Chinese"))).Append(']');
        if (setup.Handicap.Count > 0) sb.Append("HA[").Append(setup.Handicap.Count).Append(']');
        AppendText(sb, "PB", game.PlayerBlack);
        AppendText(sb, "PW", game.PlayerWhite);
        AppendText(sb, "DT", game.Date);
        AppendText(sb, "RE", game.Result);
        AppendText(sb, "C", game.Comment);
        AppendPoints(sb, "AB", setup.Handicap.Concat(setup.Black));
        AppendPoints(sb, "AW", setup.White);
        if (setup.First != setup.DefaultFirst) sb.Append("PL[").Append(setup.First == GoColor.White ? 'W' : 'B').Append(']');
        sb.Append('\n');
        int column = 0;
        foreach (SgfMove m in game.Moves)
        {
            sb.Append(';').Append(m.Color == GoColor.Black ? 'B' : 'W').Append('[');
            if (m.Move.IsPoint) sb.Append(Coordinate(m.Move));
            sb.Append(']');
            AppendText(sb, "C", m.Comment);
            if (++column % 12 == 0) sb.Append('\n');
        }
        sb.Append(")\n");
        return sb.ToString();
    }

    private static void AppendText(StringBuilder sb, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            sb.Append(name).Append('[').Append(Escape(value)).Append(']');
        }
    }

    private static void AppendPoints(StringBuilder sb, string name, IEnumerable<GoMove> points)
    {
        bool any = false;
        foreach (GoMove p in points)
        {
            if (!any) sb.Append(name);
            any = true;
            sb.Append('[').Append(Coordinate(p)).Append(']');
        }
    }

    private static string Coordinate(GoMove m) => new([(char)('a' + m.Col), (char)('a' + m.Row)]);

    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("]", "\\]", StringComparison.Ordinal);
}
