using System.Globalization;
using System.Text;

namespace Zero.Games.Go;

/// <summary>
/// The text form of a Go position, read and written by <see cref="GoPosition{TFrame}"/> (and so by `zero analyze
/// go`, `zero play go --position` and tests): key-value tokens, then the moves.
/// <code>
/// size 9 komi 7.5 rules chinese [ko situational] [handicap C3,G7] [black D4,E5] [white C4] [first white] moves E5 D5 pass
/// </code>
/// Every part is optional; defaults are the game type's frame size, komi 7.5, Chinese rules, positional superko,
/// no setup, Black first (White after handicap). A text that starts with a move ("D4 Q16 pass") is just moves.
/// "" and "-" are the initial position.
/// </summary>
public static class GoPositionText
{
    /// <summary>Reads a position text into its setup and moves. Never throws.</summary>
    public static bool TryParse(string text, int defaultSize, out GoSetup setup, out GoMove[] moves, out string? error)
    {
        setup = GoSetup.Empty(new GoRules(defaultSize));
        moves = [];
        string[] tokens = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (tokens.Length == 0 || tokens is ["-"])
        {
            error = null;
            return true;
        }
        int size = defaultSize;
        double komi = 7.5;
        GoRuleSet ruleSet = GoRuleSet.Chinese;
        GoKoRule ko = GoKoRule.Positional;
        string? handicap = null, black = null, white = null;
        GoColor? first = null;
        int i = 0;
        for (; i < tokens.Length; i++)
        {
            string key = tokens[i].ToLowerInvariant();
            if (key == "moves")
            {
                i++;
                break;
            }
            if (key is not ("size" or "komi" or "rules" or "ko" or "handicap" or "black" or "white" or "first"))
            {
                break; // the moves start here
            }
            if (i + 1 >= tokens.Length)
            {
                error = $"'{tokens[i]}' needs a value";
                return false;
            }
            string value = tokens[++i];
            switch (key)
            {
                case "size":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 2 or > GoRules.MaxSize)
                    {
                        error = $"size '{value}' is not a board size: choose 2 to {GoRules.MaxSize}";
                        return false;
                    }
                    break;
                case "komi":
                    if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out komi) || !GoRules.IsValidKomi(komi))
                    {
                        error = $"komi '{value}' is not a multiple of 0.5 (e.g. 7.5, 6, 0)";
                        return false;
                    }
                    break;
                case "rules":
                    if (!GoRules.TryParseRuleSet(value, out ruleSet))
                    {
                        error = $"rules '{value}' are not known: choose chinese or tromp-taylor";
                        return false;
                    }
                    break;
                case "ko":
                    if (!GoRules.TryParseKo(value, out ko))
                    {
                        error = $"ko rule '{value}' is not known: choose positional, situational or simple";
                        return false;
                    }
                    break;
                case "handicap": handicap = value; break;
                case "black": black = value; break;
                case "white": white = value; break;
                case "first":
                    switch (value.ToLowerInvariant())
                    {
                        case "b" or "black": first = GoColor.Black; break;
                        case "w" or "white": first = GoColor.White; break;
                        default:
                            error = $"first '{value}' is not a player: write black or white";
                            return false;
                    }
                    break;
            }
        }
        if (size > defaultSize)
        {
            error = $"size {size} does not fit this game's {defaultSize}x{defaultSize} network frame: use the game go25 for boards up to 25x25";
            return false;
        }
        var rules = new GoRules(size, komi, ruleSet, ko);
        if (!TryParseStones(handicap, size, "handicap", out GoMove[] h, out error) ||
            !TryParseStones(black, size, "black", out GoMove[] b, out error) ||
            !TryParseStones(white, size, "white", out GoMove[] w, out error))
        {
            return false;
        }
        setup = new GoSetup(rules, h, b, w, GoColor.Black);
        setup = setup with { First = first ?? setup.DefaultFirst };
        var list = new List<GoMove>();
        for (; i < tokens.Length; i++)
        {
            if (!GoCoordinates.TryParse(tokens[i], size, out GoMove m, out string? moveError))
            {
                error = $"move {list.Count + 1}: {moveError}";
                return false;
            }
            list.Add(m);
        }
        moves = list.ToArray();
        error = null;
        return true;
    }

    private static bool TryParseStones(string? text, int size, string what, out GoMove[] stones, out string? error)
    {
        stones = [];
        error = null;
        if (text is null)
        {
            return true;
        }
        var list = new List<GoMove>();
        foreach (string part in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!GoCoordinates.TryParse(part, size, out GoMove m, out string? e) || !m.IsPoint)
            {
                error = $"{what} stone '{part}': {e ?? "not a point"}";
                return false;
            }
            list.Add(m);
        }
        stones = list.ToArray();
        return true;
    }

    /// <summary>Writes a setup and moves in the form <see cref="TryParse"/> reads.</summary>
    public static string Format(GoSetup setup, IReadOnlyList<GoMove> moves)
    {
        GoRules r = setup.Rules;
        var sb = new StringBuilder();
        sb.Append("size ").Append(r.Size).Append(" komi ").Append(GoRules.FormatKomi(r.Komi)).Append(" rules ").Append(r.RuleSetName);
        if (r.Ko != GoKoRule.Positional) sb.Append(" ko ").Append(GoRules.FormatKo(r.Ko));
        AppendStones(sb, "handicap", setup.Handicap, r.Size);
        AppendStones(sb, "black", setup.Black, r.Size);
        AppendStones(sb, "white", setup.White, r.Size);
        if (setup.First != setup.DefaultFirst) sb.Append(" first ").Append(setup.First == GoColor.White ? "white" : "black");
        if (moves.Count > 0)
        {
            sb.Append(" moves");
            foreach (GoMove m in moves)
            {
                sb.Append(' ').Append(GoCoordinates.Format(m, r.Size));
            }
        }
        return sb.ToString();
    }

    private static void AppendStones(StringBuilder sb, string what, IReadOnlyList<GoMove> stones, int size)
    {
        if (stones.Count > 0)
        {
            sb.Append(' ').Append(what).Append(' ').AppendJoin(',', stones.Select(m => GoCoordinates.Format(m, size)));
        }
    }

    /// <summary>Maps a move through board symmetry <paramref name="symmetry"/> on a <paramref name="size"/> board (passes stay).</summary>
    public static GoMove MapMove(GoMove move, int size, int symmetry)
    {
        if (!move.IsPoint)
        {
            return move;
        }
        (int row, int col) = GridSymmetry.Map(move.Row, move.Col, size, symmetry);
        return GoMove.At(row, col);
    }
}
