using Zero.Games;

namespace Zero.Search.Mcts;

/// <summary>The search's statistics for one root move, from the root's side to move.</summary>
/// <param name="Move">The move.</param>
/// <param name="Action">Its policy index.</param>
/// <param name="Visits">N.</param>
/// <param name="Q">Mean value W/N for the root's side to move, in [-1, 1]; NaN when unvisited.</param>
/// <param name="Prior">P, as used by the search (after root noise when it was on).</param>
/// <remarks>With <see cref="MctsOptions.Solver"/>, a move whose result the search has proven has <see cref="Proven"/> set and
/// its exact value (1, 0 or -1) as <see cref="Q"/>.</remarks>
public readonly record struct MoveStats<TMove>(TMove Move, int Action, int Visits, float Q, float Prior)
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>The proven result of the move for the root's side to move; null while not proven.</summary>
    public GameResult? Proven { get; init; }

    /// <summary>Plies to the end of the game with best play, this move included, when <see cref="Proven"/> (63 means 63 or more); 0 otherwise.</summary>
    public int ProvenPlies { get; init; }
}
