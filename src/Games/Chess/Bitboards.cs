using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Zero.Games.Chess;

/// <summary>
/// Bitboard constants and the precomputed tables that do not depend on occupancy: knight, king and pawn attacks,
/// and the squares between / on the line through two squares (for pins, check blocks and en-passant checks).
/// Bit <c>n</c> of a bitboard is square <c>n</c> (see <see cref="Squares"/>). Read by the move generator, the board
/// and the sliding-attack tables; the hot accessors skip bounds checks because every index is a square 0..63.
/// </summary>
public static class Bitboards
{
    public const ulong FileA = 0x0101010101010101UL;
    public const ulong FileH = FileA << 7;
    public const ulong Rank1 = 0xFFUL;
    public const ulong Rank2 = Rank1 << 8;
    public const ulong Rank3 = Rank1 << 16;
    public const ulong Rank6 = Rank1 << 40;
    public const ulong Rank7 = Rank1 << 48;
    public const ulong Rank8 = Rank1 << 56;

    /// <summary>The dark squares (a1 is dark).</summary>
    public const ulong DarkSquares = 0xAA55AA55AA55AA55UL;

    private static readonly (int File, int Rank)[] KnightSteps = [(1, 2), (2, 1), (2, -1), (1, -2), (-1, -2), (-2, -1), (-2, 1), (-1, 2)];
    private static readonly (int File, int Rank)[] KingSteps = [(1, 0), (1, 1), (0, 1), (-1, 1), (-1, 0), (-1, -1), (0, -1), (1, -1)];
    internal static readonly (int File, int Rank)[] RookDirections = [(1, 0), (0, 1), (-1, 0), (0, -1)];
    internal static readonly (int File, int Rank)[] BishopDirections = [(1, 1), (-1, 1), (-1, -1), (1, -1)];

    private static readonly ulong[] KnightTable = Leaper(KnightSteps);
    private static readonly ulong[] KingTable = Leaper(KingSteps);
    private static readonly ulong[] PawnTable = BuildPawnAttacks();
    private static readonly ulong[] BetweenTable = BuildLines(between: true);
    private static readonly ulong[] LineTable = BuildLines(between: false);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bit(int square) => 1UL << square;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Lsb(ulong board) => BitOperations.TrailingZeroCount(board);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Count(ulong board) => BitOperations.PopCount(board);

    /// <summary>True when more than one bit is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Several(ulong board) => (board & (board - 1)) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Knight(int square) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(KnightTable), square);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong King(int square) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(KingTable), square);

    /// <summary>The squares a pawn of <paramref name="color"/> (0 White, 1 Black) on <paramref name="square"/> attacks.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Pawn(int color, int square) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(PawnTable), (color << 6) | square);

    /// <summary>The squares strictly between two squares on a rank, file or diagonal; 0 when they are not aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Between(int a, int b) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(BetweenTable), (a << 6) | b);

    /// <summary>The whole line (edge to edge) through two aligned squares, both included; 0 when they are not aligned.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Line(int a, int b) => Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(LineTable), (a << 6) | b);

    /// <summary>
    /// Slider attacks by walking rays one square at a time: the slow reference that builds the fast tables and
    /// that the tests compare them with.
    /// </summary>
    internal static ulong SlidingAttacksSlow(int square, ulong occupied, ReadOnlySpan<(int File, int Rank)> directions)
    {
        ulong attacks = 0;
        foreach (var (df, dr) in directions)
        {
            int f = Squares.File(square) + df, r = Squares.Rank(square) + dr;
            while (f is >= 0 and < 8 && r is >= 0 and < 8)
            {
                ulong bit = Bit(Squares.Make(f, r));
                attacks |= bit;
                if ((occupied & bit) != 0)
                {
                    break;
                }
                f += df;
                r += dr;
            }
        }
        return attacks;
    }

    private static ulong[] Leaper((int File, int Rank)[] steps)
    {
        var table = new ulong[64];
        for (int s = 0; s < 64; s++)
        {
            foreach (var (df, dr) in steps)
            {
                int f = Squares.File(s) + df, r = Squares.Rank(s) + dr;
                if (f is >= 0 and < 8 && r is >= 0 and < 8)
                {
                    table[s] |= Bit(Squares.Make(f, r));
                }
            }
        }
        return table;
    }

    private static ulong[] BuildPawnAttacks()
    {
        var table = new ulong[128];
        for (int s = 0; s < 64; s++)
        {
            ulong b = Bit(s);
            table[s] = ((b & ~FileA) << 7) | ((b & ~FileH) << 9);
            table[64 + s] = ((b & ~FileA) >> 9) | ((b & ~FileH) >> 7);
        }
        return table;
    }

    private static ulong[] BuildLines(bool between)
    {
        var table = new ulong[64 * 64];
        for (int a = 0; a < 64; a++)
        {
            foreach (var dirs in new[] { RookDirections, BishopDirections })
            {
                ulong fromA = SlidingAttacksSlow(a, 0, dirs);
                for (int b = 0; b < 64; b++)
                {
                    if (a == b || (fromA & Bit(b)) == 0)
                    {
                        continue;
                    }
                    table[(a << 6) | b] = between
                        ? SlidingAttacksSlow(a, Bit(b), dirs) & SlidingAttacksSlow(b, Bit(a), dirs)
                        : (fromA & SlidingAttacksSlow(b, 0, dirs)) | Bit(a) | Bit(b);
                }
            }
        }
        return table;
    }
}
