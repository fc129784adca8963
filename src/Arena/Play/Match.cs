using Zero.Games;
using Zero.Search.Players;

namespace Zero.Arena.Play;

/// <summary>
/// A match of several games between players A and B with colours alternating (A moves first in even games), so
/// the first-move advantage cancels out. Used by the evaluation stage (new generation vs previous, vs baselines).
/// Players that need fresh state per game get it through <see cref="IPlayer{TGame,TMove}.NewGame"/>.
/// </summary>
public static class Match
{
    /// <summary>Plays <paramref name="games"/> games and counts them for <paramref name="a"/>.</summary>
    public static MatchResult Play<TGame, TMove>(
        IPlayer<TGame, TMove> a,
        IPlayer<TGame, TMove> b,
        int games,
        int maxPlies = 1000,
        Action<int, PlayedGame<TGame, TMove>>? onGame = null,
        CancellationToken cancellation = default)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        int wins = 0, draws = 0, losses = 0;
        for (int i = 0; i < games; i++)
        {
            bool aFirst = (i & 1) == 0;
            PlayedGame<TGame, TMove> game = aFirst
                ? GameRunner.Play(a, b, TGame.Initial, maxPlies, cancellation)
                : GameRunner.Play(b, a, TGame.Initial, maxPlies, cancellation);
            int forA = aFirst ? game.FirstPlayerResult : -game.FirstPlayerResult;
            if (forA > 0) wins++;
            else if (forA < 0) losses++;
            else draws++;
            onGame?.Invoke(i, game);
        }
        return new MatchResult(wins, draws, losses);
    }
}
