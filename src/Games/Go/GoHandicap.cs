namespace Zero.Games.Go;

/// <summary>
/// Fixed handicap placement as GTP's <c>fixed_handicap</c> defines it (and as Leela Zero and GNU Go place them):
/// star points on the 3-3 points of boards up to 12×12 and the 4-4 points from 13×13 up, corners first, the
/// centre for odd counts of 5 or more, then the side points. Boards under 7×7 take no fixed handicap; 7×7 and
/// even sizes take at most 4 stones, odd sizes from 9×9 at most 9. Called by positions ("handicap" in the
/// notation), SGF HA and the GTP front-end.
/// </summary>
public static class GoHandicap
{
    /// <summary>The most fixed handicap stones a board of <paramref name="size"/> takes (0 below 7×7).</summary>
    public static int MaxFixed(int size) => size < 7 ? 0 : size == 7 || size % 2 == 0 ? 4 : 9;

    /// <summary>The points of a fixed handicap of <paramref name="stones"/> stones, in placement order.</summary>
    /// <exception cref="ZeroException">The count is outside 2 to <see cref="MaxFixed"/> for this size.</exception>
    public static IReadOnlyList<GoMove> Fixed(int size, int stones)
    {
        int max = MaxFixed(size);
        if (stones < 2 || stones > max)
        {
            throw new ZeroException(max == 0
                ? $"a {size}x{size} board takes no fixed handicap: use free placement"
                : $"invalid handicap {stones} on {size}x{size}: choose 2 to {max} stones");
        }
        int edge = size >= 13 ? 3 : 2;
        int far = size - 1 - edge;
        int mid = size / 2;
        // (x, y) with x the column and y counted from the bottom, as GTP draws them
        var points = new List<(int X, int Y)> { (far, far), (edge, edge) };
        if (stones >= 3) points.Add((edge, far));
        if (stones >= 4) points.Add((far, edge));
        if (stones >= 6)
        {
            points.Add((far, mid));
            points.Add((edge, mid));
        }
        if (stones >= 8)
        {
            points.Add((mid, far));
            points.Add((mid, edge));
        }
        if (stones >= 5 && stones % 2 == 1) points.Add((mid, mid));
        return points.Select(p => GoMove.At(size - 1 - p.Y, p.X)).ToArray();
    }
}
