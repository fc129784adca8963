using System.Text;
using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>Builds Go positions from board pictures (X black, O white, . empty; row 0 at the top) for the tests.</summary>
public static class GoPictures
{
    /// <summary>A position of <paramref name="rows"/> (space-separated cells) with <paramref name="first"/> to move.</summary>
    public static GoPosition<Go25> Parse(string[] rows, GoColor first = GoColor.Black, GoRuleSet rules = GoRuleSet.Chinese,
        GoKoRule ko = GoKoRule.Positional, double komi = 0)
    {
        int size = rows.Length;
        var black = new List<GoMove>();
        var white = new List<GoMove>();
        for (int r = 0; r < size; r++)
        {
            string[] cells = rows[r].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Assert.Equal(size, cells.Length);
            for (int c = 0; c < size; c++)
            {
                if (cells[c] == "X") black.Add(GoMove.At(r, c));
                else if (cells[c] == "O") white.Add(GoMove.At(r, c));
            }
        }
        var setup = new GoSetup(new GoRules(size, komi, rules, ko), [], black, white, first);
        return GoPosition<Go25>.Create(setup);
    }

    /// <summary>The board as a picture in the same form.</summary>
    public static string[] Picture<TFrame>(GoPosition<TFrame> position) where TFrame : struct, IGoFrame
    {
        var rows = new string[position.Size];
        for (int r = 0; r < position.Size; r++)
        {
            var sb = new StringBuilder();
            for (int c = 0; c < position.Size; c++)
            {
                if (c > 0) sb.Append(' ');
                sb.Append(position[r, c] switch { GoColor.Black => 'X', GoColor.White => 'O', _ => '.' });
            }
            rows[r] = sb.ToString();
        }
        return rows;
    }

    /// <summary>What identifies a position for the hash: board, side to move, ko point, pending pass, outcome, rules.</summary>
    public static string Canonical<TFrame>(GoPosition<TFrame> p) where TFrame : struct, IGoFrame =>
        string.Join("/", Picture(p)) + "|" + p.SideToMove + "|" + p.Board.KoPoint + "|" + p.Board.Passes + "|" + p.Outcome + "|" + p.Rules;

    /// <summary>Plays GTP vertices in order, each of which must be legal.</summary>
    public static GoPosition<TFrame> PlayAll<TFrame>(GoPosition<TFrame> p, params string[] moves) where TFrame : struct, IGoFrame
    {
        foreach (string m in moves)
        {
            Assert.True(p.TryParseMove(m, out GoMove move, out string? error), $"{m}: {error}");
            p = p.Play(move);
        }
        return p;
    }
}
