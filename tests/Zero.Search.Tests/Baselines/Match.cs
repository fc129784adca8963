using Zero.Games;
using Zero.Search.Players;

namespace Zero.Search.Tests.Baselines;

/// <summary>Plays one game between two players for the baseline tests (the real game runner lives in SelfPlay).</summary>
internal static class Match
{
    /// <summary>Plays to the end; returns the result for <paramref name="first"/> (who moves first).</summary>
    public static GameResult Play<TGame, TMove>(IPlayer<TGame, TMove> first, IPlayer<TGame, TMove> second, TGame start = default)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        first.NewGame();
        second.NewGame();
        TGame position = start;
        int firstSide = position.SideToMove;
        var legal = new TMove[TGame.MaxMoves];
        while (position.Outcome is null)
        {
            IPlayer<TGame, TMove> mover = position.SideToMove == firstSide ? first : second;
            TMove move = mover.ChooseMove(position);
            int count = position.GenerateMoves(legal);
            Assert.Contains(move, legal.AsSpan(0, count).ToArray());
            position = position.Play(move);
        }
        GameResult result = position.Outcome.Value;
        return position.SideToMove == firstSide ? result : result.Flip();
    }
}
