using Zero.Games;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;

namespace Zero.Search.Players;

/// <summary>
/// A player that thinks with <see cref="PuctSearch{TGame,TMove}"/>: `zero play --opponent mcts:N`, self-play and the
/// arena use it. It keeps its tree between moves (the subtree of the position it is given is reused) and picks the
/// move by visit counts, sampling with <see cref="MctsOptions.Temperature"/> for the first
/// <see cref="MctsOptions.TemperatureMoves"/> plies.
/// </summary>
public sealed class MctsPlayer<TGame, TMove> : IPlayer<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly PuctSearch<TGame, TMove> _search;
    private readonly SearchLimits _limits;
    private readonly Random _random;

    /// <param name="evaluator">Evaluates leaves (rollout for pure MCTS, a network evaluator otherwise).</param>
    /// <param name="options">Search parameters; the seed also drives move sampling.</param>
    /// <param name="limits">The budget of every move.</param>
    /// <param name="name">Shown to people; "mcts:{playouts}" when null.</param>
    /// <param name="time">Clock for time limits; the system clock when null.</param>
    public MctsPlayer(IEvaluator<TGame, TMove> evaluator, MctsOptions options, SearchLimits limits, string? name = null, TimeProvider? time = null)
    {
        limits.Validate();
        _search = new PuctSearch<TGame, TMove>(evaluator, options, time);
        _limits = limits;
        _random = new Random(unchecked(options.Seed * 31 + 17));
        Name = name ?? (limits.Playouts > 0 ? $"mcts:{limits.Playouts}" : "mcts");
    }

    /// <summary>A pure-MCTS player with <paramref name="playouts"/> random-rollout playouts per move (the `mcts:N` opponent).</summary>
    public static MctsPlayer<TGame, TMove> Rollout(int playouts, int seed, int threads = 1) =>
        new(new RolloutEvaluator<TGame, TMove>(seed), new MctsOptions { Seed = seed, Threads = threads, BatchSize = 1, Fpu = FpuMode.Reduction, FpuValue = 0.25f },
            SearchLimits.FromPlayouts(playouts), $"mcts:{playouts}");

    public string Name { get; }

    /// <summary>The result of the last search, for analysis output and training targets.</summary>
    public SearchResult<TMove>? LastResult { get; private set; }

    public void NewGame()
    {
        _search.Clear();
        LastResult = null;
    }

    public TMove ChooseMove(TGame position, CancellationToken cancellation = default)
    {
        _search.SetPosition(position);
        SearchResult<TMove> result = _search.Search(_limits, cancellation);
        cancellation.ThrowIfCancellationRequested();
        LastResult = result;
        MctsOptions o = _search.Options;
        return MoveSelection.Choose(result, position.Ply, o.Temperature, o.TemperatureMoves, _random);
    }
}
