using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Records;
using Zero.SelfPlay.Replay;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Tests.Workers;

public class SelfPlayRunnerTests
{
    private static readonly SelfPlayConfig Small = new()
    {
        GamesPerGeneration = 8, ParallelGames = 4, Playouts = 24, SearchBatch = 4, TemperatureMoves = 4, MaxPlies = 42,
        DirichletAlpha = 1.0,
    };

    [Fact]
    public void Run_ManyParallelGames_RecordsReplayAndOutcomesMatchTheBoard()
    {
        var runner = new SelfPlayRunner<ConnectFourPosition, ConnectFourMove>(
            new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(7), Small);
        var games = new List<GameRecord>();
        SelfPlayStats stats = runner.Run(12, generation: 5, seed: 3, firstGameIndex: 0, r => { lock (games) games.Add(r); });
        Assert.Equal(12, stats.Games);
        Assert.Equal(12, games.Count);
        Assert.Equal(games.Sum(g => (long)g.Moves.Count), stats.Positions);
        Assert.Equal(12, stats.FirstPlayerWins + stats.Draws + stats.FirstPlayerLosses);
        var window = new ReplayWindow<ConnectFourPosition, ConnectFourMove>(100);
        foreach (GameRecord g in games)
        {
            Assert.Equal(5, g.Generation);
            Assert.True(window.Add(1, g, out string? error), error);
            ConnectFourPosition p = ConnectFourPosition.Initial;
            foreach (RecordedMove m in g.Moves)
            {
                Assert.True(m.IsSearched);
                Assert.Contains(m.Visits, v => v.Action == m.Action);
                Assert.InRange(m.RootValue, -1f, 1f);
                Assert.True(m.TotalVisits >= Small.Playouts - 1, $"visits {m.TotalVisits} < playouts");
                p = p.Play(new ConnectFourMove((byte)m.Action));
            }
            Assert.NotNull(p.Outcome);
            int forMover = (sbyte)p.Outcome!.Value;
            Assert.Equal(p.SideToMove == 0 ? forMover : -forMover, g.Outcome);
        }
        // Temperature sampling and noise make games differ.
        Assert.True(games.Select(g => string.Join(',', g.Moves.Select(m => m.Action))).Distinct().Count() > 6);
    }

    [Fact]
    public void PlayGame_RandomOpenings_StartUnsearchedWithinTheLimitAndNeverHandAWin()
    {
        SelfPlayConfig config = Small with { RandomOpeningShare = 1, RandomOpeningMaxPlies = 5 };
        var runner = new SelfPlayRunner<ConnectFourPosition, ConnectFourMove>(new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(1), config);
        var openingLengths = new HashSet<int>();
        var replies = new ConnectFourMove[ConnectFourPosition.MaxMoves];
        for (int seed = 0; seed < 40; seed++)
        {
            GameRecord record = runner.PlayGame(0, seed);
            int opening = record.Moves.TakeWhile(m => float.IsNaN(m.RootValue)).Count();
            Assert.InRange(opening, 1, 5);
            Assert.All(record.Moves.Skip(opening), m => Assert.False(float.IsNaN(m.RootValue), "every move after the opening is searched"));
            openingLengths.Add(opening);

            // No random ply lets the opponent win with its reply.
            ConnectFourPosition position = ConnectFourPosition.Initial;
            for (int i = 0; i < opening; i++)
            {
                position = position.Play(new ConnectFourMove((byte)record.Moves[i].Action));
                Assert.Null(position.Outcome);
                int n = position.GenerateMoves(replies);
                for (int r = 0; r < n; r++)
                {
                    Assert.NotEqual(GameResult.Loss, position.Play(replies[r]).Outcome);
                }
            }
        }
        Assert.Equal(5, openingLengths.Count);
    }

    [Fact]
    public void PlayGame_RandomOpeningShareZero_EveryMoveSearched()
    {
        var runner = new SelfPlayRunner<TicTacToePosition, TicTacToeMove>(new HashRandomEvaluator<TicTacToePosition, TicTacToeMove>(1), Small);
        for (int seed = 0; seed < 10; seed++)
        {
            Assert.All(runner.PlayGame(0, seed).Moves, m => Assert.False(float.IsNaN(m.RootValue)));
        }
    }

    [Fact]
    public void PlayGame_SameSeed_SameGame()
    {
        var runner = new SelfPlayRunner<TicTacToePosition, TicTacToeMove>(new HashRandomEvaluator<TicTacToePosition, TicTacToeMove>(1), Small);
        GameRecord a = runner.PlayGame(0, 42), b = runner.PlayGame(0, 42), c = runner.PlayGame(0, 43);
        Assert.True(a.ContentEquals(b));
        Assert.False(a.ContentEquals(c) && b.ContentEquals(c));
    }

    [Fact]
    public void PlayGame_AfterTemperatureMoves_PlaysTheMostVisitedMove()
    {
        // Without the solver, which plays a proven win even when another move has more visits.
        var runner = new SelfPlayRunner<ConnectFourPosition, ConnectFourMove>(
            new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(2), Small with { TemperatureMoves = 2, Solver = false });
        for (int seed = 0; seed < 4; seed++)
        {
            GameRecord g = runner.PlayGame(0, seed);
            for (int ply = 2; ply < g.Moves.Count; ply++)
            {
                RecordedMove m = g.Moves[ply];
                int max = m.Visits.Max(v => v.Visits);
                Assert.Equal(max, m.Visits.Single(v => v.Action == m.Action).Visits);
            }
        }
    }

    [Fact]
    public void Run_LosingSideWithResignation_ResignsAtMinPly()
    {
        var config = Small with { ResignThreshold = -0.9, ResignCheckShare = 0, ResignMinPly = 6 };
        var runner = new SelfPlayRunner<ConnectFourPosition, ConnectFourMove>(new SideBiasedEvaluator<ConnectFourPosition, ConnectFourMove>(0.99f), config);
        var games = new List<GameRecord>();
        SelfPlayStats stats = runner.Run(6, 0, 1, 0, r => { lock (games) games.Add(r); });
        Assert.Equal(6, stats.Resigned);
        Assert.All(games, g =>
        {
            Assert.Equal(GameRecordFlags.Resigned, g.Flags);
            Assert.Equal(6, g.ResignPly);
            Assert.Equal(6, g.Moves.Count);
            Assert.Equal(-1, g.Outcome);
        });
    }

    [Fact]
    public void Run_ResignCheckShareOne_GamesPlayedOutAndFalsePositivesCounted()
    {
        var config = Small with { ResignThreshold = -0.9, ResignCheckShare = 1, ResignMinPly = 6 };
        var runner = new SelfPlayRunner<ConnectFourPosition, ConnectFourMove>(new SideBiasedEvaluator<ConnectFourPosition, ConnectFourMove>(0.99f), config);
        var games = new List<GameRecord>();
        SelfPlayStats stats = runner.Run(8, 0, 2, 0, r => { lock (games) games.Add(r); });
        Assert.Equal(0, stats.Resigned);
        Assert.Equal(8, stats.ResignChecks);
        Assert.All(games, g =>
        {
            Assert.Equal(GameRecordFlags.ResignDisabled, g.Flags);
            Assert.Equal(6, g.ResignPly);
            Assert.True(g.Moves.Count > 6);
        });
        // The would-be resigner is the first player: every game it did not lose is a false positive.
        Assert.Equal(games.Count(g => g.Outcome >= 0), stats.ResignFalsePositives);
    }

    [Fact]
    public void Run_Cancelled_StopsAndCountsFinishedGamesOnly()
    {
        using var cts = new CancellationTokenSource();
        var runner = new SelfPlayRunner<ConnectFourPosition, ConnectFourMove>(
            new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(3), Small with { Playouts = 200 });
        int stored = 0;
        SelfPlayStats stats = runner.Run(1000, 0, 1, 0, _ =>
        {
            if (Interlocked.Increment(ref stored) == 3)
            {
                cts.Cancel();
            }
        }, cts.Token);
        Assert.InRange(stats.Games, 3, 3 + Small.ParallelGames);
        Assert.Equal(stored, stats.Games);
    }
}
