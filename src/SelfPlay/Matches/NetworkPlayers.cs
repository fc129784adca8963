using Zero.Games;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.Search.Players;

namespace Zero.SelfPlay.Matches;

/// <summary>
/// Builds the MCTS players that put a network into evaluation matches: no root noise, the most visited move
/// except for the first <c>temperatureMoves</c> plies, which are sampled so that repeated games differ. Used by
/// the evaluation stage and by `zero eval`.
/// </summary>
public static class NetworkPlayers
{
    /// <summary>An MCTS player over <paramref name="evaluator"/> with <paramref name="playouts"/> playouts per move.</summary>
    public static MctsPlayer<TGame, TMove> Create<TGame, TMove>(
        IEvaluator<TGame, TMove> evaluator, int playouts, int temperatureMoves, int searchBatch, int seed, string name)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var options = new MctsOptions
        {
            Noise = false,
            Temperature = 1.0,
            TemperatureMoves = temperatureMoves,
            BatchSize = Math.Max(1, Math.Min(searchBatch, playouts)),
            Threads = 1,
            Seed = seed,
            // AlphaZero's value for an unvisited child (its pseudocode: 0, a draw). Lc0's reduction (parent Q − 0.25·√visited
            // prior) never visits a move the policy missed, and missed a one-move vertical win against alpha-beta depth 4;
            // with 0, `zero match connect4 net alphabeta:4` went from +86 =3 −11 to +92 =2 −6. With the MCTS-solver on, the
            // reduction still scored no better: +89 =3 −8 against 0's +91 =3 −6, and 742 wins, 28 draws, 130 losses against
            // 747, 35, 118 over those games and four 200-game four-ply-opening matches (seeds 1-4).
            Fpu = FpuMode.Absolute,
            FpuValue = 0f,
        };
        return new MctsPlayer<TGame, TMove>(evaluator, options, SearchLimits.FromPlayouts(playouts), name);
    }
}
