using Zero.Games.ConnectFour;

namespace Zero.Games.Tests.ConnectFour;

/// <summary>
/// Builds Connect Four test positions from pictures (6 lines of 7 characters, top row first, 'X' the first player,
/// 'O' the second, '.' empty): finds by depth-first search a legal order of play that reaches the picture, so tests
/// read as boards and still go through <see cref="ConnectFourPosition.Play"/>.
/// </summary>
internal static class ConnectFourPicture
{
    /// <summary>The column sequence (1-based digits) that reaches the picture; the game may end only on the last move.</summary>
    public static string Moves(params string[] rows)
    {
        Assert.Equal(6, rows.Length);
        Assert.All(rows, r => Assert.Equal(7, r.Length));
        int total = rows.Sum(r => r.Count(ch => ch != '.'));
        var columns = new char[total];
        var failed = new HashSet<(string, int)>();
        Assert.True(Search(rows, new int[7], 0, total, ConnectFourPosition.Initial, columns, failed), "no legal order of play reaches this picture");
        return new string(columns);
    }

    /// <summary>The position the picture shows (reached by <see cref="Moves"/>).</summary>
    public static ConnectFourPosition Position(params string[] rows)
    {
        Assert.True(ConnectFourPosition.TryParsePosition(Moves(rows), out ConnectFourPosition p, out string? error), error);
        return p;
    }

    /// <summary>The bitboard (layout of ConnectFourPosition) of the cells holding <paramref name="stone"/>.</summary>
    public static ulong Stones(char stone, params string[] rows)
    {
        ulong bits = 0;
        for (int line = 0; line < 6; line++)
        {
            for (int c = 0; c < 7; c++)
            {
                if (rows[line][c] == stone)
                {
                    bits |= 1UL << (c * 7 + (5 - line));
                }
            }
        }
        return bits;
    }

    private static bool Search(string[] rows, int[] heights, int ply, int total, ConnectFourPosition position, char[] columns, HashSet<(string, int)> failed)
    {
        if (ply == total)
        {
            return true;
        }
        if (position.Outcome is not null || failed.Contains((string.Join(',', heights), ply)))
        {
            return false;
        }
        char mover = ply % 2 == 0 ? 'X' : 'O';
        for (int c = 0; c < 7; c++)
        {
            if (heights[c] == 6 || rows[5 - heights[c]][c] != mover)
            {
                continue;
            }
            heights[c]++;
            columns[ply] = (char)('1' + c);
            bool found = Search(rows, heights, ply + 1, total, position.Play(new ConnectFourMove((byte)c)), columns, failed);
            heights[c]--;
            if (found)
            {
                return true;
            }
        }
        failed.Add((string.Join(',', heights), ply));
        return false;
    }
}
