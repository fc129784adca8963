using Zero.Search.Mcts;

namespace Zero.SelfPlay.Configuration;

/// <summary>The self-play section of a run config: how the games that feed the trainer are played.</summary>
public sealed record SelfPlayConfig
{
    /// <summary>Games played with each generation before the next training phase.</summary>
    public int GamesPerGeneration { get; init; } = 200;

    /// <summary>Games in flight at once, all sharing one batching evaluator (keeps the network's batches full).</summary>
    public int ParallelGames { get; init; } = 32;

    /// <summary>MCTS playouts per move.</summary>
    public int Playouts { get; init; } = 200;

    /// <summary>Leaves each game's search gathers per evaluator call (virtual loss spreads them); 1 = textbook sequential MCTS.</summary>
    public int SearchBatch { get; init; } = 4;

    /// <summary>PUCT c_init (AlphaZero 1.25).</summary>
    public double CInit { get; init; } = SearchParameters.CInit.Default;

    /// <summary>PUCT c_base (AlphaZero 19652).</summary>
    public double CBase { get; init; } = SearchParameters.CBase.Default;

    /// <summary>
    /// First-play urgency: the value an unvisited move counts as in selection (AlphaZero's 0, a draw; see
    /// <c>MctsOptions.Fpu</c>), the setting `zero eval`, `zero match` and `zero play` use for network players.
    /// </summary>
    public double FpuValue { get; init; } = SearchParameters.FpuValue.Default;

    /// <summary>MCTS-solver in the search (MctsOptions.Solver): proven wins are played and proven losses avoided.</summary>
    public bool Solver { get; init; } = true;

    /// <summary>Dirichlet noise alpha at the root (≈ 10 / typical number of legal moves).</summary>
    public double DirichletAlpha { get; init; } = 1.0;

    /// <summary>Share of the root prior replaced by Dirichlet noise (AlphaZero 0.25).</summary>
    public double NoiseFraction { get; init; } = SearchParameters.NoiseFraction.Default;

    /// <summary>Plies at the start of each game whose move is sampled in proportion to visits; later moves take the most visited.</summary>
    public int TemperatureMoves { get; init; } = 4;

    /// <summary>Games longer than this are stopped and scored a draw.</summary>
    public int MaxPlies { get; init; } = 512;

    /// <summary>Resign when the root value and the best child's value are both below this (−1 switches resignation off).</summary>
    public double ResignThreshold { get; init; } = -1;

    /// <summary>Share of games played out with resignation off, to measure how often resigning would have been wrong.</summary>
    public double ResignCheckShare { get; init; } = 0.1;

    /// <summary>No resignation before this ply.</summary>
    public int ResignMinPly { get; init; } = 10;

    /// <summary>
    /// Share of games that open with random plies (KataGo-style opening diversity): such a game first plays k uniformly
    /// random moves, k uniform in [1, <see cref="RandomOpeningMaxPlies"/>], avoiding moves that end the game or hand the
    /// opponent a win at once, then self-play takes over. The random plies are recorded unsearched, so they are replayed
    /// but never trained on; the positions after them widen what the network sees beyond its own preferred lines.
    /// </summary>
    public double RandomOpeningShare { get; init; }

    /// <summary>The most random plies a random-opening game starts with.</summary>
    public int RandomOpeningMaxPlies { get; init; }
}
