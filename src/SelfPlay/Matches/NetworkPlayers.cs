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
            // First-play urgency: MctsOptions' default, AlphaZero's 0 (the measurements are on MctsOptions.Fpu).
        };
        return new MctsPlayer<TGame, TMove>(evaluator, options, SearchLimits.FromPlayouts(playouts), name);
    }
}
