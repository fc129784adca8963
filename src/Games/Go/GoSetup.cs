namespace Zero.Games.Go;

/// <summary>
/// How a game starts: its rules, the setup stones (handicap stones and free AB/AW stones) and who moves first.
/// Shared, immutable, by every position of the game; <see cref="GoPosition{TFrame}"/> replays setup + moves
/// when it parses its notation or maps a symmetry.
/// </summary>
/// <param name="Rules">Size, komi, rule set, ko rule.</param>
/// <param name="Handicap">Black handicap stones (White moves first when there are any; Chinese rules give White a
/// point for each).</param>
/// <param name="Black">Other black setup stones.</param>
/// <param name="White">White setup stones.</param>
/// <param name="First">The player to move first after the setup.</param>
public sealed record GoSetup(GoRules Rules, IReadOnlyList<GoMove> Handicap, IReadOnlyList<GoMove> Black, IReadOnlyList<GoMove> White, GoColor First)
{
    /// <summary>An empty board under <paramref name="rules"/>, Black first.</summary>
    public static GoSetup Empty(GoRules rules) => new(rules, [], [], [], GoColor.Black);

    /// <summary>The default first player: White after handicap stones, else Black.</summary>
    public GoColor DefaultFirst => Handicap.Count > 0 ? GoColor.White : GoColor.Black;

    /// <summary>True when nothing is set up and Black starts.</summary>
    public bool IsEmpty => Handicap.Count == 0 && Black.Count == 0 && White.Count == 0 && First == GoColor.Black;

    /// <summary>Points White gets for handicap stones (Chinese rules: one per stone; Tromp–Taylor: none).</summary>
    public int WhiteHandicapBonus => Rules.RuleSet == GoRuleSet.Chinese ? Handicap.Count : 0;

    /// <summary>Builds the board of this setup.</summary>
    /// <exception cref="ZeroException">A stone is off the board, on an occupied point, or would capture or have no liberty.</exception>
    public GoBoard CreateBoard()
    {
        var board = new GoBoard(Rules.Size);
        PlaceAll(board, Handicap, GoColor.Black, "handicap");
        PlaceAll(board, Black, GoColor.Black, "black setup");
        PlaceAll(board, White, GoColor.White, "white setup");
        board.SetToMove(First);
        return board;
    }

    private void PlaceAll(GoBoard board, IReadOnlyList<GoMove> stones, GoColor color, string what)
    {
        foreach (GoMove m in stones)
        {
            if (!m.IsPoint || m.Row >= Rules.Size || m.Col >= Rules.Size)
            {
                throw new ZeroException($"{what} stone {m} is not on the {Rules.Size}x{Rules.Size} board");
            }
            if (!board.Place(board.Point(m.Row, m.Col), color))
            {
                throw new ZeroException($"{what} stone {GoCoordinates.Format(m, Rules.Size)} is on an occupied point or leaves a string without liberties");
            }
        }
    }

    /// <summary>The setup mapped through a board symmetry (see <see cref="GridSymmetry"/>).</summary>
    public GoSetup Transform(int symmetry) => symmetry == 0 ? this : this with
    {
        Handicap = Map(Handicap, symmetry),
        Black = Map(Black, symmetry),
        White = Map(White, symmetry),
    };

    private GoMove[] Map(IReadOnlyList<GoMove> stones, int symmetry) =>
        stones.Select(m => GoPositionText.MapMove(m, Rules.Size, symmetry)).ToArray();

    public bool Equals(GoSetup? other) =>
        other is not null && Rules == other.Rules && First == other.First &&
        Handicap.SequenceEqual(other.Handicap) && Black.SequenceEqual(other.Black) && White.SequenceEqual(other.White);

    public override int GetHashCode() => HashCode.Combine(Rules, First, Handicap.Count, Black.Count, White.Count);
}
