namespace Zero.SelfPlay.Records;

/// <summary>
/// One ply of a stored game: the action played and, when the move came from a search, the root value and the
/// sparse visit counts of the root's children (the policy target). Moves that were not searched (an opening
/// book, a forced move, a player without a tree) carry no visits and are never used as training samples.
/// </summary>
/// <param name="Action">The policy index of the move played, in the side-to-move frame.</param>
/// <param name="RootValue">The root's mean value Q from the side to move; NaN when the move was not searched.</param>
/// <param name="Visits">Visited children, or empty when the move was not searched.</param>
public sealed record RecordedMove(int Action, float RootValue, VisitCount[] Visits)
{
    /// <summary>A move played without a search (no training target).</summary>
    public static RecordedMove Unsearched(int action) => new(action, float.NaN, []);

    /// <summary>True when the move carries a visit distribution that the trainer can learn from.</summary>
    public bool IsSearched => Visits.Length > 0;

    /// <summary>Sum of the visit counts (0 when not searched).</summary>
    public int TotalVisits
    {
        get
        {
            int total = 0;
            foreach (VisitCount v in Visits)
            {
                total += v.Visits;
            }
            return total;
        }
    }

    /// <summary>Compares content (records compare arrays by reference).</summary>
    public bool ContentEquals(RecordedMove other) =>
        Action == other.Action
        && (RootValue.Equals(other.RootValue))
        && Visits.AsSpan().SequenceEqual(other.Visits);
}
