using System.Runtime.CompilerServices;

namespace Zero.Games.Chess;

/// <summary>Making a move (copy-make) and the internal setters FEN parsing uses.</summary>
public partial struct ChessBoard
{
    /// <summary>The board after <paramref name="move"/>, which must be legal here; this board is unchanged.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ChessBoard Play(ChessMove move)
    {
        ChessBoard next = this;
        next.Apply(move);
        return next;
    }

    /// <summary>
    /// Applies a legal move in place: 1. clear the old en-passant square and flip the side; 2. castling moves king and
    /// rook to their files; otherwise remove the captured piece (behind the target square for en passant); 3. move the piece, promoting it
    /// at the last rank; 4. set a new en-passant square after a double step when an enemy pawn could take; 5. update
    /// castling rights, clocks and the hash.
    /// </summary>
    private void Apply(ChessMove move)
    {
        int us = _side, them = us ^ 1;
        int from = move.From, to = move.To;
        PieceType piece = PieceAt(from);
        ulong hash = _hash ^ Zobrist.BlackToMove;
        if (_enPassant != Squares.None)
        {
            hash ^= Zobrist.EnPassant(_enPassant);
            _enPassant = Squares.None;
        }
        if (_halfmove != MaxCounter)
        {
            _halfmove++;
        }
        MoveKind kind = move.Kind;
        if (kind == MoveKind.Castling)
        {
            // the move is "king takes own rook"; both land on the g/c and f/d files (Chess960 rules, standard included)
            int rank = from & 56;
            bool kingside = to > from;
            int kingTo = rank | (kingside ? 6 : 2), rookTo = rank | (kingside ? 5 : 3);
            Remove(us, PieceType.King, from);
            Remove(us, PieceType.Rook, to);
            Put(us, PieceType.King, kingTo);
            Put(us, PieceType.Rook, rookTo);
            hash ^= Zobrist.Piece(us, PieceType.King, from) ^ Zobrist.Piece(us, PieceType.King, kingTo)
                  ^ Zobrist.Piece(us, PieceType.Rook, to) ^ Zobrist.Piece(us, PieceType.Rook, rookTo);
        }
        else
        {
            if (kind == MoveKind.EnPassant)
            {
                int captured = to ^ 8;
                Remove(them, PieceType.Pawn, captured);
                hash ^= Zobrist.Piece(them, PieceType.Pawn, captured);
            }
            else if ((_boards[6 + them] & Bitboards.Bit(to)) != 0)
            {
                PieceType captured = PieceAt(to);
                Remove(them, captured, to);
                hash ^= Zobrist.Piece(them, captured, to);
                _halfmove = 0;
            }
            MovePiece(us, piece, from, to);
            hash ^= Zobrist.Piece(us, piece, from) ^ Zobrist.Piece(us, piece, to);
            if (piece == PieceType.Pawn)
            {
                _halfmove = 0;
                if (kind == MoveKind.Promotion)
                {
                    PieceType promoted = move.Promotion;
                    Remove(us, PieceType.Pawn, to);
                    Put(us, promoted, to);
                    hash ^= Zobrist.Piece(us, PieceType.Pawn, to) ^ Zobrist.Piece(us, promoted, to);
                }
                else if ((from ^ to) == 16)
                {
                    int passed = (from + to) >> 1;
                    if ((Bitboards.Pawn(us, passed) & Pieces(them, PieceType.Pawn)) != 0)
                    {
                        _enPassant = (byte)passed;
                        hash ^= Zobrist.EnPassant(passed);
                    }
                }
            }
        }
        if (_castling != CastlingRights.None)
        {
            CastlingRights rights = _castling & ~LostRights(piece == PieceType.King ? us : -1, from, to);
            if (rights != _castling)
            {
                hash ^= Zobrist.Castling(_castling) ^ Zobrist.Castling(rights);
                _castling = rights;
            }
        }
        if (us == 1 && _fullmove != MaxCounter)
        {
            _fullmove++;
        }
        _side = (byte)them;
        _hash = hash;
    }

    /// <summary>
    /// The rights a move loses: both of <paramref name="kingColor"/>'s when its king moves (-1: no king moved), and
    /// the right of any castling rook that leaves or is captured on its home square. A lost right's rook square goes
    /// back to the standard one, so equal positions compare equal however they were reached.
    /// </summary>
    private CastlingRights LostRights(int kingColor, int from, int to)
    {
        CastlingRights lost = kingColor switch
        {
            0 => CastlingRights.WhiteKingside | CastlingRights.WhiteQueenside,
            1 => CastlingRights.BlackKingside | CastlingRights.BlackQueenside,
            _ => CastlingRights.None,
        };
        for (int r = 0; r < 4; r++)
        {
            int rook = (int)(_castlingRooks >> (8 * r)) & 0xFF;
            if (rook == from || rook == to)
            {
                lost |= (CastlingRights)(1 << r);
            }
        }
        lost &= _castling;
        for (int r = 0; r < 4; r++)
        {
            if (((int)lost & (1 << r)) != 0)
            {
                uint mask = 0xFFu << (8 * r);
                _castlingRooks = (_castlingRooks & ~mask) | (StandardCastlingRooks & mask);
            }
        }
        return lost;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void MovePiece(int color, PieceType type, int from, int to)
    {
        ulong fromTo = Bitboards.Bit(from) | Bitboards.Bit(to);
        _boards[(int)type] ^= fromTo;
        _boards[6 + color] ^= fromTo;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Remove(int color, PieceType type, int square)
    {
        ulong bit = Bitboards.Bit(square);
        _boards[(int)type] ^= bit;
        _boards[6 + color] ^= bit;
    }

    /// <summary>Builds a board from parts (FEN parsing); the caller has validated them. The hash is computed here.</summary>
    internal static ChessBoard FromParts(ReadOnlySpan<(int Color, PieceType Type, int Square)> pieces, int side,
        CastlingRights castling, uint castlingRooks, int enPassant, int halfmove, int fullmove)
    {
        var b = new ChessBoard
        {
            _castlingRooks = castlingRooks,
            _side = (byte)side,
            _castling = castling,
            _enPassant = Squares.None,
            _halfmove = (ushort)halfmove,
            _fullmove = (ushort)fullmove,
        };
        foreach (var (color, type, square) in pieces)
        {
            b.Put(color, type, square);
        }
        if (enPassant != Squares.None && (Bitboards.Pawn(side ^ 1, enPassant) & b.Pieces(side, PieceType.Pawn)) != 0)
        {
            b._enPassant = (byte)enPassant;
        }
        b._hash = b.ComputeHash();
        return b;
    }
}
