namespace Zero.Search.Baselines;

/// <summary>
/// Bitboard arithmetic for the Connect Four solver, on the layout of <see cref="Zero.Games.ConnectFour.ConnectFourPosition"/>
/// (7 bits a column, bottom row first, the 7th bit a sentinel). A position is two words: <c>current</c> (the side to
/// move's stones) and <c>mask</c> (all stones). These are the formulas of Pascal Pons' solver
/// (http://blog.gamesolver.org), kept apart so the exact and the depth-limited searches share them.
/// </summary>
internal static class ConnectFourBits
{
    public const int Width = 7;
    public const int Height = 6;
    public const int Cells = Width * Height;
    public const ulong BottomMask = 0x0040810204081UL;
    public const ulong BoardMask = BottomMask * ((1UL << Height) - 1);

    public static ulong TopCell(int column) => 1UL << (Height - 1 + column * (Height + 1));
    public static ulong BottomCell(int column) => 1UL << (column * (Height + 1));
    public static ulong ColumnMask(int column) => ((1UL << Height) - 1) << (column * (Height + 1));

    /// <summary>The cells where a stone can be dropped now (one per non-full column).</summary>
    public static ulong Possible(ulong mask) => (mask + BottomMask) & BoardMask;

    /// <summary>
    /// The empty cells that would complete four in a row for <paramref name="stones"/> (playable now or not).
    /// </summary>
    public static ulong WinningCells(ulong stones, ulong mask)
    {
        // 1. vertical: three stones below the cell
        ulong r = (stones << 1) & (stones << 2) & (stones << 3);

        // 2. horizontal (shift 7), then the two diagonals (shift 6 and 8): three in line on either side of the cell
        r |= LineCompletions(stones, Height + 1);
        r |= LineCompletions(stones, Height);
        r |= LineCompletions(stones, Height + 2);
        return r & (BoardMask ^ mask);
    }

    private static ulong LineCompletions(ulong s, int d)
    {
        ulong p = (s << d) & (s << (2 * d));
        ulong r = p & (s << (3 * d));
        r |= p & (s >> d);
        p = (s >> d) & (s >> (2 * d));
        r |= p & (s << d);
        r |= p & (s >> (3 * d));
        return r;
    }

    /// <summary>True when the side to move can win with its next stone.</summary>
    public static bool CanWinNext(ulong current, ulong mask) => (WinningCells(current, mask) & Possible(mask)) != 0;

    /// <summary>
    /// The playable cells that do not lose at once: if the opponent threatens one cell we must block it (two
    /// threats: nothing saves us, returns 0), and we never play directly below an opponent's winning cell.
    /// Assumes the side to move cannot win at once.
    /// </summary>
    public static ulong NonLosingMoves(ulong current, ulong mask)
    {
        ulong possible = Possible(mask);
        ulong opponentWins = WinningCells(current ^ mask, mask);
        ulong forced = possible & opponentWins;
        if (forced != 0)
        {
            if ((forced & (forced - 1)) != 0)
            {
                return 0;
            }
            possible = forced;
        }
        return possible & ~(opponentWins >> 1);
    }

    /// <summary>The unique position key (Pons): current + mask, below 2^49.</summary>
    public static ulong Key(ulong current, ulong mask) => current + mask;

    /// <summary>The column (0–6) of a single-cell move bitboard.</summary>
    public static int ColumnOf(ulong move) => System.Numerics.BitOperations.TrailingZeroCount(move) / (Height + 1);
}
