namespace Zero.Games.Chess;

/// <summary>
/// The six chess piece types, in the order of the bitboards in <see cref="ChessBoard"/> and of the Lc0 input planes
/// (pawn, knight, bishop, rook, queen, king). Used by the board, the move generator, SAN and the network encoding.
/// </summary>
public enum PieceType : byte
{
    Pawn = 0,
    Knight = 1,
    Bishop = 2,
    Rook = 3,
    Queen = 4,
    King = 5,
    None = 6,
}
