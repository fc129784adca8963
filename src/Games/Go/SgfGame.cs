namespace Zero.Games.Go;

/// <summary>
/// A Go game record as SGF FF[4] holds it (the main line only): the setup (size SZ, komi KM, rules RU, handicap
/// HA with its AB stones, other AB/AW stones, first player PL), the moves B/W with comments, and the game
/// information (PB, PW, DT, RE, root C). Read by <see cref="SgfReader"/>, written by <see cref="SgfWriter"/>;
/// <see cref="ToPosition{TFrame}"/> replays it, <see cref="FromPosition{TFrame}"/> records a game.
/// </summary>
public sealed record SgfGame(GoSetup Setup, IReadOnlyList<SgfMove> Moves)
{
    /// <summary>PB: Black's name.</summary>
    public string? PlayerBlack { get; init; }

    /// <summary>PW: White's name.</summary>
    public string? PlayerWhite { get; init; }

    /// <summary>DT: the date, as written ("2026-01-01").</summary>
    public string? Date { get; init; }

    /// <summary>RE: the result, as written ("B+3.5", "W+R", "0", "Void", "?").</summary>
    public string? Result { get; init; }

    /// <summary>C on the root node: a comment on the whole game.</summary>
    public string? Comment { get; init; }

    /// <summary>RU as written in the file (kept when it named rules Zero reads as Chinese, e.g. "Japanese").</summary>
    public string? RulesText { get; init; }

    /// <summary>Replays the main line. Moves out of turn get a pass inserted before them (SGF allows B B).</summary>
    /// <exception cref="ZeroException">The board is larger than the frame, or a move is illegal (the message names it).</exception>
    public GoPosition<TFrame> ToPosition<TFrame>() where TFrame : struct, IGoFrame
    {
        GoPosition<TFrame> position = GoPosition<TFrame>.Create(Setup);
        for (int i = 0; i < Moves.Count; i++)
        {
            SgfMove m = Moves[i];
            if (m.Color != position.ToMove)
            {
                position = position.Play(GoMove.Pass);
            }
            if (!position.IsLegal(m.Move, out string? why))
            {
                throw new ZeroException($"SGF move {i + 1} ({(m.Color == GoColor.Black ? "B" : "W")} {GoCoordinates.Format(m.Move, Setup.Rules.Size)}) is illegal: {why}");
            }
            position = position.Play(m.Move);
        }
        return position;
    }

    /// <summary>Records the game that led to <paramref name="position"/> (resignations become RE, not moves).</summary>
    public static SgfGame FromPosition<TFrame>(GoPosition<TFrame> position, string? result = null) where TFrame : struct, IGoFrame
    {
        var moves = new List<SgfMove>();
        GoColor color = position.Setup.First;
        foreach (GoMove m in position.Moves)
        {
            if (!m.IsResign)
            {
                moves.Add(new SgfMove(color, m));
            }
            color = color.Opponent();
        }
        return new SgfGame(position.Setup, moves) { Result = result };
    }
}
