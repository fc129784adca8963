namespace Zero.Games.Chess;

/// <summary>The four castling rights as bits, the layout the Zobrist keys and the FEN field use.</summary>
[Flags]
public enum CastlingRights : byte
{
    None = 0,
    WhiteKingside = 1,
    WhiteQueenside = 2,
    BlackKingside = 4,
    BlackQueenside = 8,
    All = 15,
}
