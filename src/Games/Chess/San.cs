using System.Text;
using System.Text.RegularExpressions;

namespace Zero.Games.Chess;

/// <summary>
/// Standard algebraic notation (SAN, the notation of PGN): writing with the minimal disambiguation (file, then
/// rank, then both), "x" for captures, "=Q" for promotions, "O-O"/"O-O-O", and "+" or "#" after checks and mates;
/// reading by comparing with the SAN of every legal move, forgiving the check marks, annotation glyphs ("!?"),
/// castling written with zeros and a promotion without "=". Used by <see cref="ChessPosition"/> and the PGN reader
/// and writer; not on any hot path.
/// </summary>
public static class San
{
    /// <summary>The SAN of <paramref name="move"/>, which must be legal on <paramref name="board"/>.</summary>
    public static string Format(in ChessBoard board, ChessMove move)
    {
        string text = FormatWithoutSuffix(in board, move, Legal(in board));
        ChessBoard next = board.Play(move);
        return next.InCheck ? text + (next.HasLegalMoves() ? "+" : "#") : text;
    }

    /// <summary>
    /// A line of moves from <paramref name="position"/> in SAN with move numbers ("12... Nf6 13. Bg5 h6"), for
    /// principal variations and game listings. The moves must be legal one after the other.
    /// </summary>
    public static string FormatLine(ChessPosition position, IEnumerable<ChessMove> moves)
    {
        var sb = new StringBuilder();
        bool first = true;
        foreach (ChessMove move in moves)
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            if (position.SideToMove == 0)
            {
                sb.Append(position.Board.FullmoveNumber).Append(". ");
            }
            else if (first)
            {
                sb.Append(position.Board.FullmoveNumber).Append("... ");
            }
            sb.Append(position.FormatSan(move));
            position = position.Play(move);
            first = false;
        }
        return sb.ToString();
    }

    /// <summary>Parses a SAN move that is legal on <paramref name="board"/>; never throws.</summary>
    public static bool TryParse(in ChessBoard board, string text, out ChessMove move, out string? error)
    {
        move = default;
        string wanted = Normalize(text);
        if (wanted.Length < 2)
        {
            error = $"'{text}' is not a move in algebraic notation (examples: e4, Nf3, exd5, O-O, e8=Q)";
            return false;
        }
        ChessMove[] legal = Legal(in board);
        foreach (ChessMove candidate in legal)
        {
            if (Normalize(FormatWithoutSuffix(in board, candidate, legal)) == wanted)
            {
                move = candidate;
                error = null;
                return true;
            }
        }
        // looser forms: a pawn capture without "x" ("ed5"), needless disambiguation ("Ngf3", "Ng1f3")
        if (TryLoose(in board, wanted, legal, out move))
        {
            error = null;
            return true;
        }
        ChessBoard copy = board;
        error = legal.Length == 0
            ? $"'{text}': there are no legal moves (the game is over)"
            : $"'{text}' is not a legal move here; legal: {string.Join(' ', legal.Select(m => FormatWithoutSuffix(in copy, m, legal)))}";
        return false;
    }

    private static ChessMove[] Legal(in ChessBoard board)
    {
        Span<ChessMove> moves = stackalloc ChessMove[MoveGenerator.MaxMoves];
        int n = board.GenerateMoves(moves);
        return moves[..n].ToArray();
    }

    /// <summary>True when <paramref name="text"/> has the shape of a SAN move (legal or not): "Nf3", "exd5", "O-O".</summary>
    internal static bool LooksLikeSan(string text)
    {
        string t = Normalize(text);
        return t is "O-O" or "O-O-O" || LoosePattern.IsMatch(t);
    }

    /// <summary>Drops check marks, annotation glyphs and "=", and writes castling with letters.</summary>
    private static string Normalize(string text)
    {
        string t = (text ?? "").Trim().TrimEnd('+', '#', '!', '?').Replace("=", "", StringComparison.Ordinal);
        t = t.Replace('0', 'O');
        if (t.EndsWith("e.p.", StringComparison.Ordinal))
        {
            t = t[..^4];
        }
        return t;
    }

    private static string FormatWithoutSuffix(in ChessBoard board, ChessMove move, ChessMove[] legal)
    {
        if (move.Kind == MoveKind.Castling)
        {
            return move.To > move.From ? "O-O" : "O-O-O";
        }
        int from = move.From, to = move.To;
        PieceType piece = board.PieceAt(from);
        bool capture = move.Kind == MoveKind.EnPassant || board.PieceAt(to) != PieceType.None;
        var sb = new StringBuilder(8);
        if (piece == PieceType.Pawn)
        {
            if (capture)
            {
                sb.Append((char)('a' + Squares.File(from))).Append('x');
            }
            sb.Append(Squares.Name(to));
            if (move.Kind == MoveKind.Promotion)
            {
                sb.Append('=').Append("NBRQ"[(int)move.Promotion - 1]);
            }
            return sb.ToString();
        }
        sb.Append("PNBRQK"[(int)piece]);
        bool ambiguous = false, sameFile = false, sameRank = false;
        foreach (ChessMove other in legal)
        {
            if (other.To == to && other.From != from && board.PieceAt(other.From) == piece)
            {
                ambiguous = true;
                sameFile |= Squares.File(other.From) == Squares.File(from);
                sameRank |= Squares.Rank(other.From) == Squares.Rank(from);
            }
        }
        if (ambiguous)
        {
            if (!sameFile)
            {
                sb.Append((char)('a' + Squares.File(from)));
            }
            else if (!sameRank)
            {
                sb.Append((char)('1' + Squares.Rank(from)));
            }
            else
            {
                sb.Append(Squares.Name(from));
            }
        }
        if (capture)
        {
            sb.Append('x');
        }
        return sb.Append(Squares.Name(to)).ToString();
    }

    private static readonly Regex LoosePattern = new(@"^([NBRQK])?([a-h])?([1-8])?x?([a-h][1-8])([NBRQ])?$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Matches "[piece][from file][from rank][x]square[promotion]" against the legal moves; succeeds only when exactly
    /// one move fits.
    /// </summary>
    private static bool TryLoose(in ChessBoard board, string text, ChessMove[] legal, out ChessMove move)
    {
        move = default;
        Match m = LoosePattern.Match(text);
        if (!m.Success)
        {
            return false;
        }
        PieceType piece = m.Groups[1].Success ? (PieceType)"PNBRQK".IndexOf(m.Groups[1].Value[0], StringComparison.Ordinal) : PieceType.Pawn;
        Squares.TryParse(m.Groups[4].Value, out int to);
        PieceType promotion = m.Groups[5].Success ? (PieceType)"PNBRQK".IndexOf(m.Groups[5].Value[0], StringComparison.Ordinal) : PieceType.None;
        int found = 0;
        foreach (ChessMove candidate in legal)
        {
            if (candidate.To == to && candidate.Kind != MoveKind.Castling && board.PieceAt(candidate.From) == piece
                && candidate.Promotion == promotion
                && (!m.Groups[2].Success || Squares.File(candidate.From) == m.Groups[2].Value[0] - 'a')
                && (!m.Groups[3].Success || Squares.Rank(candidate.From) == m.Groups[3].Value[0] - '1'))
            {
                move = candidate;
                found++;
            }
        }
        return found == 1;
    }
}
