using Zero.Games;

namespace Zero.Search.Mcts;

/// <summary>
/// Picks the move to play from a finished search: sampled ∝ N^(1/T) while the game is young (self-play
/// exploration), otherwise the best move. Used by <c>MctsPlayer</c> and the self-play runner.
/// </summary>
public static class MoveSelection
{
    /// <summary>
    /// The move to play at ply <paramref name="ply"/>: a sample ∝ N^(1/T) when <paramref name="ply"/> &lt;
    /// <paramref name="temperatureMoves"/> and T &gt; 0, else <see cref="SearchResult{TMove}.BestMove"/>.
    /// </summary>
    public static TMove Choose<TMove>(SearchResult<TMove> result, int ply, double temperature, int temperatureMoves, Random random)
        where TMove : struct, IEquatable<TMove>
    {
        if (ply >= temperatureMoves || temperature <= 0)
        {
            return result.BestMove;
        }
        return Sample(result, temperature, random);
    }

    /// <summary>
    /// Orders root moves best first as the search picks its best move: a proven win (the shortest first), then by visits,
    /// Q and prior, a proven loss (the longest first) last. For report lines that rank <see cref="SearchResult{TMove}.Moves"/>.
    /// </summary>
    public static int CompareBestFirst<TMove>(MoveStats<TMove> a, MoveStats<TMove> b)
        where TMove : struct, IEquatable<TMove>
    {
        int proofs = CompareProven(a.Proven, a.ProvenPlies, b.Proven, b.ProvenPlies);
        if (proofs != 0)
        {
            return -proofs;
        }
        if (a.Visits != b.Visits)
        {
            return b.Visits.CompareTo(a.Visits);
        }
        float qa = float.IsNaN(a.Q) ? float.NegativeInfinity : a.Q, qb = float.IsNaN(b.Q) ? float.NegativeInfinity : b.Q;
        return qa != qb ? qb.CompareTo(qa) : b.Prior.CompareTo(a.Prior);
    }

    /// <summary>
    /// The solver's order of two moves by their proofs (results for the chooser, null when not proven): positive when
    /// <paramref name="a"/> is better. A proven win (the shorter first) beats anything open or drawn, a proven loss (the
    /// longer first) loses to it; 0 when the proofs leave the choice to the visit counts. The one rule behind
    /// <see cref="CompareBestFirst{TMove}"/> and the search's own best move.
    /// </summary>
    internal static int CompareProven(GameResult? a, int aPlies, GameResult? b, int bPlies)
    {
        int ra = Rank(a), rb = Rank(b);
        if (ra != rb)
        {
            return ra.CompareTo(rb);
        }
        return ra switch
        {
            2 => bPlies.CompareTo(aPlies),
            0 => aPlies.CompareTo(bPlies),
            _ => 0,
        };

        static int Rank(GameResult? r) => r switch { GameResult.Win => 2, GameResult.Loss => 0, _ => 1 };
    }

    /// <summary>
    /// A move sampled with probability ∝ N^(1/<paramref name="temperature"/>); the best move when nothing was visited.
    /// Proofs (<see cref="MctsOptions.Solver"/>) overrule the sample: a proven win is played (the best move is then the
    /// shortest), and a proven loss is never drawn while a visited move is not one.
    /// </summary>
    public static TMove Sample<TMove>(SearchResult<TMove> result, double temperature, Random random)
        where TMove : struct, IEquatable<TMove>
    {
        // Weights are taken relative to the largest count so that N^(1/T) cannot overflow for small T.
        int max = 0;
        bool open = false;
        foreach (MoveStats<TMove> m in result.Moves)
        {
            if (m.Proven == GameResult.Win)
            {
                return result.BestMove;
            }
            max = Math.Max(max, m.Visits);
            open |= m.Visits > 0 && m.Proven != GameResult.Loss;
        }
        if (max == 0)
        {
            return result.BestMove;
        }
        double total = 0;
        foreach (MoveStats<TMove> m in result.Moves)
        {
            total += Weight(m);
        }
        double r = random.NextDouble() * total;
        foreach (MoveStats<TMove> m in result.Moves)
        {
            r -= Weight(m);
            if (r < 0 && m.Visits > 0 && (!open || m.Proven != GameResult.Loss))
            {
                return m.Move;
            }
        }
        return result.BestMove;

        double Weight(MoveStats<TMove> m) =>
            open && m.Proven == GameResult.Loss ? 0 : Math.Pow((double)m.Visits / max, 1.0 / temperature);
    }
}
