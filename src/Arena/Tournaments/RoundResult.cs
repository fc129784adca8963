using Zero.Arena.Play;
using Zero.Games;

namespace Zero.Arena.Tournaments;

/// <summary>
/// One finished round of one pairing, as the tournament reports it to its observer: the round, the two entrants
/// (A, B: the pairing's order), the games (the first with A moving first when there are two) and, for each game,
/// which entrant moved first; plus how many games the tournament has finished so far.
/// </summary>
public sealed record RoundResult<TGame, TMove>(int Round, int A, int B, IReadOnlyList<GameReport<TGame, TMove>> Games, IReadOnlyList<int> FirstMovers, int GamesFinished)
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>Game <paramref name="i"/>'s result for entrant A (+1, 0, −1).</summary>
    public int ResultForA(int i) => FirstMovers[i] == A ? Games[i].FirstResult : -Games[i].FirstResult;
}
