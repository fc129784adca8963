using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Games;
using Zero.Search.Players;

namespace Zero.Arena.Play;

/// <summary>
/// Plays one untimed game between two internal <see cref="IPlayer{TGame,TMove}"/>s through the <see cref="Referee"/>:
/// the short form training's evaluation, `zero eval` and the tests use. Self-play uses its own loop (it needs the
/// search statistics of every move) but the same game contract. An illegal move from an internal player is a bug in
/// the player, so here it throws instead of losing the game.
/// </summary>
public static class GameRunner
{
    /// <summary>
    /// Plays from <paramref name="start"/> until the game ends or <paramref name="maxPlies"/> moves were played
    /// (then the game counts as a draw). Calls <see cref="IPlayer{TGame,TMove}.NewGame"/> on both players first.
    /// </summary>
    /// <exception cref="InvalidOperationException">A player returned an illegal move.</exception>
    public static PlayedGame<TGame, TMove> Play<TGame, TMove>(
        IPlayer<TGame, TMove> first,
        IPlayer<TGame, TMove> second,
        TGame start,
        int maxPlies = 1000,
        CancellationToken cancellation = default)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var a = new PlayerParticipant<TGame, TMove>(first);
        var b = new PlayerParticipant<TGame, TMove>(second);
        a.NewGame();
        b.NewGame();
        var settings = GameSettings.Untimed with { Adjudication = new Adjudication(MaxPlies: maxPlies) };
        GameReport<TGame, TMove> report = Referee.Play(a, b, new Opening<TGame, TMove>(start, [], ""), settings, cancellation);
        if (report.Termination == Termination.IllegalMove)
        {
            throw new InvalidOperationException($"player '{(report.Faulty == 0 ? first : second).Name}' chose an illegal move: {report.Reason}");
        }
        return new PlayedGame<TGame, TMove>(report.Moves, report.Final, report.FirstResult, Truncated: report.Termination == Termination.MaxMoves);
    }
}
