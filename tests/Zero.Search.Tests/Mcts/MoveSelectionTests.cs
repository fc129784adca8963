using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Search.Mcts;

namespace Zero.Search.Tests.Mcts;

/// <summary>Temperature move choice and the Dirichlet/Gamma sampler.</summary>
public sealed class MoveSelectionTests
{
    private static SearchResult<ConnectFourMove> Result(params int[] visits) => new()
    {
        BestMove = new ConnectFourMove((byte)Array.IndexOf(visits, visits.Max())),
        Value = 0,
        Moves = visits.Select((n, i) => new MoveStats<ConnectFourMove>(new ConnectFourMove((byte)i), i, n, 0, 0)).ToList(),
        PrincipalVariation = [],
        Playouts = visits.Sum(),
        Visits = visits.Sum() + 1,
        TreeNodes = 0,
        Collisions = 0,
        Elapsed = TimeSpan.Zero,
        StopReason = StopReason.Limit,
        PolicyTarget = [],
    };

    [Fact]
    public void Sample_TemperatureOne_FrequenciesFollowVisits()
    {
        SearchResult<ConnectFourMove> result = Result(10, 30, 0, 60);
        var rng = new Random(1);
        var counts = new int[4];
        for (int i = 0; i < 20000; i++)
        {
            counts[MoveSelection.Sample(result, 1.0, rng).Column]++;
        }
        Assert.Equal(0, counts[2]);
        Assert.InRange(counts[0] / 20000.0, 0.08, 0.12);
        Assert.InRange(counts[1] / 20000.0, 0.28, 0.32);
        Assert.InRange(counts[3] / 20000.0, 0.58, 0.62);
    }

    [Fact]
    public void Choose_AfterTemperatureMoves_BestMove()
    {
        SearchResult<ConnectFourMove> result = Result(10, 30, 0, 60);
        var rng = new Random(1);
        for (int i = 0; i < 100; i++)
        {
            Assert.Equal(3, MoveSelection.Choose(result, ply: 8, temperature: 1, temperatureMoves: 8, rng).Column);
        }
        Assert.Contains(Enumerable.Range(0, 100).Select(_ => MoveSelection.Choose(result, 7, 1, 8, rng).Column), c => c != 3);
    }

    [Fact]
    public void Sample_TinyTemperature_NoOverflowAndPicksBest()
    {
        SearchResult<ConnectFourMove> result = Result(1000, 999, 5, 2);
        Assert.Equal(0, MoveSelection.Sample(result, 0.01, new Random(3)).Column);
    }

    [Fact]
    public void Sample_ProvenLoss_NeverDrawnWhileAnotherMoveIsOpen()
    {
        SearchResult<ConnectFourMove> result = WithProofs(Result(10, 30, 0, 60), best: 1, (3, GameResult.Loss));
        var rng = new Random(1);
        for (int i = 0; i < 2000; i++)
        {
            Assert.NotEqual(3, MoveSelection.Sample(result, 1.0, rng).Column);
        }
    }

    [Fact]
    public void Sample_ProvenWin_AlwaysPlayed()
    {
        SearchResult<ConnectFourMove> result = WithProofs(Result(10, 30, 0, 60), best: 0, (0, GameResult.Win));
        var rng = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            Assert.Equal(0, MoveSelection.Sample(result, 1.0, rng).Column);
        }
    }

    [Fact]
    public void Sample_EveryMoveProvenLost_StillPicksAVisitedMove()
    {
        SearchResult<ConnectFourMove> result = WithProofs(Result(10, 30, 0, 60), best: 3, (0, GameResult.Loss), (1, GameResult.Loss), (2, GameResult.Loss), (3, GameResult.Loss));
        var rng = new Random(1);
        for (int i = 0; i < 200; i++)
        {
            Assert.NotEqual(2, MoveSelection.Sample(result, 1.0, rng).Column);
        }
    }

    /// <summary><paramref name="result"/> with solver proofs on some moves and the best move the search would then report.</summary>
    private static SearchResult<ConnectFourMove> WithProofs(SearchResult<ConnectFourMove> result, int best, params (int Column, GameResult Proven)[] proofs) => new()
    {
        BestMove = new ConnectFourMove((byte)best),
        Value = result.Value,
        Moves = result.Moves.Select(m => m with { Proven = proofs.Where(p => p.Column == m.Move.Column).Select(p => (GameResult?)p.Proven).FirstOrDefault() }).ToList(),
        PrincipalVariation = result.PrincipalVariation,
        Playouts = result.Playouts,
        Visits = result.Visits,
        TreeNodes = result.TreeNodes,
        Collisions = result.Collisions,
        Elapsed = result.Elapsed,
        StopReason = result.StopReason,
        PolicyTarget = result.PolicyTarget,
    };

    [Theory]
    [InlineData(0.3)]
    [InlineData(2.5)]
    public void Gamma_ManyDraws_MeanAndVarianceMatchShape(double shape)
    {
        var rng = new Random(7);
        const int n = 40000;
        double sum = 0, sumSq = 0;
        for (int i = 0; i < n; i++)
        {
            double g = Dirichlet.Gamma(rng, shape);
            Assert.True(g >= 0);
            sum += g;
            sumSq += g * g;
        }
        double mean = sum / n;
        double variance = sumSq / n - mean * mean;
        Assert.InRange(mean, shape * 0.97, shape * 1.03); // Gamma(k, 1): mean k, variance k
        Assert.InRange(variance, shape * 0.9, shape * 1.1);
    }

    [Fact]
    public void Dirichlet_Sample_SumsToOneAndIsSeeded()
    {
        var a = new float[7];
        var b = new float[7];
        Dirichlet.Sample(new Random(4), 0.3, a);
        Dirichlet.Sample(new Random(4), 0.3, b);
        Assert.Equal(1f, a.Sum(), 5);
        Assert.Equal(a, b);
    }
}
