using System.Runtime.CompilerServices;

namespace Zero.Games.Chess;

/// <summary>
/// The rules core of chess: where the pieces stand, who moves, castling rights, the en-passant square, the move
/// clocks and an incrementally updated Zobrist hash, in 88 bytes that are copied to make a move (copy-make: a
/// board never changes once made; <see cref="Play"/> returns a new one). It knows nothing about history; the
/// game-level <see cref="ChessPosition"/> adds that for repetitions and the network planes. Perft, the move
/// generator and the notations work on this type directly and allocate nothing.
/// </summary>
/// <remarks>
/// Layout: 8 bitboards (<see cref="PieceBoards"/>), the hash, the home squares of the castling rooks (one byte per
/// right: a1/h1/a8/h8 in standard chess, anywhere on the back rank in Chess960), then the small fields. The en-passant square is
/// stored (and hashed, and written to FEN) only when a pawn of the side to move stands ready to capture there,
/// as Stockfish does, so equal positions get equal hashes whichever way they were reached.
/// </remarks>
public partial struct ChessBoard : IEquatable<ChessBoard>
{
    private PieceBoards _boards;
    private ulong _hash;
    private uint _castlingRooks;
    private ushort _fullmove;
    private ushort _halfmove;
    private byte _side;
    private CastlingRights _castling;
    private byte _enPassant;

    /// <summary>The start position.</summary>
    public static ChessBoard Start { get; } = CreateStart();

    private static ChessBoard CreateStart()
    {
        var b = new ChessBoard { _enPassant = Squares.None, _fullmove = 1, _castling = CastlingRights.All, _castlingRooks = StandardCastlingRooks };
        PieceType[] back = [PieceType.Rook, PieceType.Knight, PieceType.Bishop, PieceType.Queen, PieceType.King, PieceType.Bishop, PieceType.Knight, PieceType.Rook];
        for (int f = 0; f < 8; f++)
        {
            b.Put(0, back[f], f);
            b.Put(0, PieceType.Pawn, 8 + f);
            b.Put(1, PieceType.Pawn, 48 + f);
            b.Put(1, back[f], 56 + f);
        }
        b._hash = b.ComputeHash();
        return b;
    }

    /// <summary>The side to move: 0 White, 1 Black.</summary>
    public readonly int SideToMove => _side;

    public readonly CastlingRights Castling => _castling;

    /// <summary>The rook squares of standard chess per right (kingside h1, queenside a1, h8, a8), one byte each.</summary>
    internal const uint StandardCastlingRooks = 7u | (0u << 8) | (63u << 16) | (56u << 24);

    /// <summary>
    /// The home square of the rook that castles with <paramref name="right"/> (one right only); h1, a1, h8, a8 in
    /// standard chess.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int CastlingRook(CastlingRights right) =>
        (int)(_castlingRooks >> (8 * System.Numerics.BitOperations.TrailingZeroCount((uint)right))) & 0xFF;

    /// <summary>
    /// True when castling needs Chess960 notation: some right castles with a king off the e-file or a rook off the a-
    /// and h-files. Standard chess and Chess960 positions that look standard write castling as the king's move (e1g1).
    /// </summary>
    public readonly bool IsChess960Castling
    {
        get
        {
            for (int r = 0; r < 4; r++)
            {
                var right = (CastlingRights)(1 << r);
                if ((_castling & right) != 0
                    && (Squares.File(KingSquare(r >> 1)) != 4 || Squares.File(CastlingRook(right)) is not (0 or 7)))
                {
                    return true;
                }
            }
            return false;
        }
    }

    /// <summary>
    /// A move in UCI notation for this board: castling as the king's two-square move ("e1g1") in standard chess, as
    /// the king taking its own rook ("f1h1") when <see cref="IsChess960Castling"/>.
    /// </summary>
    public readonly string FormatUci(ChessMove move) =>
        move.Kind == MoveKind.Castling && IsChess960Castling ? Squares.Name(move.From) + Squares.Name(move.To) : move.ToString();

    /// <summary>The en-passant target square, or <see cref="Squares.None"/> when no en-passant capture is possible.</summary>
    public readonly int EnPassant => _enPassant;

    /// <summary>
    /// The largest halfmove clock and move number a board holds (16 bits each): play stops counting there instead of
    /// wrapping, so a game of any length keeps a valid FEN (a GUI may send 20,000 plies of shuffling).
    /// </summary>
    public const int MaxCounter = ushort.MaxValue;

    /// <summary>Plies since the last capture or pawn move (the fifty-move rule counts to 100).</summary>
    public readonly int HalfmoveClock => _halfmove;

    /// <summary>The FEN full-move number: 1 at the start, +1 after each Black move.</summary>
    public readonly int FullmoveNumber => _fullmove;

    /// <summary>The Zobrist hash: pieces, side to move, castling rights and en-passant file (not the clocks).</summary>
    public readonly ulong Hash => _hash;

    public readonly ulong Occupied
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _boards[6] | _boards[7];
    }

    /// <summary>All pieces of <paramref name="color"/> (0 White, 1 Black).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Pieces(int color) => _boards[6 + color];

    /// <summary>The pieces of one type, both colours.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Pieces(PieceType type) => _boards[(int)type];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong Pieces(int color, PieceType type) => _boards[(int)type] & _boards[6 + color];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly int KingSquare(int color) => Bitboards.Lsb(_boards[(int)PieceType.King] & _boards[6 + color]);

    /// <summary>The type of the piece on <paramref name="square"/>, or <see cref="PieceType.None"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly PieceType PieceAt(int square)
    {
        ulong bit = Bitboards.Bit(square);
        if ((Occupied & bit) == 0)
        {
            return PieceType.None;
        }
        int t = 0;
        while ((_boards[t] & bit) == 0)
        {
            t++;
        }
        return (PieceType)t;
    }

    /// <summary>The colour of the piece on <paramref name="square"/> (0 White, 1 Black), or -1 when it is empty.</summary>
    public readonly int ColorAt(int square) =>
        (_boards[6] & Bitboards.Bit(square)) != 0 ? 0 : (_boards[7] & Bitboards.Bit(square)) != 0 ? 1 : -1;

    /// <summary>The pieces of both colours that attack <paramref name="square"/> with the given occupancy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly ulong AttackersTo(int square, ulong occupied) =>
        (Bitboards.Pawn(1, square) & Pieces(0, PieceType.Pawn))
        | (Bitboards.Pawn(0, square) & Pieces(1, PieceType.Pawn))
        | (Bitboards.Knight(square) & _boards[(int)PieceType.Knight])
        | (Bitboards.King(square) & _boards[(int)PieceType.King])
        | (Attacks.Rook(square, occupied) & (_boards[(int)PieceType.Rook] | _boards[(int)PieceType.Queen]))
        | (Attacks.Bishop(square, occupied) & (_boards[(int)PieceType.Bishop] | _boards[(int)PieceType.Queen]));

    /// <summary>True when a piece of <paramref name="by"/> attacks <paramref name="square"/> with the given occupancy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly bool IsAttacked(int square, int by, ulong occupied)
    {
        ulong them = _boards[6 + by];
        return ((Bitboards.Pawn(by ^ 1, square) & _boards[(int)PieceType.Pawn] & them)
            | (Bitboards.Knight(square) & _boards[(int)PieceType.Knight] & them)
            | (Bitboards.King(square) & _boards[(int)PieceType.King] & them)
            | (Attacks.Rook(square, occupied) & (_boards[(int)PieceType.Rook] | _boards[(int)PieceType.Queen]) & them)
            | (Attacks.Bishop(square, occupied) & (_boards[(int)PieceType.Bishop] | _boards[(int)PieceType.Queen]) & them)) != 0;
    }

    /// <summary>The enemy pieces giving check to the side to move.</summary>
    public readonly ulong Checkers => AttackersTo(KingSquare(_side), Occupied) & _boards[7 - _side];

    public readonly bool InCheck => Checkers != 0;

    /// <summary>
    /// True when neither side can ever mate (FIDE's dead positions that are decided by material alone): king against
    /// king, king and one minor piece against king, and kings with bishops that all stand on squares of one colour.
    /// </summary>
    public readonly bool IsInsufficientMaterial
    {
        get
        {
            if ((Pieces(PieceType.Pawn) | Pieces(PieceType.Rook) | Pieces(PieceType.Queen)) != 0)
            {
                return false;
            }
            ulong minors = Pieces(PieceType.Knight) | Pieces(PieceType.Bishop);
            if (!Bitboards.Several(minors))
            {
                return true;
            }
            ulong bishops = Pieces(PieceType.Bishop);
            return minors == bishops && ((bishops & Bitboards.DarkSquares) == 0 || (bishops & ~Bitboards.DarkSquares) == 0);
        }
    }

    /// <summary>Writes the legal moves into <paramref name="moves"/> (at least 256 long) and returns how many.</summary>
    /// <exception cref="ArgumentException">The span is shorter than 256.</exception>
    public readonly int GenerateMoves(Span<ChessMove> moves) => MoveGenerator.Generate(in this, moves);

    /// <summary>True when the side to move has at least one legal move.</summary>
    [SkipLocalsInit]
    public readonly bool HasLegalMoves()
    {
        Span<ChessMove> moves = stackalloc ChessMove[MoveGenerator.MaxMoves];
        return MoveGenerator.Generate(in this, moves) > 0;
    }

    /// <summary>The hash computed from scratch (the incremental one must always equal it; tests check).</summary>
    public readonly ulong ComputeHash()
    {
        ulong h = Zobrist.Castling(_castling);
        for (int c = 0; c < 2; c++)
        {
            for (int t = 0; t < 6; t++)
            {
                ulong b = Pieces(c, (PieceType)t);
                while (b != 0)
                {
                    h ^= Zobrist.Piece(c, (PieceType)t, Bitboards.Lsb(b));
                    b &= b - 1;
                }
            }
        }
        if (_side == 1)
        {
            h ^= Zobrist.BlackToMove;
        }
        if (_enPassant != Squares.None)
        {
            h ^= Zobrist.EnPassant(_enPassant);
        }
        return h;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Put(int color, PieceType type, int square)
    {
        ulong bit = Bitboards.Bit(square);
        _boards[(int)type] |= bit;
        _boards[6 + color] |= bit;
    }

    public readonly bool Equals(ChessBoard other) =>
        _hash == other._hash && _side == other._side && _castling == other._castling && _enPassant == other._enPassant
        && _castlingRooks == other._castlingRooks
        && _halfmove == other._halfmove && _fullmove == other._fullmove
        && ((ReadOnlySpan<ulong>)_boards).SequenceEqual(other._boards);

    public override readonly bool Equals(object? obj) => obj is ChessBoard b && Equals(b);

    public override readonly int GetHashCode() => (int)_hash;

    public static bool operator ==(ChessBoard a, ChessBoard b) => a.Equals(b);

    public static bool operator !=(ChessBoard a, ChessBoard b) => !a.Equals(b);

    public override readonly string ToString() => Fen.Format(in this);
}
