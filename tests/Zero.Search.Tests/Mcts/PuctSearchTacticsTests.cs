using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using static Zero.Search.Tests.SearchTestPositions;

namespace Zero.Search.Tests.Mcts;

/// <summary>The search finds immediate wins and blocks immediate losses with network-free evaluators, and is exact at terminals.</summary>
public sealed class PuctSearchTacticsTests
{
    private static readonly MctsOptions Options = new() { BatchSize = 4, Seed = 1 };

    private static IEvaluator<TGame, TMove> Evaluator<TGame, TMove>(string name)
        where TGame : struct, Zero.Games.IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove> =>
        name == "uniform" ? new UniformEvaluator<TGame, TMove>() : new RolloutEvaluator<TGame, TMove>(seed: 3);

    [Theory]
    [InlineData("1425", "uniform", 3)]  // X: 1,2 O: 4,5, X to move: win at 3 (O threatens 6)
    [InlineData("1425", "rollout", 3)]
    [InlineData("152", "uniform", 3)]   // X: 1,2 O: 5, O to move: block at 3
    [InlineData("152", "rollout", 3)]
    [InlineData("15948", "uniform", 6)] // X: 1,8,9 O: 4,5, O to move: win at 6 rather than block X at 7
    [InlineData("15948", "rollout", 6)]
    public void Search_TicTacToe_FindsWinOrBlock(string position, string evaluator, int cell)
    {
        var search = new PuctSearch<TicTacToePosition, TicTacToeMove>(Evaluator<TicTacToePosition, TicTacToeMove>(evaluator), Options);
        search.SetPosition(Ttt(position));
        SearchResult<TicTacToeMove> result = search.Search(SearchLimits.FromPlayouts(3000));
        Assert.Equal(cell, result.BestMove.Cell + 1);
    }

    [Theory]
    [InlineData("112233", "uniform", 4)] // first player has 1,2,3 on the bottom row: wins in column 4
    [InlineData("112233", "rollout", 4)]
    [InlineData("11223", "uniform", 4)]  // second player must block column 4
    [InlineData("11223", "rollout", 4)]
    [InlineData("12131", "uniform", 1)]  // first player has three in column 1: second player must block on top
    [InlineData("12131", "rollout", 1)]
    public void Search_ConnectFour_FindsWinOrBlock(string position, string evaluator, int column)
    {
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(Evaluator<ConnectFourPosition, ConnectFourMove>(evaluator), Options);
        ConnectFourPosition p = C4(position);
        search.SetPosition(p);
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(4000));
        Assert.Equal(column, result.BestMove.Column + 1);
    }

    [Fact]
    public void Search_TwoWinningMoves_PlaysOneOfThem()
    {
        // First player has 4,5,6 on the bottom row: both 3 and 7 win at once.
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(new RolloutEvaluator<ConnectFourPosition, ConnectFourMove>(5), Options);
        ConnectFourPosition p = C4("445566");
        search.SetPosition(p);
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(2000));
        Assert.True(p.IsWinningMove(result.BestMove.Column), $"column {result.BestMove.Column + 1} does not win");
    }

    [Fact]
    public void Search_ImmediateWin_QIsExactlyOne()
    {
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(new UniformEvaluator<ConnectFourPosition, ConnectFourMove>(), Options);
        search.SetPosition(C4("112233"));
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(500));
        MoveStats<ConnectFourMove> win = result.Moves.Single(m => m.Move.Column == 3);
        Assert.Equal(1f, win.Q);
        Assert.True(result.Value > 0.9f, $"root value {result.Value} should approach a win");
        Assert.Equal(3, result.PrincipalVariation[0].Column);
        Assert.Single(result.PrincipalVariation); // the win ends the game: nothing below it
    }

    [Fact]
    public void Search_ValueSigns_ChildQIsMinusItsEvaluation()
    {
        // Two playouts: the root, then one child. The child's Q for the root's side to move is minus its evaluation.
        const ulong salt = 11;
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(
            new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(salt), Options with { BatchSize = 1 });
        ConnectFourPosition root = C4("44");
        search.SetPosition(root);
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(2));
        MoveStats<ConnectFourMove> visited = result.Moves.Single(m => m.Visits == 1);
        float childValue = HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>.ValueOf(root.Play(visited.Move), salt);
        Assert.Equal(-childValue, visited.Q);
        float rootValue = HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>.ValueOf(root, salt);
        Assert.Equal((rootValue + visited.Q) / 2, result.Value, 5);
    }

    [Fact]
    public void Search_GameOver_Throws()
    {
        var search = new PuctSearch<TicTacToePosition, TicTacToeMove>(new UniformEvaluator<TicTacToePosition, TicTacToeMove>(), Options);
        search.SetPosition(Ttt("14253")); // X: 1,2,3
        Assert.Throws<InvalidOperationException>(() => search.Search(SearchLimits.FromPlayouts(10)));
    }
}
