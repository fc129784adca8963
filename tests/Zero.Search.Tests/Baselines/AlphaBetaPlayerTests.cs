using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Search.Baselines;

namespace Zero.Search.Tests.Baselines;

/// <summary>The depth- and time-limited Connect Four players: tactics, strength against random, and agreement with the solver.</summary>
public sealed class AlphaBetaPlayerTests(SolverFixture fixture) : IClassFixture<SolverFixture>
{
    private readonly ConnectFourSolver _solver = fixture.Solver;

    private static ConnectFourPosition Parse(string moves)
    {
        Assert.True(ConnectFourPosition.TryParsePosition(moves, out ConnectFourPosition p, out string? error), error);
        return p;
    }

    [Theory]
    [InlineData("445566", new[] { 2, 6 })] // X completes the bottom row on column 3 or 7
    [InlineData("12131", new[] { 0 })]     // X has three in column 1: O must block it
    public void ChooseMove_ImmediateWinOrForcedBlock_PlaysIt(string moves, int[] expected)
    {
        var player = AlphaBetaPlayer.WithDepth(2, _solver);
        ConnectFourMove move = player.ChooseMove(Parse(moves));
        Assert.Contains(move.Column, expected);
    }

    [Fact]
    public void ChooseMove_Depth6AgainstRandom_WinsAlmostEveryGame()
    {
        var alphaBeta = AlphaBetaPlayer.WithDepth(6, _solver);
        var random = new RandomPlayer<ConnectFourPosition, ConnectFourMove>(new Random(11));
        int wins = 0, losses = 0;
        for (int game = 0; game < 20; game++)
        {
            GameResult result = game % 2 == 0 ? Match.Play(alphaBeta, random) : Match.Play(random, alphaBeta).Flip();
            wins += result == GameResult.Win ? 1 : 0;
            losses += result == GameResult.Loss ? 1 : 0;
        }
        Assert.Equal(0, losses);
        Assert.True(wins >= 19, $"alphabeta:6 won only {wins}/20 against random");
    }

    [Fact]
    public void ChooseMove_Depth4AgainstDepth1_WinsMoreThanItLoses()
    {
        var deep = AlphaBetaPlayer.WithDepth(4, _solver);
        var shallow = AlphaBetaPlayer.WithDepth(1, _solver);
        int score = 0;
        foreach (string opening in new[] { "", "1", "2", "3", "4", "5", "6", "7", "11", "26", "44", "35" })
        {
            ConnectFourPosition start = Parse(opening);
            GameResult a = Match.Play(deep, shallow, start);
            GameResult b = Match.Play(shallow, deep, start).Flip();
            score += (int)a + (int)b;
        }
        Assert.True(score > 8, $"depth 4 scored only {score} (win +1, loss -1) over 24 games against depth 1");
    }

    [Fact]
    public void SearchDepth_ToTheEndOfTheGame_AgreesWithTheSolver()
    {
        int checkedPositions = 0;
        Span<int> columns = stackalloc int[7];
        foreach (LabelledPosition labelled in LabelledPosition.ReadFile(RepositoryRoot.Path("data", "connect4", "positions_ply17-28.txt")))
        {
            if (labelled.Position.Ply < 26)
            {
                continue;
            }
            AlphaBetaResult result = _solver.SearchDepth(labelled.Position, ConnectFourSolver.Cells - labelled.Position.Ply);
            Assert.True(result.Exact);
            Assert.Equal(labelled.Score, result.Score / ConnectFourSolver.ProvenScale);
            Assert.Contains(result.Column, labelled.OptimalColumns);
            checkedPositions++;
        }
        Assert.True(checkedPositions >= 10, $"only {checkedPositions} labelled positions at ply 26+");
    }

    [Fact]
    public void ChooseMove_TimeLimitedOnLabelledPositions_PlaysAnOptimalColumn()
    {
        // Late positions (ply 24+) solve in milliseconds, so a one-second budget must end with an exact, optimal move.
        var player = AlphaBetaPlayer.WithTime(TimeSpan.FromSeconds(1), _solver);
        IEnumerable<LabelledPosition> late = LabelledPosition.ReadFile(RepositoryRoot.Path("data", "connect4", "positions_ply17-28.txt"))
            .Where(l => l.Position.Ply >= 24).Take(8);
        foreach (LabelledPosition labelled in late)
        {
            ConnectFourMove move = player.ChooseMove(labelled.Position);
            Assert.True(player.LastResult.Exact, $"{labelled.Moves}: not solved in 1 s ({player.LastResult})");
            Assert.Equal(labelled.Score, player.LastResult.Score / ConnectFourSolver.ProvenScale);
            Assert.Contains(move.Column, labelled.OptimalColumns);
        }
        Assert.Equal("alphabeta:1000ms", player.Name);
    }

    [Fact]
    public void SearchIterative_Cancelled_StillReturnsALegalMove()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        AlphaBetaResult result = _solver.SearchIterative(ConnectFourPosition.Initial, cancelled.Token);
        Assert.Equal(1, result.Depth);
        Assert.InRange(result.Column, 0, 6);
    }

    [Fact]
    public void Evaluate_IsMirrorSymmetricAndInsideTheProvenScale()
    {
        var random = new Random(5);
        var moves = new ConnectFourMove[7];
        for (int game = 0; game < 50; game++)
        {
            ConnectFourPosition p = ConnectFourPosition.Initial;
            while (p.Outcome is null)
            {
                int e = ConnectFourSolver.Evaluate(p);
                Assert.InRange(e, -ConnectFourSolver.ProvenScale + 1, ConnectFourSolver.ProvenScale - 1);
                Assert.Equal(e, ConnectFourSolver.Evaluate(p.ApplySymmetry(1)));
                p = p.Play(moves[random.Next(p.GenerateMoves(moves))]);
            }
        }
    }

    [Fact]
    public void SearchDepth_SameDepthFreshTables_SameNodeCount()
    {
        var a = new ConnectFourSolver(tableBits: 16, heuristicTableBits: 16);
        var b = new ConnectFourSolver(tableBits: 16, heuristicTableBits: 16);
        AlphaBetaResult ra = a.SearchDepth(Parse("4435"), 8);
        AlphaBetaResult rb = b.SearchDepth(Parse("4435"), 8);
        Assert.Equal(ra, rb);
        Assert.True(ra.Nodes > 100);
    }

    [Fact]
    public void LastSearchSummary_ExactWin_SaysWithWhichStone()
    {
        var player = AlphaBetaPlayer.WithDepth(3, _solver);
        Assert.Null(player.LastSearchSummary);
        player.ChooseMove(Parse("445566"));
        Assert.StartsWith("proven: wins with its 4th stone, depth 3", player.LastSearchSummary, StringComparison.Ordinal);
    }
}
