using System.Runtime.CompilerServices;

namespace Zero.Games.Chess;

/// <summary>
/// The eight bitboards of a <see cref="ChessBoard"/>, stored inline: indices 0-5 the piece types of both colours
/// (<see cref="PieceType"/> order), 6 the white pieces, 7 the black pieces.
/// </summary>
[InlineArray(8)]
internal struct PieceBoards
{
    private ulong _first;
}
