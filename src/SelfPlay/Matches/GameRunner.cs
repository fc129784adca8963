using Zero.Games;
using Zero.Search.Players;

namespace Zero.SelfPlay.Matches;

/// <summary>
/// Plays one game between two <see cref="IPlayer{TGame,TMove}"/>s: the one loop the evaluation matches, the
/// arena and `zero play` share, so they measure the same code. Self-play uses its own loop (it needs the search
/// statistics of every move) but the same game contract. Checks every move the players return; an illegal move is
/// a bug in the player and throws.
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
        first.NewGame();
        second.NewGame();
        var moves = new List<TMove>();
        var legal = new TMove[TGame.MaxMoves];
        TGame position = start;
        int startSide = start.SideToMove;
        while (position.Outcome is null && moves.Count < maxPlies)
        {
            cancellation.ThrowIfCancellationRequested();
            IPlayer<TGame, TMove> mover = position.SideToMove == startSide ? first : second;
            TMove move = mover.ChooseMove(position, cancellation);
            int count = position.GenerateMoves(legal);
            if (Array.IndexOf(legal, move, 0, count) < 0)
            {
                throw new InvalidOperationException(
                    $"player '{mover.Name}' chose the illegal move {position.FormatMove(move)} in position '{position.FormatPosition()}'");
            }
            moves.Add(move);
            position = position.Play(move);
        }
        if (position.Outcome is not GameResult result)
        {
            return new PlayedGame<TGame, TMove>(moves, position, 0, Truncated: true);
        }
        // The outcome is from the side to move at the end; turn it into the first player's result.
        int forMover = (sbyte)result;
        int firstResult = position.SideToMove == startSide ? forMover : -forMover;
        return new PlayedGame<TGame, TMove>(moves, position, firstResult, Truncated: false);
    }
}
