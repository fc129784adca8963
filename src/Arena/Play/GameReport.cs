using Zero.Arena.Openings;
using Zero.Games;

namespace Zero.Arena.Play;

/// <summary>
/// A game the <see cref="Referee"/> finished: the opening, the moves the participants played after it, the final
/// position, the result for the participant who moved first (+1, 0, −1), why it ended and which participant (0 =
/// first, 1 = second) was at fault when it ended by a fault. Also each side's lowest clock, which the time-loss
/// figures of the README come from.
/// </summary>
public sealed record GameReport<TGame, TMove>(
    Opening<TGame, TMove> Opening,
    IReadOnlyList<TMove> Moves,
    TGame Final,
    int FirstResult,
    Termination Termination,
    string Reason,
    int? Faulty,
    TimeSpan?[] LowestClock)
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>The result as PGN writes it from the first player's side ("1-0", "0-1", "1/2-1/2").</summary>
    public string ResultText => FirstResult > 0 ? "1-0" : FirstResult < 0 ? "0-1" : "1/2-1/2";
}
