using System.Runtime.CompilerServices;

namespace Zero.Games.Chess;

/// <summary>
/// A chess move packed in 16 bits, the layout Stockfish uses:
/// <code>
///   bits 0-5   from square        bits 12-13  promotion piece (0 knight, 1 bishop, 2 rook, 3 queen)
///   bits 6-11  to square          bits 14-15  kind (normal, promotion, en passant, castling)
/// </code>
/// Castling is stored as the king taking its own rook (e1h1, e1a1), which also covers Chess960;
/// <see cref="ToString"/> writes it as the king's two-square move (e1g1) that standard UCI expects, and
/// <see cref="ChessBoard.FormatUci"/> picks the Chess960 form when the board needs it. <c>default</c> (a1a1) is no move.
/// The move generator writes these into caller-owned spans; the position and the notations read them.
/// </summary>
public readonly record struct ChessMove(ushort Value)
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ChessMove(int from, int to, MoveKind kind = MoveKind.Normal, PieceType promotion = PieceType.Knight)
        : this((ushort)(from | (to << 6) | (((int)promotion - 1) << 12) | ((int)kind << 14)))
    {
    }

    public int From
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Value & 63;
    }

    public int To
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (Value >> 6) & 63;
    }

    public MoveKind Kind
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => (MoveKind)(Value >> 14);
    }

    /// <summary>The piece a pawn promotes to; <see cref="PieceType.None"/> unless this is a promotion.</summary>
    public PieceType Promotion => Kind == MoveKind.Promotion ? (PieceType)(((Value >> 12) & 3) + 1) : PieceType.None;

    /// <summary>True for the empty move (<c>default</c>).</summary>
    public bool IsNone => Value == 0;

    /// <summary>The square the king ends on when this castling move is played (g- or c-file of its rank).</summary>
    public int CastlingKingTarget => (From & 56) | (To > From ? 6 : 2);

    /// <summary>The move in UCI long algebraic notation: "e2e4", "e7e8q", castling as the king's move "e1g1".</summary>
    public override string ToString()
    {
        if (IsNone)
        {
            return "0000";
        }
        string text = Squares.Name(From) + Squares.Name(Kind == MoveKind.Castling ? CastlingKingTarget : To);
        return Kind == MoveKind.Promotion ? text + "nbrq"[(int)Promotion - 1] : text;
    }
}
