namespace Zero.Games.Go;

/// <summary>
/// A Go move independent of the board size: a point (row 0 at the top, column 0 at the left), a pass, or a
/// resignation. Resignation is never generated as a legal move (it has no policy action) but
/// <see cref="GoPosition{TFrame}.Play"/> accepts it and ends the game. Written as a GTP vertex by
/// <see cref="GoCoordinates"/> ("D4", "pass", "resign").
/// </summary>
public readonly record struct GoMove
{
    private const sbyte PassValue = -1;
    private const sbyte ResignValue = -2;

    private GoMove(sbyte row, sbyte col)
    {
        Row = row;
        Col = col;
    }

    /// <summary>Row of the point, 0 at the top (−1 for pass, −2 for resign).</summary>
    public sbyte Row { get; }

    /// <summary>Column of the point, 0 at the left (−1 for pass, −2 for resign).</summary>
    public sbyte Col { get; }

    /// <summary>A pass.</summary>
    public static GoMove Pass => new(PassValue, PassValue);

    /// <summary>A resignation.</summary>
    public static GoMove Resign => new(ResignValue, ResignValue);

    /// <summary>The point (row, col), row 0 at the top.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Row or column outside 0–24.</exception>
    public static GoMove At(int row, int col)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(row);
        ArgumentOutOfRangeException.ThrowIfNegative(col);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(row, GoRules.MaxSize);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(col, GoRules.MaxSize);
        return new GoMove((sbyte)row, (sbyte)col);
    }

    /// <summary>True for a pass.</summary>
    public bool IsPass => Row == PassValue;

    /// <summary>True for a resignation.</summary>
    public bool IsResign => Row == ResignValue;

    /// <summary>True for a stone on a point.</summary>
    public bool IsPoint => Row >= 0;

    public override string ToString() => IsPass ? "pass" : IsResign ? "resign" : $"({Row},{Col})";
}
