namespace Zero.Games.Chess;

/// <summary>What a <see cref="ChessMove"/> does besides moving a piece; the top two bits of the move.</summary>
public enum MoveKind : byte
{
    Normal = 0,
    Promotion = 1,
    EnPassant = 2,
    Castling = 3,
}
