using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Tournaments;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;

namespace Zero.Arena.Tests.Tournaments;

/// <summary>Scheduling, pairs, round robin and resume from the results database (an interrupted run counts nothing twice).</summary>
public sealed class TournamentTests
{
    private static Entrant<TicTacToePosition, TicTacToeMove> Random(string name, int seed)
    {
        int k = 0;
        return new(name, SearchLimit.Untimed, TimeSpan.Zero, () => new PlayerParticipant<TicTacToePosition, TicTacToeMove>(
            new RandomPlayer<TicTacToePosition, TicTacToeMove>(new Random(seed + Interlocked.Increment(ref k))), name));
    }

    [Fact]
    public void Run_RoundRobinOfThree_EveryPairingPlaysEveryRound()
    {
        List<Opening<TicTacToePosition, TicTacToeMove>> openings = OpeningBook.Random<TicTacToePosition, TicTacToeMove>(5, 1, 3);
        var t = new Tournament<TicTacToePosition, TicTacToeMove>([Random("a", 1), Random("b", 2), Random("c", 3)], openings,
            new OpeningOrder(openings.Count, true, 3), new TournamentOptions { Rounds = 5, Concurrency = 2 });
        TournamentOutcome outcome = t.Run();
        Assert.Null(outcome.Error);
        Assert.Equal(3, t.Pairings.Count);
        Assert.Equal(30, t.GamesFinished);
        Assert.Equal(10, t.Tally(0, 1).Games);
        Assert.Equal(5, t.Tally(1, 2).Pentanomial.Pairs);
        Assert.Equal(t.Tally(0, 2).Wins, t.Tally(2, 0).Losses);
        Assert.Equal(20, t.Total(1).Games);
    }

    [Fact]
    public void Run_Gauntlet_OnlyTheFirstPlaysEachOther()
    {
        var t = new Tournament<TicTacToePosition, TicTacToeMove>([Random("a", 1), Random("b", 2), Random("c", 3)], [Opening<TicTacToePosition, TicTacToeMove>.Initial],
            new OpeningOrder(1, false, 0), new TournamentOptions { Kind = TournamentKind.Gauntlet, Rounds = 2 });
        t.Run();
        Assert.Equal([(0, 1), (0, 2)], t.Pairings);
        Assert.Equal(0, t.Tally(1, 2).Games);
    }

    [Fact]
    public void Run_InterruptedThenResumed_CountsEveryRoundOnce()
    {
        string db = Path.Combine(Path.GetTempPath(), $"zero-arena-{Guid.NewGuid():N}.db");
        try
        {
            var order = new OpeningOrder(1, false, 0);
            var options = new TournamentOptions { Rounds = 40, Concurrency = 2, DatabasePath = db, Signature = "test" };
            using var stop = new CancellationTokenSource();
            var first = new Tournament<TicTacToePosition, TicTacToeMove>([Random("a", 1), Random("b", 2)], [Opening<TicTacToePosition, TicTacToeMove>.Initial], order, options)
            {
                RoundFinished = r =>
                {
                    if (r.GamesFinished >= 20)
                    {
                        stop.Cancel();
                    }
                },
            };
            TournamentOutcome interrupted = first.Run(stop.Token);
            Assert.True(interrupted.Interrupted);
            int stored = first.GamesFinished;
            Assert.InRange(stored, 20, 79);

            var second = new Tournament<TicTacToePosition, TicTacToeMove>([Random("a", 1), Random("b", 2)], [Opening<TicTacToePosition, TicTacToeMove>.Initial], order, options);
            TournamentOutcome resumed = second.Run();
            Assert.Equal(stored, resumed.ResumedGames);
            Assert.Equal(80, second.GamesFinished);
            Assert.Equal(80, second.Tally(0, 1).Games);
            Assert.Equal(40, second.Tally(0, 1).Pentanomial.Pairs);
            using ResultStore store = ResultStore.Open(db, "test");
            Assert.Equal(80, store.Load().Select(g => (g.Round, g.Game)).Distinct().Count());
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (string f in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    [Fact]
    public void Open_AnotherTournamentsFile_IsRefused()
    {
        string db = Path.Combine(Path.GetTempPath(), $"zero-arena-{Guid.NewGuid():N}.db");
        try
        {
            ResultStore.Open(db, "one").Dispose();
            var e = Assert.Throws<ZeroException>(() => ResultStore.Open(db, "two"));
            Assert.Contains("holds another tournament", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            foreach (string f in new[] { db, db + "-wal", db + "-shm" })
            {
                File.Delete(f);
            }
        }
    }

    [Fact]
    public void Run_AlphaBetaAgainstRandomConnectFour_WinsAlmostEverything()
    {
        Entrant<ConnectFourPosition, ConnectFourMove> ab = new("ab", SearchLimit.Untimed, TimeSpan.Zero, () => new PlayerParticipant<ConnectFourPosition, ConnectFourMove>(AlphaBetaPlayer.WithDepth(4)));
        int k = 0;
        Entrant<ConnectFourPosition, ConnectFourMove> rnd = new("random", SearchLimit.Untimed, TimeSpan.Zero, () => new PlayerParticipant<ConnectFourPosition, ConnectFourMove>(
            new RandomPlayer<ConnectFourPosition, ConnectFourMove>(new Random(Interlocked.Increment(ref k)))));
        List<Opening<ConnectFourPosition, ConnectFourMove>> openings = OpeningBook.Random<ConnectFourPosition, ConnectFourMove>(10, 2, 1);
        var t = new Tournament<ConnectFourPosition, ConnectFourMove>([ab, rnd], openings, new OpeningOrder(openings.Count, false, 0), new TournamentOptions { Rounds = 10 });
        t.Run();
        Assert.True(t.Tally(0, 1).Wins >= 18, $"{t.Tally(0, 1)}");
    }
}
