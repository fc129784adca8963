namespace Zero.Search.Baselines;

/// <summary>
/// What one Connect Four alpha-beta search found: the column to play (0-based), its score, the depth completed and
/// whether the score is exact. Returned by <see cref="ConnectFourSolver"/>'s depth-limited searches and shown by
/// <see cref="AlphaBetaPlayer"/>. <see cref="Score"/> is on the heuristic scale: a proven result is
/// <see cref="ConnectFourSolver.ProvenScale"/> × the Pons score; anything strictly between ±ProvenScale is an estimate.
/// </summary>
public readonly record struct AlphaBetaResult(int Column, int Score, int Depth, bool Exact, long Nodes)
{
    /// <summary>The Pons score when the result is proven (a win or a loss), else null.</summary>
    public int? ProvenScore => Math.Abs(Score) >= ConnectFourSolver.ProvenScale ? Score / ConnectFourSolver.ProvenScale : null;

    public override string ToString()
    {
        string value = Exact ? $"exact {Score / ConnectFourSolver.ProvenScale}" : ProvenScore is int p ? $"proven {p}" : $"eval {Score}";
        return $"column {Column + 1}, {value}, depth {Depth}, {Nodes} nodes";
    }
}
