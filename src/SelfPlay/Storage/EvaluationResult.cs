namespace Zero.SelfPlay.Storage;

/// <summary>
/// The result of one evaluation match of a generation against an opponent (the previous generation or a
/// baseline such as "random", "perfect", "alphabeta:4"), counted from the generation's side. Written by the
/// evaluation stage, shown by the live view and plotted per generation.
/// </summary>
/// <param name="Generation">The generation that was evaluated.</param>
/// <param name="Opponent">The opponent's name ("gen 3", "random", "alphabeta:4").</param>
/// <param name="Wins">Games the generation won.</param>
/// <param name="Draws">Drawn games.</param>
/// <param name="Losses">Games the generation lost.</param>
/// <param name="Elo">Elo difference estimate against the opponent (see EloEstimate), or null when not computed.</param>
public sealed record EvaluationResult(int Generation, string Opponent, int Wins, int Draws, int Losses, double? Elo)
{
    /// <summary>Games played.</summary>
    public int Games => Wins + Draws + Losses;

    /// <summary>Score in [0, 1]: a win counts 1, a draw one half.</summary>
    public double Score => Games == 0 ? 0.5 : (Wins + 0.5 * Draws) / Games;
}
