namespace Zero.Search.Mcts;

/// <summary>
/// What a search found: the best move (most visited; ties go to the higher Q, then the higher prior), the root's
/// value, per-move statistics, the principal variation, counters and the policy training target (root visits
/// normalised, indexed by action). Immutable; returned by <c>Wait</c>, <c>Search</c> and <c>Snapshot</c>.
/// </summary>
public sealed class SearchResult<TMove>
    where TMove : struct, IEquatable<TMove>
{
    public required TMove BestMove { get; init; }

    /// <summary>Root Q for the side to move, in [-1, 1].</summary>
    public required float Value { get; init; }

    /// <summary>Every root move, in the order the game generated them.</summary>
    public required IReadOnlyList<MoveStats<TMove>> Moves { get; init; }

    /// <summary>The principal variation: from the root, the most visited child at each step.</summary>
    public required IReadOnlyList<TMove> PrincipalVariation { get; init; }

    /// <summary>Playouts done by this search (leaves evaluated or terminal leaves visited).</summary>
    public required long Playouts { get; init; }

    /// <summary>Root visits, including those kept by tree reuse.</summary>
    public required long Visits { get; init; }

    /// <summary>Nodes in the tree.</summary>
    public required int TreeNodes { get; init; }

    /// <summary>Selections that hit a leaf already being evaluated and were undone.</summary>
    public required long Collisions { get; init; }

    public required TimeSpan Elapsed { get; init; }

    public required StopReason StopReason { get; init; }

    /// <summary>Root visits per action divided by their sum: the policy target for training (ActionCount long).</summary>
    public required float[] PolicyTarget { get; init; }

    /// <summary>Playouts per second of this search.</summary>
    public double PlayoutsPerSecond => Elapsed > TimeSpan.Zero ? Playouts / Elapsed.TotalSeconds : 0;
}
