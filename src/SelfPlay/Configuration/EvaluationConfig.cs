namespace Zero.SelfPlay.Configuration;

/// <summary>The evaluation section of a run config: matches played after each training phase.</summary>
public sealed record EvaluationConfig
{
    /// <summary>Games of the new generation against the previous one (0 skips the match and gating).</summary>
    public int GamesVsPrevious { get; init; } = 20;

    /// <summary>Only a generation that scores at least <see cref="GatingScore"/> against the previous becomes the self-play net.</summary>
    public bool Gating { get; init; }

    /// <summary>Score needed to pass the gate (AlphaGo Zero 0.55).</summary>
    public double GatingScore { get; init; } = 0.55;

    /// <summary>Fixed opponents: "random", "perfect" (tic-tac-toe), "alphabeta:DEPTH" (Connect Four).</summary>
    public string[] Baselines { get; init; } = ["random"];

    /// <summary>Games against each baseline.</summary>
    public int GamesPerBaseline { get; init; } = 20;

    /// <summary>MCTS playouts per move in evaluation games (no root noise).</summary>
    public int Playouts { get; init; } = 200;

    /// <summary>Plies at the start of each evaluation game where the networks sample moves ∝ visits, so games differ (0 = always the best move).</summary>
    public int TemperatureMoves { get; init; } = 2;
}
