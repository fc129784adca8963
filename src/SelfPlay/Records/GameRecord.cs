namespace Zero.SelfPlay.Records;

/// <summary>
/// A finished game as the experience store keeps it: the moves (as actions), the search statistics of every
/// searched move, the outcome and the generation of the network that played. Positions are not stored: the
/// replay window re-derives them by replaying the actions from the initial position, which keeps records small
/// (a Connect Four game is a few hundred bytes compressed). Written by the self-play workers, encoded by
/// <see cref="GameRecordCodec"/>, read by the replay window and by reports.
/// </summary>
public sealed record GameRecord
{
    /// <summary>The game's name (<c>IGame.Name</c>), checked when the record is replayed.</summary>
    public required string Game { get; init; }

    /// <summary>The generation of the network that played the game (0 = random initial weights).</summary>
    public required int Generation { get; init; }

    /// <summary>The result for the first player: +1 first player won, 0 draw, −1 first player lost.</summary>
    public required int Outcome { get; init; }

    /// <summary>How the game ended (resigned, played out for the false-positive check, truncated).</summary>
    public GameRecordFlags Flags { get; init; }

    /// <summary>
    /// The first ply at which the resign rule fired, or −1. In a game played out with resignation disabled this
    /// marks a would-be resignation: it was a false positive when the side that would have resigned did not lose.
    /// </summary>
    public int ResignPly { get; init; } = -1;

    /// <summary>The moves in the order played.</summary>
    public required IReadOnlyList<RecordedMove> Moves { get; init; }

    /// <summary>The outcome as a value for the side to move at <paramref name="ply"/>.</summary>
    public float OutcomeForPly(int ply) => (ply & 1) == 0 ? Outcome : -Outcome;

    /// <summary>
    /// True when the side that would have resigned at <see cref="ResignPly"/> did not lose this played-out game.
    /// </summary>
    public bool IsResignFalsePositive =>
        ResignPly >= 0 && (Flags & GameRecordFlags.ResignDisabled) != 0 && OutcomeForPly(ResignPly) > -1f;

    /// <summary>Compares content, move by move (the default record equality compares the list by reference).</summary>
    public bool ContentEquals(GameRecord other)
    {
        if (Game != other.Game || Generation != other.Generation || Outcome != other.Outcome || Flags != other.Flags
            || ResignPly != other.ResignPly || Moves.Count != other.Moves.Count)
        {
            return false;
        }
        for (int i = 0; i < Moves.Count; i++)
        {
            if (!Moves[i].ContentEquals(other.Moves[i]))
            {
                return false;
            }
        }
        return true;
    }
}
