namespace Zero.Games;

/// <summary>
/// A game whose position can run its own random playout faster (and more sensibly) than Play-by-Play over
/// <see cref="IGame{TSelf,TMove}.GenerateMoves"/>: Go plays on one mutable board with a light policy instead of
/// copying the board every move. The rollout evaluator (Zero.Search's RolloutEvaluator) uses it when the game
/// implements it.
/// </summary>
public interface IFastPlayout
{
    /// <summary>Plays one random game to its end from this position; the result in [-1, 1] for the side to move. Deterministic for a seed.</summary>
    float Playout(ulong seed);
}
