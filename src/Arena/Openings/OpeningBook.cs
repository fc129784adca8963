using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Arena.Openings;

/// <summary>
/// Reads and makes openings: EPD lines (a FEN each, the counters optional) and PGN games (their first
/// <c>plies</c> moves) for chess, one position per line in the game's own notation for any game (a Connect Four
/// move string "4453", a tic-tac-toe "51", a chess "startpos moves e2e4 e7e5"), or distinct random openings of K
/// plies that do not end the game. Bad lines are reported with their line number, never skipped silently.
/// <see cref="OpeningOrder"/> decides which opening each round plays. Used by the arena command and `zero match`.
/// </summary>
public static class OpeningBook
{
    /// <summary>
    /// Reads <paramref name="path"/> as <paramref name="format"/> ("epd", "pgn" or "moves"; null: from the file's
    /// extension, .epd/.pgn, else moves), keeping at most <paramref name="plies"/> moves of each PGN game (all when null).
    /// </summary>
    /// <exception cref="ZeroException">The file is missing, empty, or has a line that does not parse.</exception>
    public static List<Opening<TGame, TMove>> Read<TGame, TMove>(string path, string? format, int? plies)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        if (!File.Exists(path))
        {
            throw new ZeroException($"opening file '{path}' does not exist");
        }
        string kind = (format ?? Path.GetExtension(path).TrimStart('.')).ToLowerInvariant();
        if (kind is "epd" or "pgn" && typeof(TGame) != typeof(ChessPosition))
        {
            throw new ZeroException($"opening file '{path}': {kind} openings are chess; for {TGame.Name} write one position per line in its notation (format=moves)");
        }
        List<Opening<TGame, TMove>> openings = kind switch
        {
            "epd" => (List<Opening<TGame, TMove>>)(object)ReadEpd(path),
            "pgn" => (List<Opening<TGame, TMove>>)(object)ReadPgn(path, plies),
            _ => ReadPositions<TGame, TMove>(path),
        };
        if (openings.Count == 0)
        {
            throw new ZeroException($"opening file '{path}' has no openings");
        }
        return openings;
    }

    private static List<Opening<ChessPosition, ChessMove>> ReadEpd(string path)
    {
        var openings = new List<Opening<ChessPosition, ChessMove>>();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            // EPD: four FEN fields, then operations ("bm e4; id ..."); the move counters may follow instead.
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 4)
            {
                throw new ZeroException($"{path}:{number}: '{line}' is not an EPD line (board, side, castling, en passant)");
            }
            bool counters = fields.Length >= 6 && int.TryParse(fields[4], out _) && int.TryParse(fields[5], out _);
            string fen = string.Join(' ', fields.Take(4)) + (counters ? $" {fields[4]} {fields[5]}" : " 0 1");
            if (!ChessPosition.TryParsePosition(fen, out ChessPosition position, out string? error))
            {
                throw new ZeroException($"{path}:{number}: {error}");
            }
            openings.Add(new Opening<ChessPosition, ChessMove>(position, [], fen));
        }
        return openings;
    }

    private static List<Opening<ChessPosition, ChessMove>> ReadPgn(string path, int? plies)
    {
        if (!PgnReader.TryReadAll(File.ReadAllText(path), out List<PgnGame> games, out string? error))
        {
            throw new ZeroException($"{path}: {error}");
        }
        return games.Select((g, i) =>
        {
            ChessMove[] moves = [.. g.Moves.Take(plies ?? int.MaxValue)];
            return new Opening<ChessPosition, ChessMove>(g.Start, moves, $"{Path.GetFileName(path)} #{i + 1}");
        }).ToList();
    }

    private static List<Opening<TGame, TMove>> ReadPositions<TGame, TMove>(string path)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var openings = new List<Opening<TGame, TMove>>();
        int number = 0;
        foreach (string raw in File.ReadLines(path))
        {
            number++;
            string line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }
            openings.Add(FromText<TGame, TMove>(line) ?? throw new ZeroException($"{path}:{number}: '{line}' is not a {TGame.Name} position"));
        }
        return openings;
    }

    /// <summary>
    /// An opening from a position in the game's notation, kept as moves from the initial position when it is a move
    /// string (Connect Four, tic-tac-toe, chess "startpos moves ..."), so the record shows them; null when it does not parse.
    /// </summary>
    public static Opening<TGame, TMove>? FromText<TGame, TMove>(string text)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        if (!TGame.TryParsePosition(text, out TGame target, out _))
        {
            return null;
        }
        // Replay the text as moves from the initial position when it is one (the usual case outside chess FENs).
        string[] tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        IEnumerable<string> words = typeof(TGame) == typeof(ChessPosition)
            ? (tokens.Length > 2 && tokens[0] == "startpos" && tokens[1] == "moves" ? tokens.Skip(2) : [])
            : text.Trim().Select(c => c.ToString());
        var moves = new List<TMove>();
        TGame p = TGame.Initial;
        foreach (string w in words)
        {
            if (!p.TryParseMove(w, out TMove m, out _))
            {
                moves.Clear();
                break;
            }
            moves.Add(m);
            p = p.Play(m);
        }
        return moves.Count > 0 && p.Hash == target.Hash
            ? new Opening<TGame, TMove>(TGame.Initial, moves, text)
            : new Opening<TGame, TMove>(target, [], text);
    }

    /// <summary>
    /// Up to <paramref name="count"/> distinct openings of <paramref name="plies"/> random legal moves that do not end
    /// the game (fewer when the game has fewer; then the rounds cycle through them).
    /// </summary>
    public static List<Opening<TGame, TMove>> Random<TGame, TMove>(int count, int plies, int seed)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var random = new Random(seed);
        var seen = new HashSet<ulong>();
        var openings = new List<Opening<TGame, TMove>>();
        var legal = new TMove[TGame.MaxMoves];
        for (int attempt = 0; attempt < count * 50 && openings.Count < count; attempt++)
        {
            TGame position = TGame.Initial;
            var moves = new List<TMove>();
            for (int i = 0; i < plies && position.Outcome is null; i++)
            {
                int n = position.GenerateMoves(legal);
                TMove m = legal[random.Next(n)];
                moves.Add(m);
                position = position.Play(m);
            }
            if (position.Outcome is null && seen.Add(position.Hash))
            {
                openings.Add(new Opening<TGame, TMove>(TGame.Initial, moves, position.FormatPosition()));
            }
        }
        return openings.Count > 0 ? openings : [Opening<TGame, TMove>.Initial];
    }
}
