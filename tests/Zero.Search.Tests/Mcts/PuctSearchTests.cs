using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.Search.Tests.Fakes;
using static Zero.Search.Tests.SearchTestPositions;

namespace Zero.Search.Tests.Mcts;

/// <summary>The mechanics of PuctSearch: counts add up, determinism, threads, limits, reuse, the memory cap, noise.</summary>
public sealed class PuctSearchTests
{
    private static PuctSearch<ConnectFourPosition, ConnectFourMove> C4Search(MctsOptions options, IEvaluator<ConnectFourPosition, ConnectFourMove>? evaluator = null, TimeProvider? time = null) =>
        new(evaluator ?? new HashRandomEvaluator<ConnectFourPosition, ConnectFourMove>(salt: 3), options, time);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(1, 16)]
    [InlineData(3, 8)]
    public void Search_Playouts_VisitCountsAddUp(int threads, int batch)
    {
        var search = C4Search(new MctsOptions { Threads = threads, BatchSize = batch });
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(3000));
        Assert.Equal(3000, result.Playouts);
        Assert.Equal(3000, result.Visits);
        Assert.Equal(2999, result.Moves.Sum(m => m.Visits));
        Assert.Null(search.CheckInvariants());
        Assert.Equal(1f, result.PolicyTarget.Sum(), 4);
        foreach (MoveStats<ConnectFourMove> m in result.Moves)
        {
            Assert.Equal(m.Visits / 2999f, result.PolicyTarget[m.Action], 5);
        }
        Assert.Equal(StopReason.Limit, result.StopReason);
        Assert.True(result.PrincipalVariation.Count > 1);
        Assert.Equal(result.BestMove, result.PrincipalVariation[0]);
        Assert.Equal(result.Moves.Max(m => m.Visits), result.Moves.Single(m => m.Move == result.BestMove).Visits);
    }

    [Fact]
    public void Search_OneThreadFixedSeed_SameTreeExactly()
    {
        var options = new MctsOptions { BatchSize = 8, Seed = 42, Noise = true };
        ulong Run()
        {
            var search = C4Search(options, new RolloutEvaluator<ConnectFourPosition, ConnectFourMove>(seed: 9));
            search.SetPosition(C4("4"));
            search.Search(SearchLimits.FromPlayouts(2000));
            return search.TreeChecksum();
        }
        ulong first = Run();
        Assert.Equal(first, Run());

        var other = C4Search(options with { Seed = 43 }, new RolloutEvaluator<ConnectFourPosition, ConnectFourMove>(seed: 9));
        other.SetPosition(C4("4"));
        other.Search(SearchLimits.FromPlayouts(2000));
        Assert.NotEqual(first, other.TreeChecksum()); // the checksum sees the noise: it is not blind
    }

    [Fact]
    public void Search_ManyThreadsStress_NoLostUpdates()
    {
        // Eight threads with small batches on a slow-ish evaluator so that gathers and backups interleave.
        var evaluator = new FuncEvaluator<ConnectFourPosition, ConnectFourMove>(
            p => { Thread.SpinWait(200); return (float)((p.Hash % 200) / 100.0 - 1); }, (p, a) => (p.Hash >> a) % 5);
        var search = C4Search(new MctsOptions { Threads = 8, BatchSize = 4 }, evaluator);
        for (int round = 0; round < 3; round++)
        {
            SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(5000));
            Assert.Equal(5000, result.Playouts);
            Assert.Equal(5000L * (round + 1), result.Visits); // the same root: the tree grows across searches
            Assert.Null(search.CheckInvariants());
        }
        Assert.True(evaluator.Evaluated <= 15000);
    }

    [Fact]
    public void Search_PuctWithZeroValues_VisitsFollowPriorOverOnePlusN()
    {
        // With every value 0 and absolute FPU 0, Q is 0 everywhere and PUCT picks argmax P/(1+N) at the root; a
        // greedy allocation computed here must give the same visit counts.
        float[] logits = [0.1f, 1.5f, -0.3f, 0.9f, 0.2f, 2.0f, -1f];
        var evaluator = new FuncEvaluator<ConnectFourPosition, ConnectFourMove>(_ => 0f, (_, a) => logits[a]);
        var search = C4Search(new MctsOptions { BatchSize = 1, Fpu = FpuMode.Absolute, FpuValue = 0 }, evaluator);
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(201));

        double max = logits.Max();
        double[] priors = logits.Select(l => Math.Exp(l - max)).ToArray();
        double sum = priors.Sum();
        var visits = new int[7];
        for (int k = 0; k < 200; k++)
        {
            int best = 0;
            for (int a = 1; a < 7; a++)
            {
                if (priors[a] / sum / (1 + visits[a]) > priors[best] / sum / (1 + visits[best]))
                {
                    best = a;
                }
            }
            visits[best]++;
        }
        Assert.Equal(visits, result.Moves.OrderBy(m => m.Action).Select(m => m.Visits).ToArray());
        float[] actual = result.Moves.OrderBy(m => m.Action).Select(m => m.Prior).ToArray();
        for (int a = 0; a < 7; a++)
        {
            Assert.Equal(priors[a] / sum, actual[a], 6);
        }
    }

    [Fact]
    public void SetPosition_AfterBestMove_KeepsThatSubtreesStatistics()
    {
        var search = C4Search(new MctsOptions { BatchSize = 4 });
        SearchResult<ConnectFourMove> before = search.Search(SearchLimits.FromPlayouts(4000));
        MoveStats<ConnectFourMove> chosen = before.Moves.Single(m => m.Move == before.BestMove);

        search.Play(before.BestMove);
        Assert.Null(search.CheckInvariants());
        SearchResult<ConnectFourMove> kept = search.Snapshot();
        Assert.Equal(chosen.Visits, kept.Visits);
        Assert.Equal(-chosen.Q, kept.Value, 5); // the same W, seen now from the new side to move
        Assert.True(kept.TreeNodes < before.TreeNodes);

        // And two plies down (our move, then the opponent's): the grandchild's statistics are kept too.
        ConnectFourMove reply = kept.BestMove;
        int replyVisits = kept.Moves.Single(m => m.Move == reply).Visits;
        search.SetPosition(search.RootPosition.Play(reply));
        Assert.Equal(replyVisits, search.Snapshot().Visits);

        // Searching on adds to what was kept.
        SearchResult<ConnectFourMove> after = search.Search(SearchLimits.FromPlayouts(100));
        Assert.Equal(replyVisits + 100, after.Visits);
        Assert.Null(search.CheckInvariants());
    }

    [Fact]
    public void SetPosition_UnrelatedPosition_StartsNewTree()
    {
        var search = C4Search(new MctsOptions());
        search.Search(SearchLimits.FromPlayouts(500));
        search.SetPosition(C4("1234"));
        Assert.Equal(0, search.Snapshot().Visits);
        Assert.Equal(1, search.TreeNodes);
    }

    [Fact]
    public void Search_VisitLimit_CountsReusedVisits()
    {
        var search = C4Search(new MctsOptions());
        search.Search(SearchLimits.FromPlayouts(1000));
        SearchResult<ConnectFourMove> result = search.Search(new SearchLimits(Visits: 1500));
        Assert.Equal(1500, result.Visits);
        Assert.Equal(500, result.Playouts);
    }

    [Theory]
    [InlineData(MemoryFullBehavior.KeepSearching)]
    [InlineData(MemoryFullBehavior.Stop)]
    public void Search_MemoryCap_TreeNeverExceedsCap(MemoryFullBehavior behavior)
    {
        var search = C4Search(new MctsOptions { MaxNodes = 500, OnMemoryFull = behavior, BatchSize = 4, Threads = 2 });
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(5000));
        Assert.True(result.TreeNodes <= 500, $"{result.TreeNodes} nodes");
        Assert.Null(search.CheckInvariants());
        if (behavior == MemoryFullBehavior.KeepSearching)
        {
            Assert.Equal(5000, result.Playouts);
            Assert.Equal(StopReason.Limit, result.StopReason);
        }
        else
        {
            Assert.Equal(StopReason.MemoryFull, result.StopReason);
            Assert.True(result.Playouts < 5000);
        }
    }

    [Fact]
    public void Search_TimeLimit_StopsByTheGivenClock()
    {
        // Every read of the clock advances it 1 ms: a 200 ms limit ends the search after about 200 reads.
        var clock = new SteppingTimeProvider(TimeSpan.FromMilliseconds(1));
        var search = C4Search(new MctsOptions { BatchSize = 2 }, time: clock);
        SearchResult<ConnectFourMove> result = search.Search(new SearchLimits(Time: TimeSpan.FromMilliseconds(200)));
        Assert.Equal(StopReason.Limit, result.StopReason);
        Assert.InRange(result.Playouts, 100, 1000);
        Assert.True(result.Elapsed >= TimeSpan.FromMilliseconds(200));
    }

    [Fact]
    public void Start_Infinite_RunsUntilStop()
    {
        var search = C4Search(new MctsOptions { Threads = 2 });
        search.Start(new SearchLimits(Infinite: true));
        Assert.True(search.IsRunning);
        Thread.Sleep(100);
        Assert.True(search.Snapshot().Playouts > 0);
        search.Stop();
        SearchResult<ConnectFourMove> result = search.Wait();
        Assert.Equal(StopReason.Stopped, result.StopReason);
        Assert.False(search.IsRunning);
        Assert.Null(search.CheckInvariants());
        Assert.Throws<InvalidOperationException>(() => search.Wait());
    }

    [Fact]
    public void Search_Cancelled_StopsAndReportsStopped()
    {
        var search = C4Search(new MctsOptions());
        using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
        SearchResult<ConnectFourMove> result = search.Search(new SearchLimits(Infinite: true), cts.Token);
        Assert.Equal(StopReason.Stopped, result.StopReason);
    }

    [Fact]
    public void Search_SmartPruning_StopsEarlyOnForcedWin()
    {
        // Without the solver, which would stop at once on the proven win (PuctSearchSolverTests): the visit-count rule.
        var search = C4Search(new MctsOptions { SmartPruningFactor = 1, Solver = false }, new UniformEvaluator<ConnectFourPosition, ConnectFourMove>());
        search.SetPosition(C4("112233"));
        SearchResult<ConnectFourMove> result = search.Search(SearchLimits.FromPlayouts(20000));
        Assert.Equal(StopReason.SmartPruning, result.StopReason);
        Assert.True(result.Playouts < 20000);
        Assert.Equal(3, result.BestMove.Column);
        int best = result.Moves.Max(m => m.Visits);
        int second = result.Moves.Select(m => m.Visits).OrderDescending().Skip(1).First();
        Assert.True(best - second > 20000 - result.Playouts, "it may only stop when the runner-up cannot catch up");
    }

    [Fact]
    public void Search_Noise_ChangesRootPriorsOnceAndKeepsThemNormalised()
    {
        var options = new MctsOptions { Noise = true, DirichletAlpha = 0.3, Seed = 5 };
        var search = new PuctSearch<TicTacToePosition, TicTacToeMove>(new UniformEvaluator<TicTacToePosition, TicTacToeMove>(), options);
        SearchResult<TicTacToeMove> first = search.Search(SearchLimits.FromPlayouts(50));
        float[] priors = first.Moves.Select(m => m.Prior).ToArray();
        Assert.Equal(1f, priors.Sum(), 4);
        Assert.Contains(priors, p => Math.Abs(p - 1f / 9) > 0.01f);
        Assert.All(priors, p => Assert.True(p >= 0.75f / 9 - 1e-6f)); // (1 - 0.25) of the uniform prior at least

        SearchResult<TicTacToeMove> again = search.Search(SearchLimits.FromPlayouts(50)); // same root: no second dose
        Assert.Equal(priors, again.Moves.Select(m => m.Prior).ToArray());
    }

    [Fact]
    public void Search_ThroughCache_RepeatedSearchIsServedFromCache()
    {
        var inner = new FuncEvaluator<ConnectFourPosition, ConnectFourMove>(p => (p.Hash % 7) / 7f, (p, a) => (p.Hash >> (3 * a)) % 4);
        var cache = new CachingEvaluator<ConnectFourPosition, ConnectFourMove>(inner, capacity: 1 << 16);
        var search = C4Search(new MctsOptions { BatchSize = 8 }, cache);
        SearchResult<ConnectFourMove> first = search.Search(SearchLimits.FromPlayouts(1000));
        long evaluated = inner.Evaluated;
        search.Clear();
        SearchResult<ConnectFourMove> second = search.Search(SearchLimits.FromPlayouts(1000));
        // The same tree again: every leaf is a hit unless a direct-mapped slot was taken over by another position.
        Assert.True(inner.Evaluated - evaluated < evaluated / 20, $"{inner.Evaluated - evaluated} of {evaluated} evaluated again");
        Assert.True(cache.Cache.Hits >= 900, $"{cache.Cache.Hits} hits");
        Assert.Equal(first.Moves.Select(m => m.Visits), second.Moves.Select(m => m.Visits));
        Assert.Null(search.CheckInvariants());
    }

    [Fact]
    public void SetPosition_WhileRunning_Throws()
    {
        var search = C4Search(new MctsOptions());
        search.Start(new SearchLimits(Infinite: true));
        try
        {
            Assert.Throws<InvalidOperationException>(() => search.SetPosition(C4("1")));
        }
        finally
        {
            search.Stop();
            search.Wait();
        }
    }

    [Fact]
    public void Search_EvaluatorThrows_WaitRethrowsAndSearchIsUsableAfter()
    {
        bool fail = true;
        var evaluator = new FuncEvaluator<ConnectFourPosition, ConnectFourMove>(
            p => fail && p.Ply > 1 ? throw new InvalidOperationException("boom") : 0f, (_, _) => 0f);
        var search = C4Search(new MctsOptions { Threads = 2, BatchSize = 2 }, evaluator);
        Assert.Throws<InvalidOperationException>(() => search.Search(SearchLimits.FromPlayouts(100)));
        fail = false;
        Assert.Equal(100, search.Search(SearchLimits.FromPlayouts(100)).Playouts);
        Assert.Null(search.CheckInvariants());
    }

    [Fact]
    public void Options_Invalid_ArgumentExceptionNamesTheMember()
    {
        var e = Assert.Throws<ArgumentException>(() => C4Search(new MctsOptions { Threads = 0 }));
        Assert.Contains("Threads", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => C4Search(new MctsOptions()).Search(new SearchLimits()));
    }
}
