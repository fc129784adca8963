using Zero.Games;
using Zero.Games.TicTacToe;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.Search.Players;

namespace Zero.Search.Tests.Players;

/// <summary>MctsPlayer plays legal games, reuses its tree and never loses tic-tac-toe to a random player.</summary>
public sealed class MctsPlayerTests
{
    [Fact]
    public void ChooseMove_AgainstRandom_NeverLosesTicTacToe()
    {
        var rng = new Random(3);
        var moves = new TicTacToeMove[9];
        MctsPlayer<TicTacToePosition, TicTacToeMove> player = MctsPlayer<TicTacToePosition, TicTacToeMove>.Rollout(playouts: 400, seed: 1);
        Assert.Equal("mcts:400", player.Name);
        for (int game = 0; game < 10; game++)
        {
            player.NewGame();
            TicTacToePosition p = TicTacToePosition.Initial;
            int mctsSide = game % 2;
            while (p.Outcome is null)
            {
                TicTacToeMove move = p.SideToMove == mctsSide ? player.ChooseMove(p) : moves[rng.Next(p.GenerateMoves(moves))];
                Assert.True(p.TryParseMove(p.FormatMove(move), out _, out _), "illegal move");
                p = p.Play(move);
            }
            // The outcome is for the side to move: when MCTS is to move at the end, it must not have lost.
            GameResult forMcts = p.SideToMove == mctsSide ? p.Outcome.Value : p.Outcome.Value.Flip();
            Assert.NotEqual(GameResult.Loss, forMcts);
        }
    }

    [Fact]
    public void ChooseMove_NextTurn_ReusesTree()
    {
        var player = new MctsPlayer<TicTacToePosition, TicTacToeMove>(
            new UniformEvaluator<TicTacToePosition, TicTacToeMove>(), new MctsOptions(), SearchLimits.FromPlayouts(300));
        TicTacToePosition p = TicTacToePosition.Initial;
        p = p.Play(player.ChooseMove(p));
        SearchResult<TicTacToeMove> first = player.LastResult!;
        TicTacToeMove reply = first.PrincipalVariation[1];
        p = p.Play(reply);
        player.ChooseMove(p);
        Assert.True(player.LastResult!.Visits > 300, "visits kept from the previous search are added to the new ones");
    }
}
