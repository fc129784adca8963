using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using static Zero.Search.Tests.SearchTestPositions;

namespace Zero.Search.Tests.Mcts;

/// <summary>
/// The MCTS-solver (<see cref="MctsOptions.Solver"/>): proven wins are played, proven losses avoided, proofs propagate
/// to the root and are reported exactly, and with the solver off the search is the plain one, tree for tree.
/// </summary>
public sealed class PuctSearchSolverTests
{
    // The network players' first-play value 0: with Lc0's reduction a move the hash-random priors put low may stay
    // unvisited for thousands of playouts, and a move never visited is never proven.
    private static readonly MctsOptions Options = new() { BatchSize = 4, Seed = 1, Fpu = FpuMode.Absolute, FpuValue = 0 };

    private static IEvaluator<TGame, TMove> Evaluator<TGame, TMove>(string name)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove> =>
        name == "uniform" ? new UniformEvaluator<TGame, TMove>() : new HashRandomEvaluator<TGame, TMove>(salt: 7);

    private static SearchResult<ConnectFourMove> SearchC4(string position, string evaluator, int playouts, MctsOptions? options = null)
    {
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(Evaluator<ConnectFourPosition, ConnectFourMove>(evaluator), options ?? Options);
        search.SetPosition(C4(position));
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(playouts));
        Assert.Null(search.CheckInvariants());
        return result;
    }

    [Theory]
    [InlineData("112233", "uniform", 24, 4)]    // first player has 1,2,3 on the bottom row: wins in column 4
    [InlineData("112233", "hashrandom", 50, 4)] // the win has fewer visits than column 2 here without the solver
    public void Search_ConnectFourOneMoveWin_FewPlayouts_PlaysItProven(string position, string evaluator, int playouts, int column)
    {
        SearchResult<ConnectFourMove> result = SearchC4(position, evaluator, playouts);
        Assert.Equal(column, result.BestMove.Column + 1);
        Assert.Equal(GameResult.Win, result.Proven);
        Assert.Equal(1, result.ProvenPlies);
        Assert.Equal(1f, result.Value);
        Assert.Equal(column, result.PrincipalVariation[0].Column + 1);
    }

    [Theory]
    [InlineData("1425", "uniform", 3)]   // X: 1,2 O: 4,5, X to move: win at 3 (O threatens 6)
    [InlineData("1425", "hashrandom", 3)]
    [InlineData("15948", "uniform", 6)]  // X: 1,8,9 O: 4,5, O to move: win at 6 rather than block X at 7
    [InlineData("15948", "hashrandom", 6)]
    public void Search_TicTacToeOneMoveWin_FewPlayouts_PlaysItProven(string position, string evaluator, int cell)
    {
        var search = new PuctSearch<TicTacToePosition, TicTacToeMove>(Evaluator<TicTacToePosition, TicTacToeMove>(evaluator), Options);
        search.SetPosition(Ttt(position));
        SearchResult<TicTacToeMove> result = search.Search(SearchLimits.FromPlayouts(12));
        Assert.Equal(cell, result.BestMove.Cell + 1);
        Assert.Equal(GameResult.Win, result.Proven);
        Assert.Equal(1f, result.Value);
        Assert.Null(search.CheckInvariants());
    }

    [Theory]
    [InlineData("uniform")]
    [InlineData("hashrandom")]
    public void Search_TicTacToeForcedDraw_RootProvenDrawWithExactZero(string evaluator)
    {
        // X O X / O O X / . X . with O to move: 7 lets X complete 3-6-9, 9 blocks and the last move draws.
        var search = new PuctSearch<TicTacToePosition, TicTacToeMove>(Evaluator<TicTacToePosition, TicTacToeMove>(evaluator), Options);
        search.SetPosition(Ttt("1234658"));
        SearchResult<TicTacToeMove> result = search.Search(SearchLimits.FromPlayouts(50));
        Assert.Equal(9, result.BestMove.Cell + 1);
        Assert.Equal(GameResult.Draw, result.Proven);
        Assert.Equal(0f, result.Value);
        MoveStats<TicTacToeMove> blunder = result.Moves.Single(m => m.Move.Cell + 1 == 7);
        Assert.Equal(GameResult.Loss, blunder.Proven);
        Assert.Equal(2, blunder.ProvenPlies);
        Assert.Null(search.CheckInvariants());
    }

    [Theory]
    [InlineData("11223", 50, 4)]    // second player must block column 4; every other move loses at once
    [InlineData("12131", 24, 1)]    // first player has three in column 1: second player must block on top
    [InlineData("23223232", 24, 2)] // the shipped network put 691 of 800 visits on a losing move here
    public void Search_EveryMoveButOneLosesAtOnce_PlaysTheOnlyDefenceOthersProvenLost(string position, int playouts, int column)
    {
        SearchResult<ConnectFourMove> result = SearchC4(position, "uniform", playouts);
        Assert.Equal(column, result.BestMove.Column + 1);
        Assert.Null(result.Proven);
        foreach (MoveStats<ConnectFourMove> m in result.Moves.Where(m => m.Move.Column + 1 != column))
        {
            Assert.Equal(GameResult.Loss, m.Proven);
            Assert.Equal(2, m.ProvenPlies);
            Assert.Equal(-1f, m.Q);
        }
    }

    [Fact]
    public void Search_OnlyDefenceWithRandomPriors_PlaysItAndNeverAProvenLoss()
    {
        SearchResult<ConnectFourMove> result = SearchC4("23223232", "hashrandom", 50);
        Assert.Equal(2, result.BestMove.Column + 1);
        Assert.Contains(result.Moves, m => m.Proven == GameResult.Loss);
        Assert.DoesNotContain(result.PrincipalVariation.Take(1), m => result.Moves.Single(s => s.Move == m).Proven == GameResult.Loss);
    }

    [Theory]
    [InlineData("uniform", 24)]
    [InlineData("hashrandom", 150)]
    public void Search_ProvenLossRoot_ReturnsLegalMoveAndExactValue(string evaluator, int playouts)
    {
        // X: 2,3,4 on the bottom row with 1 and 5 open, O: 7,7, O to move: whatever O plays, X wins next.
        ConnectFourPosition root = C4("27374");
        SearchResult<ConnectFourMove> result = SearchC4("27374", evaluator, playouts);
        Assert.Equal(GameResult.Loss, result.Proven);
        Assert.Equal(2, result.ProvenPlies);
        Assert.Equal(-1f, result.Value);
        var legal = new ConnectFourMove[ConnectFourPosition.MaxMoves];
        Assert.Contains(result.BestMove, legal.AsSpan(0, root.GenerateMoves(legal)).ToArray());
        Assert.All(result.Moves, m => Assert.Equal(GameResult.Loss, m.Proven));
        Assert.Equal(result.BestMove, result.PrincipalVariation[0]);
    }

    [Theory]
    [InlineData("uniform", 150)]
    [InlineData("hashrandom", 500)] // without the solver, column 6 has the most visits here
    public void Search_ForcedWinInThreePlies_RootReportedProven(string evaluator, int playouts)
    {
        // X: 3,4 on the bottom row, O: 7,7, X to move: 2 or 5 makes an open three that O cannot block on both ends.
        SearchResult<ConnectFourMove> result = SearchC4("3747", evaluator, playouts);
        Assert.Equal(GameResult.Win, result.Proven);
        Assert.Equal(3, result.ProvenPlies);
        Assert.Equal(1f, result.Value);
        Assert.Contains(result.BestMove.Column + 1, new[] { 2, 5 });
        MoveStats<ConnectFourMove> best = result.Moves.Single(m => m.Move == result.BestMove);
        Assert.Equal(GameResult.Win, best.Proven);
        Assert.Equal(3, best.ProvenPlies);
        Assert.Equal(3, result.PrincipalVariation.Count); // the fork, any reply, the win
    }

    [Fact]
    public void Search_TreeReuse_KeepsTheProof()
    {
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(new UniformEvaluator<ConnectFourPosition, ConnectFourMove>(), Options);
        search.SetPosition(C4("3747"));
        SearchResult<ConnectFourMove> first = search.Search(SearchLimits.FromPlayouts(150));
        search.SetPosition(C4("3747" + (first.BestMove.Column + 1) + "7")); // the fork, then O's reply in column 7
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(1));
        Assert.Equal(GameResult.Win, result.Proven);
        Assert.Equal(1, result.ProvenPlies);
        Assert.Null(search.CheckInvariants());
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void Search_TicTacToeFromTheStart_ProvesTheDrawAndStops()
    {
        // About 2.7 million playouts (a few seconds on one core) prove every first move a draw; smart pruning then stops.
        var search = new PuctSearch<TicTacToePosition, TicTacToeMove>(
            new UniformEvaluator<TicTacToePosition, TicTacToeMove>(), new MctsOptions { BatchSize = 8, SmartPruningFactor = 1 });
        SearchResult<TicTacToeMove> result = search.Search(SearchLimits.FromPlayouts(5_000_000));
        Assert.Equal(GameResult.Draw, result.Proven);
        Assert.Equal(9, result.ProvenPlies);
        Assert.Equal(0f, result.Value);
        Assert.False(float.IsNegative(result.Value), "a proven draw reads 0, not -0");
        Assert.All(result.Moves, m => Assert.Equal(GameResult.Draw, m.Proven));
        Assert.Equal(StopReason.SmartPruning, result.StopReason);
        Assert.Null(search.CheckInvariants());
    }

    [Fact]
    public void Search_SolvedRootWithSmartPruning_StopsEarly()
    {
        SearchResult<ConnectFourMove> result = SearchC4("112233", "uniform", 20000, Options with { SmartPruningFactor = 1 });
        Assert.Equal(StopReason.SmartPruning, result.StopReason);
        Assert.True(result.Playouts < 100, $"{result.Playouts} playouts after the proof");
    }

    [Fact]
    public void Search_ManyThreads_ProofsAndInvariantsHold()
    {
        SearchResult<ConnectFourMove> result = SearchC4("3747", "hashrandom", 20000, Options with { Threads = 3, BatchSize = 8 });
        Assert.Equal(GameResult.Win, result.Proven);
        Assert.Contains(result.BestMove.Column + 1, new[] { 2, 5 });
    }

    [Fact]
    public void Search_SolverOff_NoProofsAndTheTreeOfThePlainSearch()
    {
        // The checksum of this tree was taken from the search before the solver existed (commit 7edb251).
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(
            new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(salt: 7), new MctsOptions { BatchSize = 4, Seed = 1, Solver = false });
        search.SetPosition(C4("3747"));
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(3000));
        Assert.Null(result.Proven);
        Assert.All(result.Moves, m => Assert.Null(m.Proven));
        Assert.Equal(PlainSearchChecksum, search.TreeChecksum());
        Assert.Null(search.CheckInvariants());
    }

    private const ulong PlainSearchChecksum = 17276972774294876400UL;
}
