using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Tests;

/// <summary>Builds game records from random play with fake search statistics, for the codec, store and replay tests.</summary>
internal static class TestGames
{
    public static GameRecord Random<TGame, TMove>(Random random, int generation = 3, bool searched = true)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var moves = new List<RecordedMove>();
        var legal = new TMove[TGame.MaxMoves];
        TGame position = TGame.Initial;
        while (position.Outcome is null)
        {
            int count = position.GenerateMoves(legal);
            TMove move = legal[random.Next(count)];
            int action = position.ActionIndex(move);
            if (searched)
            {
                var visits = new VisitCount[count];
                for (int i = 0; i < count; i++)
                {
                    visits[i] = new VisitCount(position.ActionIndex(legal[i]), random.Next(1, 300));
                }
                moves.Add(new RecordedMove(action, (float)(random.NextDouble() * 2 - 1), visits));
            }
            else
            {
                moves.Add(RecordedMove.Unsearched(action));
            }
            position = position.Play(move);
        }
        int outcome = (sbyte)position.Outcome.Value;
        return new GameRecord
        {
            Game = TGame.Name,
            Generation = generation,
            Outcome = position.SideToMove == 0 ? outcome : -outcome,
            Moves = moves,
        };
    }

    public static GameRecord RandomTicTacToe(Random random, int generation = 3) =>
        Random<TicTacToePosition, TicTacToeMove>(random, generation);

    public static GameRecord RandomConnectFour(Random random, int generation = 3) =>
        Random<ConnectFourPosition, ConnectFourMove>(random, generation);
}
