using System.Numerics;
using System.Text;

namespace Zero.Games.TicTacToe;

/// <summary>
/// Tic-tac-toe on two 9-bit masks. Cells are numbered 1–9 row by row from the top-left; a position is written
/// as the cells played in order ("5127": X on 5, O on 1, X on 2, O on 7).
/// <code>
///  1 | 2 | 3        bit 0 | bit 1 | bit 2
///  4 | 5 | 6   ==   bit 3 | bit 4 | bit 5
///  7 | 8 | 9        bit 6 | bit 7 | bit 8
/// </code>
/// Features (3×3×3): plane 0 the side to move's marks, plane 1 the opponent's, plane 2 all ones when X is to move.
/// </summary>
public readonly struct TicTacToePosition : IGame<TicTacToePosition, TicTacToeMove>, IEquatable<TicTacToePosition>
{
    private static readonly ushort[] Lines = [0x007, 0x038, 0x1C0, 0x049, 0x092, 0x124, 0x111, 0x054];
    private static readonly byte[][] SymmetryCell = BuildSymmetryTable();

    private readonly ushort _x;
    private readonly ushort _o;

    private TicTacToePosition(ushort x, ushort o)
    {
        _x = x;
        _o = o;
    }

    public static string Name => "tictactoe";
    public static int ActionCount => 9;
    public static int MaxMoves => 9;
    public static InputShape InputShape => new(3, 3, 3);
    public static int SymmetryCount => 8;
    public static TicTacToePosition Initial => default;

    /// <summary>Bit mask of X's cells (bit i = cell i+1).</summary>
    public int XMask => _x;

    /// <summary>Bit mask of O's cells.</summary>
    public int OMask => _o;

    public int Ply => BitOperations.PopCount((uint)(_x | _o));
    public int SideToMove => Ply & 1;
    public ulong Hash => SplitMix64.Mix((ulong)_x | ((ulong)_o << 9));

    public GameResult? Outcome
    {
        get
        {
            ushort last = SideToMove == 0 ? _o : _x;
            if (HasLine(last))
            {
                return GameResult.Loss;
            }
            return (_x | _o) == 0x1FF ? GameResult.Draw : null;
        }
    }

    private static bool HasLine(ushort marks)
    {
        foreach (ushort line in Lines)
        {
            if ((marks & line) == line)
            {
                return true;
            }
        }
        return false;
    }

    public int GenerateMoves(Span<TicTacToeMove> moves)
    {
        if (Outcome is not null)
        {
            return 0;
        }
        int count = 0;
        int empty = ~(_x | _o) & 0x1FF;
        while (empty != 0)
        {
            int cell = BitOperations.TrailingZeroCount(empty);
            moves[count++] = new TicTacToeMove((byte)cell);
            empty &= empty - 1;
        }
        return count;
    }

    public TicTacToePosition Play(TicTacToeMove move)
    {
        ushort bit = (ushort)(1 << move.Cell);
        return SideToMove == 0 ? new TicTacToePosition((ushort)(_x | bit), _o) : new TicTacToePosition(_x, (ushort)(_o | bit));
    }

    public int ActionIndex(TicTacToeMove move) => move.Cell;

    public void WriteFeatures(Span<float> destination)
    {
        destination = destination[..27];
        destination.Clear();
        (ushort own, ushort other) = SideToMove == 0 ? (_x, _o) : (_o, _x);
        for (int i = 0; i < 9; i++)
        {
            if ((own >> i & 1) != 0) destination[i] = 1f;
            if ((other >> i & 1) != 0) destination[9 + i] = 1f;
        }
        if (SideToMove == 0)
        {
            destination[18..27].Fill(1f);
        }
    }

    public static int TransformAction(int action, int symmetry) => SymmetryCell[symmetry][action];

    public TicTacToePosition ApplySymmetry(int symmetry)
    {
        byte[] map = SymmetryCell[symmetry];
        int x = 0, o = 0;
        for (int i = 0; i < 9; i++)
        {
            if ((_x >> i & 1) != 0) x |= 1 << map[i];
            if ((_o >> i & 1) != 0) o |= 1 << map[i];
        }
        return new TicTacToePosition((ushort)x, (ushort)o);
    }

    private static byte[][] BuildSymmetryTable()
    {
        var table = new byte[8][];
        for (int s = 0; s < 8; s++)
        {
            table[s] = new byte[9];
            for (int cell = 0; cell < 9; cell++)
            {
                (int r, int c) = GridSymmetry.Map(cell / 3, cell % 3, 3, s);
                table[s][cell] = (byte)(r * 3 + c);
            }
        }
        return table;
    }

    public string FormatMove(TicTacToeMove move) => move.ToString();

    public bool TryParseMove(string text, out TicTacToeMove move, out string? error)
    {
        move = default;
        string t = text.Trim();
        if (t.Length != 1 || t[0] < '1' || t[0] > '9')
        {
            error = $"'{text}' is not a cell: type a number 1-9 (1 is top-left, 9 bottom-right)";
            return false;
        }
        if (Outcome is not null)
        {
            error = "the game is over";
            return false;
        }
        int cell = t[0] - '1';
        if (((_x | _o) >> cell & 1) != 0)
        {
            error = $"cell {t} is already taken: choose an empty cell";
            return false;
        }
        move = new TicTacToeMove((byte)cell);
        error = null;
        return true;
    }

    /// <summary>
    /// The position as a sequence of cells played that reaches it. The order of play is not stored, so this is the
    /// first legal order found (ascending cells where that is legal); it parses back to the same position.
    /// </summary>
    public string FormatPosition()
    {
        Span<char> cells = stackalloc char[9];
        return FindOrder(Initial, this, cells, 0) ? new string(cells[..Ply]) : "?";
    }

    private static bool FindOrder(TicTacToePosition current, TicTacToePosition target, Span<char> cells, int depth)
    {
        if (current == target)
        {
            return true;
        }
        if (current.Outcome is not null)
        {
            return false;
        }
        int remaining = (current.SideToMove == 0 ? target._x & ~current._x : target._o & ~current._o) & 0x1FF;
        while (remaining != 0)
        {
            int cell = BitOperations.TrailingZeroCount(remaining);
            remaining &= remaining - 1;
            cells[depth] = (char)('1' + cell);
            if (FindOrder(current.Play(new TicTacToeMove((byte)cell)), target, cells, depth + 1))
            {
                return true;
            }
        }
        return false;
    }

    public static bool TryParsePosition(string text, out TicTacToePosition position, out string? error)
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
            if (!position.TryParseMove(t[i].ToString(), out TicTacToeMove move, out string? moveError))
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

    public string Render()
    {
        var sb = new StringBuilder();
        for (int r = 0; r < 3; r++)
        {
            for (int c = 0; c < 3; c++)
            {
                int i = r * 3 + c;
                char ch = (_x >> i & 1) != 0 ? 'X' : (_o >> i & 1) != 0 ? 'O' : (char)('1' + i);
                sb.Append(' ').Append(ch).Append(' ');
                if (c < 2) sb.Append('|');
            }
            sb.Append('\n');
            if (r < 2) sb.Append("---+---+---\n");
        }
        return sb.ToString();
    }

    public bool Equals(TicTacToePosition other) => _x == other._x && _o == other._o;
    public override bool Equals(object? obj) => obj is TicTacToePosition p && Equals(p);
    public override int GetHashCode() => (int)Hash;
    public static bool operator ==(TicTacToePosition a, TicTacToePosition b) => a.Equals(b);
    public static bool operator !=(TicTacToePosition a, TicTacToePosition b) => !a.Equals(b);
    public override string ToString() => FormatPosition();
}
