using System.Globalization;
using System.Text;

namespace Zero.Games.Chess;

/// <summary>
/// Forsyth-Edwards Notation in and out. Parsing checks each of the six fields and says which one is wrong and why
/// ("field 3 (castling) 'K': White may castle kingside only with the king on e1 and a rook on h1"); the two clocks
/// may be left out (they default to "0 1", as GUIs often send). Castling rights are read as KQkq (X-FEN: the outermost
/// rook on that side) or as rook files (Shredder-FEN "HAha", for Chess960) and written as KQkq wherever that is exact. It also rejects positions no game can reach in a way
/// that would break the move generator: missing or extra kings, pawns on the first or last rank, the side not to
/// move in check. Used by <see cref="ChessPosition.TryParsePosition"/>, PGN's FEN tag and <c>zero perft --fen</c>.
/// </summary>
public static class Fen
{
    /// <summary>The FEN of the start position.</summary>
    public const string StartPosition = "rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1";

    /// <summary>Parses a FEN; on failure <paramref name="error"/> names the wrong field. Never throws.</summary>
    public static bool TryParse(string text, out ChessBoard board, out string? error)
    {
        board = ChessBoard.Start;
        string[] fields = (text ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is < 4 or > 6)
        {
            error = $"a FEN has 6 fields separated by spaces (pieces, side, castling, en passant, halfmove clock, move number), " +
                    $"but '{text}' has {fields.Length}; example: {StartPosition}";
            return false;
        }

        // 1. piece placement, rank 8 first
        var pieces = new List<(int Color, PieceType Type, int Square)>(32);
        string[] ranks = fields[0].Split('/');
        if (ranks.Length != 8)
        {
            error = $"field 1 (pieces) '{fields[0]}': it needs 8 ranks separated by '/', found {ranks.Length}";
            return false;
        }
        for (int i = 0; i < 8; i++)
        {
            int rank = 7 - i, file = 0;
            foreach (char c in ranks[i])
            {
                if (c is >= '1' and <= '8')
                {
                    file += c - '0';
                    continue;
                }
                int type = "pnbrqk".IndexOf(char.ToLowerInvariant(c), StringComparison.Ordinal);
                if (type < 0)
                {
                    error = $"field 1 (pieces): '{c}' in rank {rank + 1} is not a piece; use PNBRQK for White, pnbrqk for Black, 1-8 for empty squares";
                    return false;
                }
                if (file < 8)
                {
                    pieces.Add((char.IsUpper(c) ? 0 : 1, (PieceType)type, Squares.Make(file, rank)));
                }
                file++;
            }
            if (file != 8)
            {
                error = $"field 1 (pieces): rank {rank + 1} '{ranks[i]}' covers {file} squares instead of 8";
                return false;
            }
        }
        for (int color = 0; color < 2; color++)
        {
            int kings = pieces.Count(p => p.Color == color && p.Type == PieceType.King);
            if (kings != 1)
            {
                error = $"field 1 (pieces): {(color == 0 ? "White" : "Black")} has {kings} kings; each side needs exactly one";
                return false;
            }
        }
        foreach (var p in pieces)
        {
            if (p.Type == PieceType.Pawn && Squares.Rank(p.Square) is 0 or 7)
            {
                error = $"field 1 (pieces): a pawn on {Squares.Name(p.Square)}; pawns cannot stand on the first or last rank";
                return false;
            }
        }

        // 2. side to move
        if (fields[1] is not ("w" or "b"))
        {
            error = $"field 2 (side to move) '{fields[1]}': write 'w' or 'b'";
            return false;
        }
        int side = fields[1] == "w" ? 0 : 1;

        // 3. castling: KQkq (X-FEN: the outermost rook on that side of the king) or rook files (Shredder-FEN, Chess960)
        CastlingRights castling = CastlingRights.None;
        uint castlingRooks = ChessBoard.StandardCastlingRooks;
        if (fields[2] != "-")
        {
            foreach (char c in fields[2])
            {
                int color = char.IsUpper(c) ? 0 : 1;
                char letter = char.ToLowerInvariant(c);
                string who = color == 0 ? "White" : "Black";
                int backRank = color == 0 ? 0 : 7;
                int king = pieces.First(p => p.Color == color && p.Type == PieceType.King).Square;
                if (letter is not ('k' or 'q' or (>= 'a' and <= 'h')))
                {
                    error = $"field 3 (castling) '{fields[2]}': write '-' or some of KQkq (Chess960: the rook files, e.g. HAha)";
                    return false;
                }
                if (Squares.Rank(king) != backRank)
                {
                    error = $"field 3 (castling) '{c}': {who} can castle only with the king on rank {backRank + 1}";
                    return false;
                }
                int rookFile = -1;
                if (letter is 'k' or 'q')
                {
                    int step = letter == 'k' ? -1 : 1;
                    for (int f = letter == 'k' ? 7 : 0; f != Squares.File(king); f += step)
                    {
                        if (pieces.Contains((color, PieceType.Rook, Squares.Make(f, backRank))))
                        {
                            rookFile = f;
                            break;
                        }
                    }
                    if (rookFile < 0)
                    {
                        error = $"field 3 (castling) '{c}': {who} may castle {(letter == 'k' ? "kingside" : "queenside")} only with a rook " +
                                $"on rank {backRank + 1} on that side of the king (standard chess: king on {(color == 0 ? "e1" : "e8")}, " +
                                $"rook on {(letter == 'k' ? 'h' : 'a')}{backRank + 1})";
                        return false;
                    }
                }
                else
                {
                    rookFile = letter - 'a';
                    if (!pieces.Contains((color, PieceType.Rook, Squares.Make(rookFile, backRank))) || rookFile == Squares.File(king))
                    {
                        error = $"field 3 (castling) '{c}': {who} has no rook on {Squares.Name(Squares.Make(rookFile, backRank))} to castle with";
                        return false;
                    }
                }
                bool kingside = rookFile > Squares.File(king);
                var right = (CastlingRights)(1 << (2 * color + (kingside ? 0 : 1)));
                if ((castling & right) != 0)
                {
                    error = $"field 3 (castling) '{fields[2]}': {who}'s {(kingside ? "kingside" : "queenside")} right is given twice";
                    return false;
                }
                castling |= right;
                int shift = 8 * (2 * color + (kingside ? 0 : 1));
                castlingRooks = (castlingRooks & ~(0xFFu << shift)) | ((uint)Squares.Make(rookFile, backRank) << shift);
            }
        }

        // 4. en passant
        int enPassant = Squares.None;
        if (fields[3] != "-")
        {
            if (!Squares.TryParse(fields[3], out enPassant) || Squares.Rank(enPassant) != (side == 0 ? 5 : 2))
            {
                error = $"field 4 (en passant) '{fields[3]}': write '-' or the square a pawn just passed, on rank {(side == 0 ? 6 : 3)} " +
                        $"when {(side == 0 ? "White" : "Black")} is to move";
                return false;
            }
            int pawnSquare = enPassant + (side == 0 ? -8 : 8);
            if (!pieces.Contains((side ^ 1, PieceType.Pawn, pawnSquare)) || pieces.Any(p => p.Square == enPassant))
            {
                error = $"field 4 (en passant) '{fields[3]}': no {(side == 0 ? "black" : "white")} pawn on {Squares.Name(pawnSquare)} " +
                        $"that just passed an empty {fields[3]}";
                return false;
            }
        }

        // 5-6. clocks
        int halfmove = 0, fullmove = 1;
        if (fields.Length > 4 && (!int.TryParse(fields[4], NumberStyles.None, CultureInfo.InvariantCulture, out halfmove) || halfmove > ChessBoard.MaxCounter))
        {
            error = $"field 5 (halfmove clock) '{fields[4]}': write the plies since the last capture or pawn move, 0 to {ChessBoard.MaxCounter}";
            return false;
        }
        if (fields.Length > 5 && (!int.TryParse(fields[5], NumberStyles.None, CultureInfo.InvariantCulture, out fullmove) || fullmove is < 1 or > ChessBoard.MaxCounter))
        {
            error = $"field 6 (move number) '{fields[5]}': write the move number, 1 to {ChessBoard.MaxCounter}";
            return false;
        }

        ChessBoard parsed = ChessBoard.FromParts([.. pieces], side, castling, castlingRooks, enPassant, halfmove, fullmove);
        int other = side ^ 1;
        if (parsed.IsAttacked(parsed.KingSquare(other), side, parsed.Occupied))
        {
            error = $"field 2 (side to move): {(side == 0 ? "White" : "Black")} is to move but {(other == 0 ? "White" : "Black")}'s king " +
                    "is in check; the side in check must be the side to move";
            return false;
        }
        board = parsed;
        error = null;
        return true;
    }

    /// <summary>The board as FEN (six fields; en passant only when a capture there is possible).</summary>
    public static string Format(in ChessBoard board)
    {
        var sb = new StringBuilder(90);
        for (int rank = 7; rank >= 0; rank--)
        {
            int empty = 0;
            for (int file = 0; file < 8; file++)
            {
                int square = Squares.Make(file, rank);
                PieceType type = board.PieceAt(square);
                if (type == PieceType.None)
                {
                    empty++;
                    continue;
                }
                if (empty > 0)
                {
                    sb.Append((char)('0' + empty));
                    empty = 0;
                }
                char c = "pnbrqk"[(int)type];
                sb.Append(board.ColorAt(square) == 0 ? char.ToUpperInvariant(c) : c);
            }
            if (empty > 0)
            {
                sb.Append((char)('0' + empty));
            }
            if (rank > 0)
            {
                sb.Append('/');
            }
        }
        sb.Append(board.SideToMove == 0 ? " w " : " b ");
        CastlingRights rights = board.Castling;
        if (rights == CastlingRights.None)
        {
            sb.Append('-');
        }
        else
        {
            for (int r = 0; r < 4; r++)
            {
                var right = (CastlingRights)(1 << r);
                if ((rights & right) != 0)
                {
                    sb.Append(CastlingLetter(in board, right, r >> 1, (r & 1) == 0));
                }
            }
        }
        sb.Append(' ').Append(board.EnPassant == Squares.None ? "-" : Squares.Name(board.EnPassant));
        sb.Append(CultureInfo.InvariantCulture, $" {board.HalfmoveClock} {board.FullmoveNumber}");
        return sb.ToString();
    }

    /// <summary>K/Q (k/q) when the right's rook is the outermost one on its side (X-FEN), else the rook's file.</summary>
    private static char CastlingLetter(in ChessBoard board, CastlingRights right, int color, bool kingside)
    {
        int rook = board.CastlingRook(right);
        int rank = rook & 56;
        int king = board.KingSquare(color);
        int outermost = -1;
        for (int f = kingside ? 7 : 0; f != Squares.File(king); f += kingside ? -1 : 1)
        {
            if ((board.Pieces(color, PieceType.Rook) & Bitboards.Bit(rank | f)) != 0)
            {
                outermost = rank | f;
                break;
            }
        }
        char letter = outermost == rook ? (kingside ? 'k' : 'q') : (char)('a' + Squares.File(rook));
        return color == 0 ? char.ToUpperInvariant(letter) : letter;
    }
}
