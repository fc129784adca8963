using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Zero.Games.Chess;

/// <summary>
/// Zobrist keys for incremental hashing of <see cref="ChessBoard"/>: one per (colour, piece, square), one per
/// castling-rights value (16), one per en-passant file, one for Black to move, and one that
/// <see cref="ChessPosition"/> mixes in when a draw rule (threefold repetition, fifty moves) ends the game. The keys
/// come from SplitMix64 with a fixed seed, so hashes are the same in every process and on every machine.
/// </summary>
public static class Zobrist
{
    private static readonly ulong[] PieceKeys = Keys(2 * 6 * 64, 1);
    private static readonly ulong[] CastlingKeys = Keys(16, 2);
    private static readonly ulong[] EnPassantKeys = Keys(8, 3);

    /// <summary>The key for Black to move.</summary>
    public static readonly ulong BlackToMove = Keys(1, 4)[0];

    /// <summary>The key mixed into a position's hash when a draw rule has ended the game there.</summary>
    public static readonly ulong DrawByRule = Keys(1, 5)[0];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Piece(int color, PieceType piece, int square) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(PieceKeys), (((color * 6) + (int)piece) << 6) | square);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Castling(CastlingRights rights) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(CastlingKeys), (int)rights & 15);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong EnPassant(int square) =>
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(EnPassantKeys), square & 7);

    private static ulong[] Keys(int count, ulong stream)
    {
        var keys = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            keys[i] = SplitMix64.Mix((stream << 32) + (ulong)i);
        }
        return keys;
    }
}
