using Zero.Games;

namespace Zero.Search.Mcts;

/// <summary>
/// What a search found: the best move (a proven win first, the shortest; then the most visited, a proven loss last;
/// ties go to the higher Q, then the higher prior), the root's
/// value, per-move statistics, the principal variation, counters and the policy training target (root visits
/// normalised, indexed by action). Immutable; returned by <c>Wait</c>, <c>Search</c> and <c>Snapshot</c>.
/// </summary>
public sealed class SearchResult<TMove>
    where TMove : struct, IEquatable<TMove>
{
    public required TMove BestMove { get; init; }

    /// <summary>Root Q for the side to move, in [-1, 1]; exactly 1, 0 or -1 when the solver has proven the root.</summary>
    public required float Value { get; init; }

    /// <summary>The root's proven result for the side to move (<see cref="MctsOptions.Solver"/>); null while not proven.</summary>
    public GameResult? Proven { get; init; }

    /// <summary>Plies to the end of the game with best play when <see cref="Proven"/> (63 means 63 or more); 0 otherwise.</summary>
    public int ProvenPlies { get; init; }

    /// <summary>Every root move, in the order the game generated them.</summary>
    public required IReadOnlyList<MoveStats<TMove>> Moves { get; init; }

    /// <summary>The principal variation: from the root, the best child at each step (chosen as <see cref="BestMove"/> is).</summary>
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
