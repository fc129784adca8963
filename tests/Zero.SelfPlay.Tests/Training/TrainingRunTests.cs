using Microsoft.Data.Sqlite;
using Zero.Games;
using Zero.Games.TicTacToe;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Reporting;
using Zero.SelfPlay.Storage;
using Zero.SelfPlay.Training;

namespace Zero.SelfPlay.Tests.Training;

public class TrainingRunTests
{
    private static RunConfig Tiny(int generations) => RunConfig.Default("tictactoe") with
    {
        SelfPlay = RunConfig.Default("tictactoe").SelfPlay with
        {
            GamesPerGeneration = 16, ParallelGames = 4, Playouts = 16, SearchBatch = 2,
        },
        Training = RunConfig.Default("tictactoe").Training with
        {
            BatchSize = 32, MinPositions = 30, SamplesPerPosition = 2, ReplayWindowGames = 200,
        },
        Evaluation = RunConfig.Default("tictactoe").Evaluation with
        {
            GamesVsPrevious = 4, Baselines = ["random", "perfect"], GamesPerBaseline = 4, Playouts = 16,
        },
        Limits = new LimitsConfig { Generations = generations, Time = "" },
    };

    private static TrainingRun<TicTacToePosition, TicTacToeMove> Open(string folder, RunConfig config, ITrainingObserver observer) =>
        TrainingRun<TicTacToePosition, TicTacToeMove>.Open(folder, config, new TabularNetworkFactory<TicTacToePosition, TicTacToeMove>(),
            observer, TimeProvider.System);

    [Fact]
    public void Run_TinyRun_EveryStageStoredThenResumes()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        var observer = new CollectingObserver();
        long stepsAfterTwo;
        using (var run = Open(folder, Tiny(2), observer))
        {
            TrainingOutcome outcome = run.Run();
            Assert.Equal(2, outcome.Generation);
            Assert.Contains("generation 2", outcome.StopReason);
            IExperienceStore store = run.Store;
            Assert.Equal(32, store.GameCount);
            IReadOnlyList<GenerationInfo> generations = store.Generations();
            Assert.Equal([0, 1, 2], generations.Select(g => g.Number));
            foreach (GenerationInfo g in generations)
            {
                Assert.Equal(g.Sha256, FileHash.Sha256(Path.Combine(folder, g.WeightsFile)));
            }
            IReadOnlyList<EvaluationResult> evals = store.Evaluations();
            Assert.Equal(["gen 0", "random", "perfect", "gen 1", "random", "perfect"], evals.Select(e => e.Opponent));
            Assert.All(evals, e => Assert.Equal(4, e.Games));
            Assert.All(evals.Where(e => e.Opponent == "perfect"), e => Assert.Equal(0, e.Wins));
            stepsAfterTwo = outcome.Steps;
            Assert.True(stepsAfterTwo >= 2);
        }
        Assert.Equal(2, observer.Generations.Count);
        Assert.True(observer.TrainingCalls >= 2);
        var events = MetricsLog.ReadAll(Path.Combine(folder, "metrics.jsonl")).Select(m => m.GetProperty("event").GetString()).ToList();
        Assert.Contains("selfplay", events);
        Assert.Contains("train", events);
        Assert.Equal(2, events.Count(e => e == "generation"));
        foreach (string file in new[] { "run.json", "checkpoint.bin", "losses.svg", "winrate.svg", "elo.svg", "experience.db" })
        {
            Assert.True(File.Exists(Path.Combine(folder, file)), file);
        }

        // Resume: the same folder continues at generation 2 with the checkpoint's step count.
        var again = new CollectingObserver();
        using (var run = Open(folder, Tiny(3), again))
        {
            Assert.Equal(2, run.Generation);
            Assert.Contains(again.Messages, m => m.StartsWith("resumed", StringComparison.Ordinal));
            TrainingOutcome outcome = run.Run();
            Assert.Equal(3, outcome.Generation);
            Assert.Equal(48, run.Store.GameCount);
            Assert.True(outcome.Steps > stepsAfterTwo);
        }
    }

    [Fact]
    public void Run_KilledDuringSelfPlay_ResumeKeepsStoredGamesAndCompletesThePhase()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        using var cts = new CancellationTokenSource();
        long stored;
        using (var run = Open(folder, Tiny(1), new CollectingObserver(cts, games: 5)))
        {
            TrainingOutcome outcome = run.Run(cancellation: cts.Token);
            Assert.Equal("stopped", outcome.StopReason);
            Assert.Equal(0, outcome.Generation);
            stored = run.Store.GameCount;
            Assert.InRange(stored, 5, 9);
        }
        using (var run = Open(folder, Tiny(1), new CollectingObserver()))
        {
            TrainingOutcome outcome = run.Run();
            Assert.Equal(1, outcome.Generation);
            Assert.Equal(16, run.Store.GameCount);
        }
    }

    [Fact]
    public void Open_DamagedCheckpoint_RefusedWithClearMessage()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        using (var run = Open(folder, Tiny(1), new CollectingObserver()))
        {
            run.Run();
        }
        string checkpoint = Path.Combine(folder, "checkpoint.bin");
        File.AppendAllText(checkpoint, "x");
        var e = Assert.Throws<ZeroException>(() => Open(folder, Tiny(2), new CollectingObserver()));
        Assert.Contains("checkpoint", e.Message);
        Assert.Contains("damaged", e.Message);
        Assert.Contains("restore", e.Message);
    }

    [Fact]
    public void Run_DamagedWeightsOfSelfPlayGeneration_RefusedNamingTheFile()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        using (var run = Open(folder, Tiny(1), new CollectingObserver()))
        {
            run.Run();
        }
        File.WriteAllText(Path.Combine(folder, "generations", "gen-0001.weights"), "tabular 27 9\n");
        using var reopened = Open(folder, Tiny(2), new CollectingObserver());
        var e = Assert.Throws<ZeroException>(() => reopened.Run());
        Assert.Contains("gen-0001.weights", e.Message);
        Assert.Contains("generation 1", e.Message);
        Assert.Equal(16, reopened.Store.GameCount);
    }

    [Fact]
    public void Run_DamagedGameRecord_ReportedSkippedAndRunContinues()
    {
        using var temp = new TempFolder();
        string folder = temp.File("run");
        using (var run = Open(folder, Tiny(1), new CollectingObserver()))
        {
            run.Run();
        }
        using (var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "experience.db")};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE games SET record = x'5A5201000000001234' WHERE id = 3";
            cmd.ExecuteNonQuery();
        }
        var observer = new CollectingObserver();
        using (var run = Open(folder, Tiny(2), observer))
        {
            TrainingOutcome outcome = run.Run();
            Assert.Equal(2, outcome.Generation);
            Assert.Equal(32, run.Store.GameCount);
        }
        Assert.Contains(observer.Messages, m => m.Contains("game 3", StringComparison.Ordinal) && m.Contains("skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void Run_Gating_RejectedGenerationDoesNotPlaySelfPlay()
    {
        using var temp = new TempFolder();
        RunConfig config = Tiny(2) with { Evaluation = Tiny(2).Evaluation with { Gating = true, GatingScore = 1.01 } };
        using var run = Open(temp.File("run"), config, new CollectingObserver());
        run.Run();
        Assert.Equal(2, run.Generation);
        Assert.Equal(0, run.SelfPlayGeneration);
        Assert.All(run.Store.Generations().Skip(1), g => Assert.False(g.Accepted));
        Assert.All(run.Store.Evaluations().Where(e => e.Opponent.StartsWith("gen", StringComparison.Ordinal)), e => Assert.Equal("gen 0", e.Opponent));
    }
}
