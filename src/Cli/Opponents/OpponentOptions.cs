namespace Zero.Cli.Opponents;

/// <summary>
/// Settings every opponent may draw on, beyond its own spec: the seed of its random source. Later opponents
/// (`mcts:N`, `net:FILE`) add what they share here (threads, device) rather than growing the spec syntax.
/// </summary>
/// <param name="Seed">Seeds the opponent's one random source (tie-breaks, random moves).</param>
public sealed record OpponentOptions(int Seed);
