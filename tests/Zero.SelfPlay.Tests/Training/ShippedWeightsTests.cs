using Zero.Arena.Play;
using Zero.Arena.Statistics;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Benchmarks;
using Zero.SelfPlay.Matches;
using Zero.SelfPlay.Training;

namespace Zero.SelfPlay.Tests.Training;

/// <summary>Checks the shipped tic-tac-toe network against the exact solver (what weights/README.md claims).</summary>
public class ShippedWeightsTests
{
    private static string Weights => RepositoryRoot.Path("weights", "tictactoe.weights");

    [Fact]
    public void ShippedTicTacToe_Loads_FitsTheGame()
    {
        IBatchModel model = new EngineNetworkFactory(TicTacToePosition.InputShape, TicTacToePosition.ActionCount).LoadWeights(Weights);
        Assert.Equal(27, model.InputSize);
        Assert.Equal(9, model.PolicySize);
    }

    /// <summary>The issue's bar, over every reachable position: with 200 playouts the shipped net never picks a
    /// losing or drawing move where a better one exists, and never loses to the perfect player.</summary>
    [Fact]
    public void ShippedTicTacToe_With200Playouts_NeverWorseThanBest_NeverLosesToPerfect()
    {
        IBatchModel model = new EngineNetworkFactory(TicTacToePosition.InputShape, TicTacToePosition.ActionCount).LoadWeights(Weights);
        var solver = new TicTacToeSolver();
        TicTacToeAudit audit = TicTacToeAudit.Run(model, 200, 2, solver);
        Assert.True(audit.Positions == 4520, $"audited {audit.Positions} positions");
        Assert.True(audit.SearchWorse == 0, $"{audit.SearchWorse} worse moves: {string.Join("; ", audit.SearchExamples)}");
        using var batching = new BatchingModel(model, 1, TimeSpan.Zero);
        var me = NetworkPlayers.Create(new ModelEvaluator<TicTacToePosition, TicTacToeMove>(batching), 200, 0, 1, 1, "net");
        MatchResult result = Match.Play(me, new PerfectTicTacToePlayer(new Random(3), solver), 40);
        Assert.Equal(0, result.Losses);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("positions_ply10-16.txt")]
    [InlineData("positions_ply17-28.txt")]
    public void ShippedConnect4_With800Playouts_OutcomeErrorUnderTenPercent(string file)
    {
        string weights = RepositoryRoot.Path("weights", "connect4.weights");
        IBatchModel model = new EngineNetworkFactory(ConnectFourPosition.InputShape, ConnectFourPosition.ActionCount).LoadWeights(weights);
        IReadOnlyList<LabelledPosition> positions = LabelledPosition.ReadFile(RepositoryRoot.Path("data", "connect4", file));
        using var batching = new BatchingModel(model, 16, TimeSpan.FromMilliseconds(1));
        var evaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(batching);
        MoveErrorRates rates = MoveErrorRates.Measure(positions, () =>
        {
            var player = NetworkPlayers.Create(evaluator, 800, 0, 8, 1, "mcts:800");
            return position =>
            {
                player.NewGame();
                return player.ChooseMove(position).Column;
            };
        }, threads: 2);
        Assert.True(rates.OutcomeErrorRate < 0.10, $"outcome error {rates.OutcomeErrorRate:P1} ({rates.OutcomeErrors}/{rates.OutcomePositions}) on {file}");
    }
}
