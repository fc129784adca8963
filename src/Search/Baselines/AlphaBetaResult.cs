using System.Globalization;

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

    /// <summary>For people: "exact: wins with its 11th stone, depth 20, 52,113 nodes".</summary>
    public string Describe()
    {
        string value = (Exact || ProvenScore is not null) ? $"{(Exact ? "exact" : "proven")}: {Outcome(Score / ConnectFourSolver.ProvenScale)}"
            : $"estimate {Score.ToString(CultureInfo.InvariantCulture)}";
        return $"{value}, depth {Depth.ToString(CultureInfo.InvariantCulture)}, {Nodes.ToString("N0", CultureInfo.InvariantCulture)} nodes";
    }

    private static string Outcome(int ponsScore) => ponsScore switch
    {
        0 => "a draw",
        > 0 => $"wins with its {Ordinal(22 - ponsScore)} stone",
        _ => $"loses to the opponent's {Ordinal(22 + ponsScore)} stone",
    };

    private static string Ordinal(int n) => n.ToString(CultureInfo.InvariantCulture) + ((n % 100) is 11 or 12 or 13 ? "th" : (n % 10) switch
    {
        1 => "st",
        2 => "nd",
        3 => "rd",
        _ => "th",
    });

    public override string ToString()
    {
        string value = Exact ? $"exact {Score / ConnectFourSolver.ProvenScale}" : ProvenScore is int p ? $"proven {p}" : $"eval {Score}";
        return $"column {Column + 1}, {value}, depth {Depth}, {Nodes} nodes";
    }
}
