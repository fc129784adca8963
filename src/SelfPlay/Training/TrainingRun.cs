using System.Diagnostics;
using System.Globalization;
using Zero.Games;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Matches;
using Zero.SelfPlay.Records;
using Zero.SelfPlay.Replay;
using Zero.SelfPlay.Reporting;
using Zero.SelfPlay.Storage;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Training;

/// <summary>
/// The AlphaZero training loop over a run folder (<see cref="RunFolder"/>): self-play with the current network,
/// training on a replay window of the most recent games, a new generation saved with a checkpoint, evaluation
/// against the previous generation (optional gating) and the baselines, metrics and plots, until a limit. Opened
/// on an existing folder it resumes from the last checkpoint: the generation, the network and optimizer state,
/// the replay cursor; games stored after the checkpoint count toward the next training phase, so a kill -9 loses
/// only the games in flight (and an unfinished training phase, which is redone). `zero train` drives it.
/// </summary>
/// <remarks>
/// Order of writes at the end of a training phase (each step is atomic; the store's run state is written last and
/// is what a resume trusts): 1. weights file of the new generation; 2. checkpoint file; 3. generation row; 4. run
/// state (generation, checkpoint SHA-256, replay cursor, steps) in one transaction. A crash between 1 and 4 leaves
/// files that the next attempt overwrites.
/// </remarks>
public sealed class TrainingRun<TGame, TMove> : IDisposable
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly RunFolder _folder;
    private readonly RunConfig _config;
    private readonly INetworkFactory _factory;
    private readonly ITrainingObserver _observer;
    private readonly TimeProvider _time;
    private readonly IExperienceStore _store;
    private readonly MetricsLog _metrics;
    private readonly ReplayWindow<TGame, TMove> _window;
    private ITrainableNetwork _network;
    private int _generation;
    private int _selfPlayGeneration;
    private int _evaluated;
    private long _replayCursor;
    private long _windowCursor;
    private long _pendingPositions;
    private RunFolderLock? _owner;

    private TrainingRun(RunFolder folder, RunConfig config, INetworkFactory factory, ITrainingObserver observer, TimeProvider time,
        IExperienceStore store, ITrainableNetwork network)
    {
        _folder = folder;
        _config = config;
        _factory = factory;
        _observer = observer;
        _time = time;
        _store = store;
        _network = network;
        _metrics = new MetricsLog(folder.Metrics, time);
        _window = new ReplayWindow<TGame, TMove>(config.Training.ReplayWindowGames, config.Training.Augment)
        {
            ValueTargetQWeight = (float)config.Training.ValueTargetQWeight,
        };
    }

    /// <summary>The latest trained generation.</summary>
    public int Generation => _generation;

    /// <summary>The generation whose network plays self-play (the latest accepted one).</summary>
    public int SelfPlayGeneration => _selfPlayGeneration;

    /// <summary>The store of the run (read-only use by callers: reports, tests).</summary>
    public IExperienceStore Store => _store;

    /// <summary>
    /// Opens the run folder <paramref name="path"/> and owns it until disposed (<see cref="RunFolderLock"/>): creates
    /// generation 0 from the config's seed when the folder is new, otherwise checks that the store, the checkpoint and
    /// the generations belong together and loads the last checkpoint. Writes run.json. A folder this call created is
    /// removed again when opening fails, so a refused start leaves nothing behind.
    /// </summary>
    /// <remarks>
    /// The checks before anything is written: 1. the lock (a second process is refused with the holder's PID);
    /// 2. SQLite's integrity check of an existing experience.db (inside <see cref="SqliteExperienceStore.Open"/>);
    /// 3. an empty store beside a checkpoint, generation files or a run-id is a lost database, never a new run;
    /// 4. the store's run id must match RUN/run-id (a database copied from another run is refused); 5. the
    /// checkpoint's SHA-256 must match the store's, and so must the weights of the generations self-play and training
    /// continue from.
    /// </remarks>
    /// <exception cref="ZeroException">The folder is in use, damaged or mixed from two runs, or of another game (the message says what to do).</exception>
    public static TrainingRun<TGame, TMove> Open(string path, RunConfig config, INetworkFactory factory, ITrainingObserver observer, TimeProvider time)
    {
        if (config.Game != TGame.Name)
        {
            throw new ZeroException($"the config trains {config.Game}, not {TGame.Name}");
        }
        var folder = new RunFolder(path);
        bool created = !Directory.Exists(path);
        Directory.CreateDirectory(path);
        RunFolderLock? owner = null;
        IExperienceStore? store = null;
        try
        {
            owner = RunFolderLock.Acquire(folder);
            store = SqliteExperienceStore.Open(folder.Store, TGame.Name);
            string? generationText = store.GetState("generation");
            string? fileRunId = File.Exists(folder.RunId) ? File.ReadAllText(folder.RunId).Trim() : null;
            TrainingRun<TGame, TMove> run = generationText is null
                ? StartNew(folder, config, factory, observer, time, store, fileRunId)
                : Resume(folder, config, factory, observer, time, store, generationText, fileRunId);
            run._owner = owner;
            return run;
        }
        catch
        {
            store?.Dispose();
            owner?.Dispose();
            if (created)
            {
                TryDelete(path);
            }
            throw;
        }
    }

    private static TrainingRun<TGame, TMove> StartNew(RunFolder folder, RunConfig config, INetworkFactory factory, ITrainingObserver observer,
        TimeProvider time, IExperienceStore store, string? fileRunId)
    {
        bool leftovers = File.Exists(folder.Checkpoint) || fileRunId is not null
            || (Directory.Exists(folder.Generations) && Directory.EnumerateFiles(folder.Generations).Any());
        if (leftovers)
        {
            throw new ZeroException(
                $"'{folder.Path}' holds a run (checkpoint.bin, generations/ or run-id) but its experience store {folder.Store} is missing or empty: "
                + "the database was lost or replaced, and starting over here would overwrite the run. Restore experience.db from a copy to resume, "
                + "or train in a new --run folder (or move this folder's files away first)");
        }
        Directory.CreateDirectory(folder.Generations);
        FileHash.WriteAtomically(folder.Config, temp => File.WriteAllText(temp, config.ToJson()));
        string runId = Guid.NewGuid().ToString("N");
        store.SetState(new Dictionary<string, string> { ["runId"] = runId });
        FileHash.WriteAtomically(folder.RunId, temp => File.WriteAllText(temp, runId + "\n"));
        ITrainableNetwork network = factory.Create(config, new Random(SelfPlayRunner<TGame, TMove>.GameSeed(config.Seed, -1)));
        var run = new TrainingRun<TGame, TMove>(folder, config, factory, observer, time, store, network);
        run.SaveGeneration(0, replayCursor: 0, accepted: true);
        run._evaluated = 0;
        store.SetState(new Dictionary<string, string> { ["evaluated"] = "0", ["selfPlayGeneration"] = "0" });
        observer.Message($"new run in {folder.Path}: {TGame.Name}, network {network.Description}");
        run.FillWindow();
        return run;
    }

    private static TrainingRun<TGame, TMove> Resume(RunFolder folder, RunConfig config, INetworkFactory factory, ITrainingObserver observer,
        TimeProvider time, IExperienceStore store, string generationText, string? fileRunId)
    {
        string? storeRunId = store.GetState("runId");
        if (storeRunId is not null && fileRunId is not null && storeRunId != fileRunId)
        {
            throw new ZeroException(
                $"'{folder.Store}' belongs to run {storeRunId[..8]}… but '{folder.RunId}' says run {fileRunId[..Math.Min(8, fileRunId.Length)]}…: "
                + "the database or the folder's files come from another run. Put back this run's experience.db, or train in a new --run folder");
        }
        if (storeRunId is null)
        {
            // A run from before run ids: adopt one now.
            storeRunId = fileRunId ?? Guid.NewGuid().ToString("N");
            store.SetState(new Dictionary<string, string> { ["runId"] = storeRunId });
        }
        if (fileRunId is null)
        {
            FileHash.WriteAtomically(folder.RunId, temp => File.WriteAllText(temp, storeRunId + "\n"));
        }
        FileHash.Verify(folder.Checkpoint, store.GetState("checkpointSha256") ?? "", "checkpoint");
        int generation = ParseState(generationText, "generation", folder);
        int selfPlayGeneration = ParseState(store.GetState("selfPlayGeneration") ?? "0", "selfPlayGeneration", folder);
        foreach (GenerationInfo info in store.Generations().Where(g => g.Number == generation || g.Number == selfPlayGeneration))
        {
            FileHash.Verify(folder.Resolve(info.WeightsFile), info.Sha256, $"weights file of generation {info.Number}");
        }
        FileHash.WriteAtomically(folder.Config, temp => File.WriteAllText(temp, config.ToJson()));
        ITrainableNetwork network = factory.LoadCheckpoint(folder.Checkpoint, config);
        var resumed = new TrainingRun<TGame, TMove>(folder, config, factory, observer, time, store, network)
        {
            _generation = generation,
            _selfPlayGeneration = selfPlayGeneration,
            _evaluated = ParseState(store.GetState("evaluated") ?? "0", "evaluated", folder),
            _replayCursor = ParseLongState(store.GetState("replayCursor") ?? "0", "replayCursor", folder),
        };
        resumed.FillWindow();
        observer.Message(
            $"resumed {folder.Path} at generation {resumed._generation} ({store.GameCount} games stored, {network.Steps} training steps, "
            + $"{resumed._pendingPositions} new positions since the last training phase)");
        return resumed;
    }

    private static int ParseState(string text, string key, RunFolder folder) =>
        (int)Math.Min(ParseLongState(text, key, folder), int.MaxValue);

    private static long ParseLongState(string text, string key, RunFolder folder) =>
        long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value)
            ? value
            : throw new ZeroException($"the run state '{key}' in {folder.Store} reads '{text}', not a count: the store is damaged; restore it from a copy, or train in a new --run folder");

    private static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the refusal's message matters more than the leftover folder.
        }
    }

    /// <summary>
    /// Runs generations until <see cref="LimitsConfig.Generations"/> or the time limit (<paramref name="timeLimit"/>
    /// overrides the config's) is reached, or <paramref name="cancellation"/> fires (Ctrl+C).
    /// </summary>
    public TrainingOutcome Run(TimeSpan? timeLimit = null, CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        TimeSpan? limit = timeLimit ?? _config.TimeLimit;
        using var timer = limit is TimeSpan l ? new CancellationTokenSource(l, _time) : new CancellationTokenSource();
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timer.Token);
        CancellationToken stop = linked.Token;
        string reason;
        while (true)
        {
            if (_config.Limits.Generations > 0 && _generation >= _config.Limits.Generations)
            {
                reason = $"reached generation {_generation} (limits.generations)";
                break;
            }
            if (stop.IsCancellationRequested)
            {
                reason = cancellation.IsCancellationRequested ? "stopped" : $"time limit {DurationText.Format(limit!.Value)} reached";
                break;
            }
            try
            {
                if (_evaluated < _generation)
                {
                    Evaluate(_generation, stop);
                }
                RunGeneration(clock, stop);
            }
            catch (OperationCanceledException)
            {
                // Finished games are stored; the next run continues from the last checkpoint.
            }
        }
        _observer.Message($"{reason}: generation {_generation}, {_store.GameCount} games, {_network.Steps} steps; "
            + $"resume with the same --run folder");
        return new TrainingOutcome(reason, _generation, _selfPlayGeneration, _store.GameCount, _network.Steps, clock.Elapsed);
    }

    private void RunGeneration(Stopwatch clock, CancellationToken stop)
    {
        // 1. Self-play until this phase's games are stored (games stored after the last training phase count).
        FillWindow();
        long sinceCursor = _store.LastGameId - _replayCursor;
        int target = _config.SelfPlay.GamesPerGeneration;
        int toPlay = sinceCursor >= target ? 0 : (int)(target - sinceCursor);
        if (toPlay == 0 && _window.PositionCount < _config.Training.MinPositions)
        {
            toPlay = target;
        }
        SelfPlayStats stats = toPlay > 0 ? SelfPlay(toPlay, stop) : new SelfPlayStats(0, 0, TimeSpan.Zero, 0, 0, 0, 0, 0, 0);
        stop.ThrowIfCancellationRequested();
        FillWindow();
        if (_window.PositionCount < _config.Training.MinPositions)
        {
            _observer.Message($"replay window holds {_window.PositionCount} of the {_config.Training.MinPositions} positions needed to train; playing more games");
            return;
        }

        // 2. Train: samplesPerPosition × new positions / batch size steps.
        int batchSize = _config.Training.BatchSize;
        int steps = (int)Math.Max(1, Math.Ceiling(_config.Training.SamplesPerPosition * Math.Max(_pendingPositions, 1) / batchSize));
        double lr = LearningRate(_generation);
        LossParts loss = Train(steps, lr, stop);

        // 3. Save the generation and the checkpoint, then move the run state forward.
        int generation = _generation + 1;
        SaveGeneration(generation, _windowCursor, accepted: !_config.Evaluation.Gating);

        // 4. Evaluate, gate, report.
        IReadOnlyList<EvaluationResult> results = Evaluate(generation, stop);
        double elo = RunPlots.ChainedElo(_store.Evaluations()).LastOrDefault().Y;
        var summary = new GenerationSummary(generation, stats, steps, loss, lr, _window.PositionCount, results,
            _selfPlayGeneration == generation, _selfPlayGeneration, elo, _store.GameCount, clock.Elapsed);
        var values = new Dictionary<string, double>
        {
            ["games"] = _store.GameCount,
            ["steps"] = _network.Steps,
            ["windowPositions"] = _window.PositionCount,
            ["elo"] = elo,
            ["accepted"] = summary.Accepted ? 1 : 0,
            ["policyLoss"] = loss.Policy,
            ["valueLoss"] = loss.Value,
        };
        foreach (EvaluationResult r in results)
        {
            values["score " + r.Opponent] = r.Score;
        }
        _store.AddMetrics(generation, _metrics.Write("generation", generation, values));
        RunPlots.Write(_folder.Path, MetricsLog.ReadAll(_folder.Metrics), _store.Evaluations());
        _observer.GenerationFinished(summary);
    }

    private SelfPlayStats SelfPlay(int games, CancellationToken stop)
    {
        GenerationInfo info = GenerationRow(_selfPlayGeneration);
        _observer.SelfPlayStarted(_selfPlayGeneration, games);
        IBatchModel model = LoadVerified(info);
        int maxBatch = _config.SelfPlay.ParallelGames * _config.SelfPlay.SearchBatch;
        using var batching = new BatchingModel(model, maxBatch, TimeSpan.FromMilliseconds(2));
        var evaluator = new ModelEvaluator<TGame, TMove>(batching);
        var runner = new SelfPlayRunner<TGame, TMove>(evaluator, _config.SelfPlay);
        long first = _store.LastGameId;
        SelfPlayStats stats = runner.Run(games, _selfPlayGeneration, _config.Seed, first, record =>
        {
            _store.AddGame(record);
            _observer.GameFinished(record.Moves.Count);
        }, stop);
        var values = new Dictionary<string, double>
        {
            ["games"] = stats.Games,
            ["positions"] = stats.Positions,
            ["seconds"] = stats.Elapsed.TotalSeconds,
            ["positionsPerSecond"] = stats.PositionsPerSecond,
            ["meanLength"] = stats.MeanLength,
            ["firstPlayerWins"] = stats.FirstPlayerWins,
            ["draws"] = stats.Draws,
            ["firstPlayerLosses"] = stats.FirstPlayerLosses,
            ["resigned"] = stats.Resigned,
            ["resignChecks"] = stats.ResignChecks,
            ["resignFalsePositiveRate"] = stats.ResignFalsePositiveRate,
            ["meanBatch"] = batching.Batches == 0 ? 0 : (double)batching.Positions / batching.Batches,
        };
        _store.AddMetrics(_selfPlayGeneration, _metrics.Write("selfplay", _selfPlayGeneration, values));
        _observer.SelfPlayFinished(stats);
        return stats;
    }

    private LossParts Train(int steps, double learningRate, CancellationToken stop)
    {
        var random = new Random(SelfPlayRunner<TGame, TMove>.GameSeed(_config.Seed, 10_000_000L + _generation));
        var batch = TrainingBatch.For<TGame, TMove>(_config.Training.BatchSize);
        LossParts total = default, window = default;
        int inWindow = 0, report = Math.Max(1, steps / 10);
        for (int step = 1; step <= steps; step++)
        {
            stop.ThrowIfCancellationRequested();
            _window.Sample(random, batch.Capacity, batch);
            LossParts loss = _network.TrainStep(batch, learningRate);
            total += loss;
            window += loss;
            inWindow++;
            if (step % report == 0 || step == steps)
            {
                LossParts mean = window.Divide(inWindow);
                _observer.Training(step, steps, mean);
                _metrics.Write("train", _generation, new Dictionary<string, double>
                {
                    ["step"] = _network.Steps,
                    ["policyLoss"] = mean.Policy,
                    ["valueLoss"] = mean.Value,
                    ["l2"] = mean.L2,
                    ["totalLoss"] = mean.Total,
                    ["learningRate"] = learningRate,
                });
                window = default;
                inWindow = 0;
            }
        }
        return total.Divide(steps);
    }

    private IReadOnlyList<EvaluationResult> Evaluate(int generation, CancellationToken stop)
    {
        EvaluationConfig config = _config.Evaluation;
        int previousGeneration = config.Gating ? _selfPlayGeneration : generation - 1;
        int threads = Math.Min(_config.SelfPlay.ParallelGames, 16);
        int maxBatch = threads * _config.SelfPlay.SearchBatch;
        using var candidateModel = new BatchingModel(LoadVerified(GenerationRow(generation)), maxBatch, TimeSpan.FromMilliseconds(1));
        using BatchingModel? previousModel = previousGeneration >= 0 && previousGeneration != generation && config.GamesVsPrevious > 0
            ? new BatchingModel(LoadVerified(GenerationRow(previousGeneration)), maxBatch, TimeSpan.FromMilliseconds(1))
            : null;
        var candidate = new ModelEvaluator<TGame, TMove>(candidateModel);
        IEvaluator<TGame, TMove>? previous = previousModel is null ? null : new ModelEvaluator<TGame, TMove>(previousModel);
        long seed = SelfPlayRunner<TGame, TMove>.GameSeed(_config.Seed, 20_000_000L + generation);
        var opponents = GenerationEvaluator.Opponents(config, _config.SelfPlay.SearchBatch, seed, previousGeneration, previous);
        _observer.EvaluationStarted(generation, opponents.Sum(o => o.Games));
        IReadOnlyList<EvaluationResult> results = GenerationEvaluator.Run(generation, candidate, config, _config.SelfPlay.SearchBatch,
            seed, opponents, threads, _config.SelfPlay.MaxPlies, stop);
        foreach (EvaluationResult r in results)
        {
            _store.AddEvaluation(r);
        }

        // Gating: the candidate replaces the self-play network only when it scores enough against it.
        EvaluationResult? vsPrevious = results.FirstOrDefault(r => r.Opponent == $"gen {previousGeneration}");
        bool accepted = !config.Gating || vsPrevious is null || vsPrevious.Score >= config.GatingScore;
        if (accepted)
        {
            _selfPlayGeneration = generation;
        }
        _store.SetAccepted(generation, accepted);
        _evaluated = generation;
        _store.SetState(new Dictionary<string, string>
        {
            ["evaluated"] = generation.ToString(CultureInfo.InvariantCulture),
            ["selfPlayGeneration"] = _selfPlayGeneration.ToString(CultureInfo.InvariantCulture),
        });
        if (config.Gating && !accepted)
        {
            _observer.Message($"generation {generation} scored {vsPrevious!.Score * 100:0}% against gen {previousGeneration} "
                + $"(gate {config.GatingScore * 100:0}%): self-play keeps gen {_selfPlayGeneration}");
        }
        return results;
    }

    private void SaveGeneration(int generation, long replayCursor, bool accepted)
    {
        string relative = RunFolder.WeightsName(generation);
        string weights = _folder.Resolve(relative);
        FileHash.WriteAtomically(weights, _network.SaveWeights);
        string weightsSha = FileHash.Sha256(weights);
        FileHash.WriteAtomically(_folder.Checkpoint, _network.SaveCheckpoint);
        string checkpointSha = FileHash.Sha256(_folder.Checkpoint);
        _store.AddGeneration(new GenerationInfo(generation, relative, weightsSha, _network.Steps, _store.GameCount, accepted, _time.GetUtcNow()));
        _store.SetState(new Dictionary<string, string>
        {
            ["generation"] = generation.ToString(CultureInfo.InvariantCulture),
            ["checkpointSha256"] = checkpointSha,
            ["replayCursor"] = replayCursor.ToString(CultureInfo.InvariantCulture),
            ["steps"] = _network.Steps.ToString(CultureInfo.InvariantCulture),
        });
        _generation = generation;
        _replayCursor = replayCursor;
        _pendingPositions = 0;
    }

    /// <summary>Adds the games stored since the window's cursor; counts the positions not yet trained on.</summary>
    private void FillWindow()
    {
        while (true)
        {
            GameBatch batch = _windowCursor == 0
                ? _store.ReadLatestGames(_config.Training.ReplayWindowGames)
                : _store.ReadGames(_windowCursor, 1000);
            foreach (string problem in batch.Problems)
            {
                _observer.Message(problem);
            }
            long last = _store.LastGameId;
            foreach (StoredGame game in batch.Games)
            {
                if (_window.Add(game.Id, game.Record, out string? error))
                {
                    if (game.Id > _replayCursor)
                    {
                        _pendingPositions += game.Record.Moves.Count(m => m.IsSearched);
                    }
                }
                else
                {
                    _observer.Message($"{error}; skipped");
                }
            }
            _windowCursor = Math.Max(_windowCursor, batch.Games.Count > 0 ? batch.Games[^1].Id : last);
            if (batch.Games.Count == 0 || _windowCursor >= last)
            {
                _windowCursor = Math.Max(_windowCursor, last);
                return;
            }
        }
    }

    private double LearningRate(int generation)
    {
        TrainingConfig t = _config.Training;
        int drops = t.LearningRateDropGenerations.Count(g => generation >= g);
        return t.LearningRate * Math.Pow(t.LearningRateDrop, drops);
    }

    private GenerationInfo GenerationRow(int generation) =>
        _store.Generations().LastOrDefault(g => g.Number == generation)
        ?? throw new ZeroException($"generation {generation} is missing from {_folder.Store}: the store is damaged; start a new run folder");

    private IBatchModel LoadVerified(GenerationInfo info)
    {
        string path = _folder.Resolve(info.WeightsFile);
        FileHash.Verify(path, info.Sha256, $"weights file of generation {info.Number}");
        return _factory.LoadWeights(path);
    }

    public void Dispose()
    {
        _store.Dispose();
        _owner?.Dispose();
    }
}
