using System.Numerics;
using System.Text;

namespace Zero.Games.ConnectFour;

/// <summary>
/// Connect Four (7 columns × 6 rows) on two 64-bit bitboards, the layout of the classic solvers: each column
/// takes 7 bits, bottom row first, the 7th bit a sentinel that keeps shifted lines from wrapping.
/// <code>
///   .  .  .  .  .  .  .     sentinel row:  6 13 20 27 34 41 48
///   5 12 19 26 33 40 47     top row
///   4 11 18 25 32 39 46
///   3 10 17 24 31 38 45
///   2  9 16 23 30 37 44
///   1  8 15 22 29 36 43
///   0  7 14 21 28 35 42     bottom row
/// </code>
/// <c>_current</c> holds the side to move's stones and <c>_mask</c> all stones. A position is written as the
/// 1-based columns played in order ("4453"). Features (3×6×7, row 0 = top): plane 0 the side to move's stones,
/// plane 1 the opponent's, plane 2 all ones when the first player is to move.
/// </summary>
public readonly struct ConnectFourPosition : IGame<ConnectFourPosition, ConnectFourMove>, IEquatable<ConnectFourPosition>
{
    public const int Width = 7;
    public const int Height = 6;
    private const ulong BottomRow = 0x0040810204081UL; // bit 0 of every column
    private const ulong BoardMask = BottomRow * ((1UL << Height) - 1);

    private readonly ulong _current;
    private readonly ulong _mask;

    private ConnectFourPosition(ulong current, ulong mask)
    {
        _current = current;
        _mask = mask;
    }

    public static string Name => "connect4";
    public static int ActionCount => Width;
    public static int MaxMoves => Width;
    public static InputShape InputShape => new(3, Height, Width);
    public static int SymmetryCount => 2;
    public static ConnectFourPosition Initial => default;

    /// <summary>Bitboard of the side to move's stones.</summary>
    public ulong CurrentStones => _current;

    /// <summary>Bitboard of all stones.</summary>
    public ulong Occupied => _mask;

    /// <summary>A unique key of the position (the classic solver key: current + mask), fits in 49 bits.</summary>
    public ulong Key => _current + _mask;

    public int Ply => BitOperations.PopCount(_mask);
    public int SideToMove => Ply & 1;
    public ulong Hash => SplitMix64.Mix(Key);

    public GameResult? Outcome
    {
        get
        {
            if (HasFour(_current ^ _mask))
            {
                return GameResult.Loss;
            }
            return _mask == BoardMask ? GameResult.Draw : null;
        }
    }

    /// <summary>True when <paramref name="stones"/> contain four in a row in any direction.</summary>
    public static bool HasFour(ulong stones)
    {
        // horizontal (shift by a column), vertical, and the two diagonals
        ulong m = stones & (stones >> 7);
        if ((m & (m >> 14)) != 0) return true;
        m = stones & (stones >> 1);
        if ((m & (m >> 2)) != 0) return true;
        m = stones & (stones >> 6);
        if ((m & (m >> 12)) != 0) return true;
        m = stones & (stones >> 8);
        return (m & (m >> 16)) != 0;
    }

    /// <summary>True when <paramref name="column"/> (0-based) has room for another stone.</summary>
    public bool CanPlay(int column) => (_mask & TopCell(column)) == 0;

    /// <summary>True when the side to move wins at once by playing <paramref name="column"/> (which must be playable).</summary>
    public bool IsWinningMove(int column)
    {
        ulong stones = _current | ((_mask + BottomCell(column)) & ColumnMask(column));
        return HasFour(stones);
    }

    internal static ulong TopCell(int column) => 1UL << (Height - 1 + column * (Height + 1));
    internal static ulong BottomCell(int column) => 1UL << (column * (Height + 1));
    internal static ulong ColumnMask(int column) => ((1UL << Height) - 1) << (column * (Height + 1));

    public int GenerateMoves(Span<ConnectFourMove> moves)
    {
        if (Outcome is not null)
        {
            return 0;
        }
        int count = 0;
        for (int c = 0; c < Width; c++)
        {
            if (CanPlay(c))
            {
                moves[count++] = new ConnectFourMove((byte)c);
            }
        }
        return count;
    }

    public ConnectFourPosition Play(ConnectFourMove move) =>
        new(_current ^ _mask, _mask | (_mask + BottomCell(move.Column)));

    public int ActionIndex(ConnectFourMove move) => move.Column;

    public void WriteFeatures(Span<float> destination)
    {
        destination = destination[..(3 * Height * Width)];
        destination.Clear();
        ulong own = _current, other = _current ^ _mask;
        for (int c = 0; c < Width; c++)
        {
            for (int r = 0; r < Height; r++)
            {
                int bit = c * (Height + 1) + r;
                int cell = (Height - 1 - r) * Width + c;
                if ((own >> bit & 1) != 0) destination[cell] = 1f;
                if ((other >> bit & 1) != 0) destination[Height * Width + cell] = 1f;
            }
        }
        if (SideToMove == 0)
        {
            destination[(2 * Height * Width)..].Fill(1f);
        }
    }

    public static int TransformAction(int action, int symmetry) => symmetry == 0 ? action : Width - 1 - action;

    public ConnectFourPosition ApplySymmetry(int symmetry) =>
        symmetry == 0 ? this : new ConnectFourPosition(Mirror(_current), Mirror(_mask));

    private static ulong Mirror(ulong board)
    {
        ulong result = 0;
        for (int c = 0; c < Width; c++)
        {
            result |= ((board >> (c * (Height + 1))) & 0x7F) << ((Width - 1 - c) * (Height + 1));
        }
        return result;
    }

    public string FormatMove(ConnectFourMove move) => move.ToString();

    public bool TryParseMove(string text, out ConnectFourMove move, out string? error)
    {
        move = default;
        string t = text.Trim();
        if (t.Length != 1 || t[0] < '1' || t[0] > '7')
        {
            error = $"'{text}' is not a column: type a number 1-7 (1 is the leftmost column)";
            return false;
        }
        if (Outcome is not null)
        {
            error = "the game is over";
            return false;
        }
        int column = t[0] - '1';
        if (!CanPlay(column))
        {
            error = $"column {t} is full: choose another column";
            return false;
        }
        move = new ConnectFourMove((byte)column);
        error = null;
        return true;
    }

    public static bool TryParsePosition(string text, out ConnectFourPosition position, out string? error)
    {
        position = Initial;
        string t = text.Trim();
        if (t is "" or "-")
        {
            error = null;
            return true;
        }
        for (int i = 0; i < t.Length; i++)
        {
            if (!position.TryParseMove(t[i].ToString(), out ConnectFourMove move, out string? moveError))
            {
                error = $"move {i + 1} of '{t}': {moveError}";
                position = Initial;
                return false;
            }
            position = position.Play(move);
        }
        error = null;
        return true;
    }

    /// <summary>
    /// The position as a sequence of columns that reaches it. The order of play is not stored, so this is the first
    /// legal order a depth-first search finds (failed column-height states are remembered, so it stays fast).
    /// </summary>
    public string FormatPosition()
    {
        var moves = new StringBuilder();
        var failed = new HashSet<ulong>();
        return FindOrder(Initial, this, moves, failed) ? moves.ToString() : "?";
    }

    private static bool FindOrder(ConnectFourPosition current, ConnectFourPosition target, StringBuilder moves, HashSet<ulong> failed)
    {
        if (current._mask == target._mask)
        {
            return current._current == target._current;
        }
        if (current.Outcome is not null || failed.Contains(current._mask))
        {
            return false;
        }
        ulong targetMover = current.SideToMove == target.SideToMove ? target._current : target._current ^ target._mask;
        for (int c = 0; c < Width; c++)
        {
            ulong cell = (current._mask + BottomCell(c)) & ColumnMask(c);
            if (cell == 0 || (cell & target._mask) == 0 || (cell & targetMover) == 0)
            {
                continue;
            }
            moves.Append((char)('1' + c));
            if (FindOrder(current.Play(new ConnectFourMove((byte)c)), target, moves, failed))
            {
                return true;
            }
            moves.Length--;
        }
        failed.Add(current._mask);
        return false;
    }

    public string Render()
    {
        var sb = new StringBuilder();
        ulong first = SideToMove == 0 ? _current : _current ^ _mask;
        for (int r = Height - 1; r >= 0; r--)
        {
            sb.Append('|');
            for (int c = 0; c < Width; c++)
            {
                ulong bit = 1UL << (c * (Height + 1) + r);
                char ch = (_mask & bit) == 0 ? '.' : (first & bit) != 0 ? 'X' : 'O';
                sb.Append(' ').Append(ch);
            }
            sb.Append(" |\n");
        }
        sb.Append("+---------------+\n  1 2 3 4 5 6 7\n");
        return sb.ToString();
    }

    public bool Equals(ConnectFourPosition other) => _current == other._current && _mask == other._mask;
    public override bool Equals(object? obj) => obj is ConnectFourPosition p && Equals(p);
    public override int GetHashCode() => (int)Hash;
    public static bool operator ==(ConnectFourPosition a, ConnectFourPosition b) => a.Equals(b);
    public static bool operator !=(ConnectFourPosition a, ConnectFourPosition b) => !a.Equals(b);
    public override string ToString() => FormatPosition();
}
