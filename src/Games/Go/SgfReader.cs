using System.Globalization;
using System.Text;

namespace Zero.Games.Go;

/// <summary>
/// Reads SGF FF[1]-FF[4] Go records into <see cref="SgfGame"/>: the first game tree of the collection, its main
/// line (the first variation at every branch; the others are parsed for syntax and skipped). Properties read:
/// GM FF CA SZ KM HA RU PB PW DT RE C AB AW PL B W; others are ignored. Passes are <c>[]</c> or, on boards up to
/// 19×19, <c>[tt]</c>. A malformed file raises a <see cref="ZeroException"/> naming the line and the property.
/// Called by `zero play go --sgf`, tests, and the GTP front-end's loadsgf.
/// </summary>
public static class SgfReader
{
    private sealed record Property(string Name, List<string> Values, int Line);

    /// <summary>Reads the first game of an SGF text.</summary>
    /// <exception cref="ZeroException">The text is not SGF, not a Go game, or holds an illegal value (the message names the line and property).</exception>
    public static SgfGame Read(string text)
    {
        var parser = new Parser(text);
        List<List<Property>> nodes = parser.ReadMainLine();
        if (nodes.Count == 0)
        {
            throw new ZeroException("SGF line 1: the game tree has no nodes");
        }
        return Interpret(nodes);
    }

    /// <summary>Reads the first game of an SGF text. Never throws.</summary>
    public static bool TryRead(string text, out SgfGame? game, out string? error)
    {
        try
        {
            game = Read(text);
            error = null;
            return true;
        }
        catch (ZeroException e)
        {
            game = null;
            error = e.Message;
            return false;
        }
    }

    private static SgfGame Interpret(List<List<Property>> nodes)
    {
        List<Property> root = nodes[0];
        Property? Get(string name) => root.FirstOrDefault(p => p.Name == name);
        string? Text(string name) => Get(name) is { } p ? p.Values[0] : null;

        if (Get("GM") is { } gm && gm.Values[0].Trim() != "1")
        {
            throw Error(gm, $"GM[{gm.Values[0]}] is not Go (GM[1])");
        }
        if (Get("FF") is { } ff && (!int.TryParse(ff.Values[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int format) || format is < 1 or > 4))
        {
            throw Error(ff, $"FF[{ff.Values[0]}] is not an SGF format 1-4");
        }
        int size = 19;
        if (Get("SZ") is { } sz)
        {
            string v = sz.Values[0].Trim();
            string[] parts = v.Split(':');
            if (parts.Length == 2 && parts[0] == parts[1])
            {
                v = parts[0];
            }
            else if (parts.Length == 2)
            {
                throw Error(sz, $"SZ[{v}] is a rectangular board: only square boards are supported");
            }
            if (!int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out size) || size is < 2 or > GoRules.MaxSize)
            {
                throw Error(sz, $"SZ[{v}] is not a board size 2-{GoRules.MaxSize}");
            }
        }
        double komi = 0;
        if (Get("KM") is { } km && km.Values[0].Trim().Length > 0)
        {
            if (!double.TryParse(km.Values[0].Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out komi) || !GoRules.IsValidKomi(komi))
            {
                throw Error(km, $"KM[{km.Values[0]}] is not a komi (a multiple of 0.5)");
            }
        }
        string? ruleText = Text("RU");
        GoRuleSet ruleSet = GoRuleSet.Chinese;
        if (ruleText is not null && GoRules.TryParseRuleSet(ruleText, out GoRuleSet parsed))
        {
            ruleSet = parsed;
        }
        var rules = new GoRules(size, komi, ruleSet);
        int handicap = 0;
        if (Get("HA") is { } ha && (!int.TryParse(ha.Values[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out handicap) || handicap > size * size))
        {
            throw Error(ha, $"HA[{ha.Values[0]}] is not a number of handicap stones");
        }
        List<GoMove> black = Get("AB") is { } ab ? Points(ab, size) : [];
        List<GoMove> white = Get("AW") is { } aw ? Points(aw, size) : [];
        IReadOnlyList<GoMove> handicapStones = [];
        if (handicap >= 2)
        {
            if (black.Count > 0)
            {
                handicapStones = black;
                black = [];
            }
            else
            {
                try
                {
                    handicapStones = GoHandicap.Fixed(size, handicap);
                }
                catch (ZeroException e)
                {
                    throw Error(Get("HA")!, e.Message);
                }
            }
        }
        GoColor first = handicapStones.Count > 0 ? GoColor.White : GoColor.Black;
        if (Get("PL") is { } pl)
        {
            first = pl.Values[0].Trim().ToUpperInvariant() switch
            {
                "B" or "1" => GoColor.Black,
                "W" or "2" => GoColor.White,
                _ => throw Error(pl, $"PL[{pl.Values[0]}] is not a player: B or W"),
            };
        }

        var moves = new List<SgfMove>();
        for (int i = 0; i < nodes.Count; i++)
        {
            Property? move = nodes[i].FirstOrDefault(p => p.Name is "B" or "W");
            if (i > 0 && nodes[i].FirstOrDefault(p => p.Name is "AB" or "AW" or "AE") is { } setup)
            {
                throw Error(setup, "setup stones after the first node are not supported: put AB/AW on the root node");
            }
            if (move is null)
            {
                continue;
            }
            if (i == 0 && moves.Count == 0 && move.Name == "W" && Get("PL") is null)
            {
                first = GoColor.White;
            }
            string comment = nodes[i].FirstOrDefault(p => p.Name == "C") is { } c && i > 0 ? c.Values[0] : "";
            moves.Add(new SgfMove(move.Name == "B" ? GoColor.Black : GoColor.White, Point(move, move.Values[0], size, allowPass: true),
                comment.Length > 0 ? comment : null));
        }
        if (moves.Count > 0 && moves[0].Color == GoColor.White && Get("PL") is null)
        {
            first = GoColor.White;
        }
        var gameSetup = new GoSetup(rules, handicapStones, black, white, first);
        try
        {
            gameSetup.CreateBoard();
        }
        catch (ZeroException e)
        {
            throw new ZeroException($"SGF line {root[0].Line}: {e.Message}");
        }
        return new SgfGame(gameSetup, moves)
        {
            PlayerBlack = Text("PB"),
            PlayerWhite = Text("PW"),
            Date = Text("DT"),
            Result = Text("RE"),
            Comment = Text("C"),
            RulesText = ruleText,
        };
    }

    private static List<GoMove> Points(Property property, int size)
    {
        var points = new List<GoMove>();
        foreach (string value in property.Values)
        {
            string[] parts = value.Trim().Split(':');
            if (parts.Length == 2)
            {
                // compressed list: a rectangle from one corner to the other
                GoMove a = Point(property, parts[0], size, allowPass: false), b = Point(property, parts[1], size, allowPass: false);
                for (int r = Math.Min(a.Row, b.Row); r <= Math.Max(a.Row, b.Row); r++)
                {
                    for (int c = Math.Min(a.Col, b.Col); c <= Math.Max(a.Col, b.Col); c++)
                    {
                        points.Add(GoMove.At(r, c));
                    }
                }
            }
            else
            {
                points.Add(Point(property, value, size, allowPass: false));
            }
        }
        return points;
    }

    private static GoMove Point(Property property, string value, int size, bool allowPass)
    {
        string v = value.Trim();
        if (allowPass && (v.Length == 0 || (v == "tt" && size <= 19)))
        {
            return GoMove.Pass;
        }
        if (v.Length != 2 || !char.IsAsciiLetterLower(v[0]) || !char.IsAsciiLetterLower(v[1]) || v[0] - 'a' >= size || v[1] - 'a' >= size)
        {
            throw Error(property, $"{property.Name}[{value}] is not a point of the {size}x{size} board (two letters a-{(char)('a' + size - 1)}, column then row from the top{(allowPass ? "; [] is a pass" : "")})");
        }
        return GoMove.At(v[1] - 'a', v[0] - 'a');
    }

    private static ZeroException Error(Property property, string message) =>
        new($"SGF line {property.Line}: property {property.Name}: {message}");

    /// <summary>A recursive-descent reader of SGF's grammar that keeps only the main line's nodes.</summary>
    private sealed class Parser(string text)
    {
        private int _pos;
        private int _line = 1;

        public List<List<Property>> ReadMainLine()
        {
            SkipSpace();
            if (Peek() != '(')
            {
                throw new ZeroException($"SGF line {_line}: expected '(' to open a game tree, found {Describe()}");
            }
            var nodes = new List<List<Property>>();
            ReadTree(nodes, main: true);
            return nodes;
        }

        // GameTree = "(" Sequence { GameTree } ")"
        private void ReadTree(List<List<Property>> nodes, bool main)
        {
            int openLine = _line;
            Expect('(');
            SkipSpace();
            if (Peek() != ';')
            {
                throw new ZeroException($"SGF line {_line}: expected ';' to start a node, found {Describe()}");
            }
            while (Peek() == ';')
            {
                _pos++;
                List<Property> node = ReadNode();
                if (main)
                {
                    nodes.Add(node);
                }
                SkipSpace();
            }
            bool first = true;
            while (Peek() == '(')
            {
                ReadTree(nodes, main && first);
                first = false;
                SkipSpace();
            }
            if (Peek() != ')')
            {
                throw new ZeroException(_pos >= text.Length
                    ? $"SGF line {_line}: the game tree opened on line {openLine} is never closed with ')'"
                    : $"SGF line {_line}: expected a property, ';', '(' or ')', found {Describe()}");
            }
            _pos++;
        }

        private List<Property> ReadNode()
        {
            var props = new List<Property>();
            SkipSpace();
            while (_pos < text.Length && char.IsAsciiLetter(text[_pos]))
            {
                int line = _line;
                var name = new StringBuilder();
                while (_pos < text.Length && char.IsAsciiLetter(text[_pos]))
                {
                    if (char.IsAsciiLetterUpper(text[_pos]))
                    {
                        name.Append(text[_pos]); // FF[1] allowed lower-case letters inside names: drop them
                    }
                    _pos++;
                }
                SkipSpace();
                if (Peek() != '[')
                {
                    throw new ZeroException($"SGF line {_line}: property {name}: expected '[' with a value, found {Describe()}");
                }
                var values = new List<string>();
                while (Peek() == '[')
                {
                    values.Add(ReadValue(name.ToString(), line));
                    SkipSpace();
                }
                props.Add(new Property(name.ToString(), values, line));
                SkipSpace();
            }
            return props;
        }

        private string ReadValue(string property, int line)
        {
            _pos++; // '['
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= text.Length)
                {
                    throw new ZeroException($"SGF line {line}: property {property}: the value is never closed with ']'");
                }
                char c = text[_pos++];
                if (c == ']')
                {
                    return sb.ToString();
                }
                if (c == '\\' && _pos < text.Length)
                {
                    c = text[_pos++];
                    if (c == '\n') { _line++; continue; } // soft line break
                    if (c == '\r') { if (Peek() == '\n') _pos++; _line++; continue; }
                }
                if (c == '\n') _line++;
                sb.Append(c);
            }
        }

        private void Expect(char c)
        {
            SkipSpace();
            if (Peek() != c)
            {
                throw new ZeroException($"SGF line {_line}: expected '{c}', found {Describe()}");
            }
            _pos++;
        }

        private char Peek() => _pos < text.Length ? text[_pos] : '\0';

        private string Describe() => _pos >= text.Length ? "the end of the file" : $"'{text[_pos]}'";

        private void SkipSpace()
        {
            while (_pos < text.Length && char.IsWhiteSpace(text[_pos]))
            {
                if (text[_pos] == '\n') _line++;
                _pos++;
            }
        }
    }
}
