namespace Zero.Rl.Tabular;

/// <summary>
/// Small gridworlds from Sutton &amp; Barto with published values to test against: Example 3.5 (5×5, teleports
/// A→A′ +10 and B→B′ +5, −1 for bumping the edge, γ = 0.9; Figures 3.2 and 3.5) and Example 4.1 (4×4, −1 per
/// step, two terminal corners; Figure 4.1). States are row-major cells (row 0 on top); actions north, south,
/// east, west. Deterministic moves.
/// </summary>
public static class Gridworld
{
    /// <summary>Action indices.</summary>
    public const int North = 0, South = 1, East = 2, West = 3;

    private static readonly (int Dr, int Dc)[] Moves = [(-1, 0), (1, 0), (0, 1), (0, -1)];

    /// <summary>Example 3.5: A = (0,1) → A′ = (4,1) with +10, B = (0,3) → B′ = (2,3) with +5, off-grid −1 (stay), else 0.</summary>
    public static FiniteMdp Example35()
    {
        const int n = 5;
        return Build(n, n, (r, c, a) =>
        {
            if ((r, c) == (0, 1))
            {
                return (4, 1, 10.0);
            }
            if ((r, c) == (0, 3))
            {
                return (2, 3, 5.0);
            }
            (int nr, int nc) = (r + Moves[a].Dr, c + Moves[a].Dc);
            return nr is < 0 or >= n || nc is < 0 or >= n ? (r, c, -1.0) : (nr, nc, 0.0);
        }, terminal: (_, _) => false);
    }

    /// <summary>Example 4.1: 4×4, reward −1 on every move, off-grid moves stay, cells 0 and 15 terminal.</summary>
    public static FiniteMdp Example41()
    {
        const int n = 4;
        return Build(n, n, (r, c, a) =>
        {
            (int nr, int nc) = (r + Moves[a].Dr, c + Moves[a].Dc);
            return nr is < 0 or >= n || nc is < 0 or >= n ? (r, c, -1.0) : (nr, nc, -1.0);
        }, terminal: (r, c) => (r, c) is (0, 0) or (3, 3));
    }

    private static FiniteMdp Build(int rows, int cols, Func<int, int, int, (int R, int C, double Reward)> move, Func<int, int, bool> terminal)
    {
        var model = new Transition[]?[rows * cols][];
        var names = new string[rows * cols];
        for (int r = 0; r < rows; r++)
        {
            for (int c = 0; c < cols; c++)
            {
                int s = (r * cols) + c;
                names[s] = $"({r},{c})";
                model[s] = new Transition[]?[4];
                if (terminal(r, c))
                {
                    continue;
                }
                for (int a = 0; a < 4; a++)
                {
                    (int nr, int nc, double reward) = move(r, c, a);
                    model[s][a] = [new Transition((nr * cols) + nc, 1.0, reward)];
                }
            }
        }
        return new FiniteMdp(names, ["north", "south", "east", "west"], model);
    }
}
