namespace Zero.Games;

/// <summary>
/// The eight symmetries of a square board (dihedral group D4) as coordinate maps, shared by the square games
/// (tic-tac-toe, Go). Symmetry s: rotate (s &amp; 3) quarter turns clockwise, then mirror left-right when s ≥ 4.
/// </summary>
public static class GridSymmetry
{
    /// <summary>Maps (row, col) on an n×n board through symmetry <paramref name="symmetry"/>.</summary>
    public static (int Row, int Col) Map(int row, int col, int n, int symmetry)
    {
        for (int k = 0; k < (symmetry & 3); k++)
        {
            (row, col) = (col, n - 1 - row);
        }
        if (symmetry >= 4)
        {
            col = n - 1 - col;
        }
        return (row, col);
    }

    /// <summary>The symmetry that undoes <paramref name="symmetry"/>.</summary>
    public static int Inverse(int symmetry) => symmetry >= 4 ? symmetry : (4 - symmetry) & 3;
}
