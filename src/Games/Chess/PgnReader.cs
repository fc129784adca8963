using System.Globalization;

namespace Zero.Games.Chess;

/// <summary>
/// Reads PGN files: tag pairs (with \" and \\ escapes), movetext in SAN (move numbers, check marks and "!?"
/// glyphs allowed), and the result marker. Comments ({...} and ; to the end of the line), NAGs ($n), recursive
/// variations ((...), nested) and escape lines (% at the start of a line) are skipped. A bad move or tag stops the
/// read with a message naming the game, the move number and the text. Reads what <see cref="PgnWriter"/> writes.
/// </summary>
public static class PgnReader
{
    /// <summary>Reads every game in <paramref name="text"/>; never throws.</summary>
    public static bool TryReadAll(string text, out List<PgnGame> games, out string? error)
    {
        games = [];
        var reader = new Cursor(text ?? "");
        while (true)
        {
            reader.SkipSpaceAndComments();
            if (reader.AtEnd)
            {
                error = null;
                return true;
            }
            if (!TryReadGame(reader, games.Count + 1, out PgnGame? game, out error))
            {
                return false;
            }
            games.Add(game!);
        }
    }

    /// <summary>Reads the first game in <paramref name="text"/>; never throws.</summary>
    public static bool TryRead(string text, out PgnGame? game, out string? error)
    {
        game = null;
        if (!TryReadAll(text, out List<PgnGame> games, out error))
        {
            return false;
        }
        if (games.Count == 0)
        {
            error = "no game found: a PGN game starts with tags like [Event \"...\"] or with moves like 1. e4";
            return false;
        }
        game = games[0];
        return true;
    }

    private static bool TryReadGame(Cursor reader, int number, out PgnGame? result, out string? error)
    {
        result = null;
        var game = new PgnGame();

        // 1. tags
        reader.SkipSpaceAndComments();
        while (reader.Peek == '[')
        {
            if (!reader.TryReadTag(out string name, out string value))
            {
                error = $"game {number}: a tag must look like [Name \"value\"] (near line {reader.Line})";
                return false;
            }
            game.Tags.Add(new(name, value));
            reader.SkipSpaceAndComments();
        }
        string? fen = game["FEN"];
        if (fen is not null)
        {
            if (!Fen.TryParse(fen, out ChessBoard board, out string? fenError))
            {
                error = $"game {number}: FEN tag: {fenError}";
                return false;
            }
            game.Start = ChessPosition.FromBoard(in board);
        }

        // 2. movetext up to the result
        ChessPosition position = game.Start;
        while (true)
        {
            reader.SkipSpaceAndComments();
            if (reader.AtEnd || reader.Peek == '[')
            {
                game.Result = game["Result"] ?? "*";
                break; // a game without a result marker ends at the next game's tags or the end of the text
            }
            string token = reader.ReadToken();
            if (token is "1-0" or "0-1" or "1/2-1/2" or "*")
            {
                game.Result = token;
                break;
            }
            int digits = 0;
            while (digits < token.Length && char.IsAsciiDigit(token[digits]))
            {
                digits++;
            }
            string san = digits > 0 && (digits == token.Length || token[digits] == '.') ? token[digits..].TrimStart('.') : token;
            if (san.Length == 0)
            {
                continue; // a move number ("12." or "12...")
            }
            if (!position.TryParseSan(san, out ChessMove move, out string? moveError))
            {
                int moveNumber = position.Board.FullmoveNumber;
                error = $"game {number}, move {moveNumber}{(position.SideToMove == 0 ? "." : "...")} '{san}' (line {reader.Line}): {moveError}";
                return false;
            }
            game.Moves.Add(move);
            position = position.Play(move);
        }
        result = game;
        error = null;
        return true;
    }

    /// <summary>A position in the PGN text with the lexical rules of the format.</summary>
    private sealed class Cursor(string text)
    {
        private int _at;

        public bool AtEnd => _at >= text.Length;
        public char Peek => _at < text.Length ? text[_at] : '\0';
        public int Line => 1 + text.AsSpan(0, Math.Min(_at, text.Length)).Count('\n');

        /// <summary>Skips white space, comments, NAGs, variations and escape lines.</summary>
        public void SkipSpaceAndComments()
        {
            while (_at < text.Length)
            {
                char c = text[_at];
                if (char.IsWhiteSpace(c))
                {
                    _at++;
                }
                else if (c == '%' && (_at == 0 || text[_at - 1] == '\n'))
                {
                    SkipLine();
                }
                else if (c == ';')
                {
                    SkipLine();
                }
                else if (c == '{')
                {
                    int end = text.IndexOf('}', _at);
                    _at = end < 0 ? text.Length : end + 1;
                }
                else if (c == '$')
                {
                    _at++;
                    while (_at < text.Length && char.IsAsciiDigit(text[_at]))
                    {
                        _at++;
                    }
                }
                else if (c == '(')
                {
                    SkipVariation();
                }
                else
                {
                    return;
                }
            }
        }

        private void SkipLine()
        {
            int end = text.IndexOf('\n', _at);
            _at = end < 0 ? text.Length : end + 1;
        }

        private void SkipVariation()
        {
            int depth = 0;
            while (_at < text.Length)
            {
                char c = text[_at];
                if (c == '{')
                {
                    int end = text.IndexOf('}', _at);
                    _at = end < 0 ? text.Length : end + 1;
                    continue;
                }
                if (c == ';')
                {
                    SkipLine();
                    continue;
                }
                _at++;
                if (c == '(')
                {
                    depth++;
                }
                else if (c == ')' && --depth == 0)
                {
                    return;
                }
            }
        }

        /// <summary>A movetext token: up to white space or a character that starts something else.</summary>
        public string ReadToken()
        {
            int start = _at;
            while (_at < text.Length && !char.IsWhiteSpace(text[_at]) && text[_at] is not ('{' or '(' or ')' or ';' or '[' or '$'))
            {
                _at++;
            }
            if (_at == start)
            {
                _at++; // a stray ')' or similar: consume it as its own token
            }
            return text[start.._at];
        }

        public bool TryReadTag(out string name, out string value)
        {
            name = value = "";
            _at++; // '['
            while (_at < text.Length && text[_at] is ' ' or '\t')
            {
                _at++;
            }
            int start = _at;
            while (_at < text.Length && (char.IsAsciiLetterOrDigit(text[_at]) || text[_at] == '_'))
            {
                _at++;
            }
            name = text[start.._at];
            while (_at < text.Length && text[_at] is ' ' or '\t')
            {
                _at++;
            }
            if (name.Length == 0 || _at >= text.Length || text[_at] != '"')
            {
                return false;
            }
            _at++;
            var sb = new System.Text.StringBuilder();
            while (_at < text.Length && text[_at] != '"')
            {
                if (text[_at] == '\\' && _at + 1 < text.Length)
                {
                    _at++;
                }
                sb.Append(text[_at++]);
            }
            if (_at >= text.Length)
            {
                return false;
            }
            _at++; // closing quote
            while (_at < text.Length && text[_at] is ' ' or '\t')
            {
                _at++;
            }
            if (_at >= text.Length || text[_at] != ']')
            {
                return false;
            }
            _at++;
            value = sb.ToString();
            return true;
        }
    }
}
