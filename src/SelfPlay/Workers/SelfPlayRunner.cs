using System.Diagnostics;
using Zero.Games;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Workers;

/// <summary>
/// Plays self-play games: many at once, each on its own thread with its own PUCT search (root Dirichlet noise,
/// visit-proportional move sampling for the first plies, then the most visited move), all sharing one evaluator.
/// Given an evaluator over a <see cref="BatchingModel"/>, the searches' leaf requests merge into large network
/// batches, which is what keeps a CPU busy. Produces one <see cref="GameRecord"/> per game (the visit counts of
/// every move, the root value, the outcome). Resignation: when the root value and the best move's Q are both
/// below the threshold the side to move resigns, except in a random share of games that are played out to
/// measure how often that would have been wrong. Called by the training loop once per generation.
/// </summary>
public sealed class SelfPlayRunner<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly IEvaluator<TGame, TMove> _evaluator;
    private readonly SelfPlayConfig _config;

    public SelfPlayRunner(IEvaluator<TGame, TMove> evaluator, SelfPlayConfig config)
    {
        _evaluator = evaluator;
        _config = config;
    }

    /// <summary>
    /// Plays <paramref name="games"/> games with <see cref="SelfPlayConfig.ParallelGames"/> in flight and hands each
    /// finished game to <paramref name="onGame"/> (called from worker threads, one game at a time per thread).
    /// Game i is seeded from (<paramref name="seed"/>, <paramref name="firstGameIndex"/> + i), so a run's games do not
    /// depend on thread timing beyond the network's batch composition. When <paramref name="cancellation"/> fires,
    /// games in flight are dropped and the games finished so far are counted.
    /// </summary>
    public SelfPlayStats Run(int games, int generation, long seed, long firstGameIndex, Action<GameRecord> onGame,
        CancellationToken cancellation = default)
    {
        var clock = Stopwatch.StartNew();
        int next = -1;
        var results = new List<GameRecord>();
        var gate = new Lock();
        int threads = Math.Min(_config.ParallelGames, games);
        Exception? failure = null;
        var workers = new Thread[threads];
        for (int t = 0; t < threads; t++)
        {
            workers[t] = new Thread(() =>
            {
                try
                {
                    while (!cancellation.IsCancellationRequested)
                    {
                        int i = Interlocked.Increment(ref next);
                        if (i >= games)
                        {
                            return;
                        }
                        GameRecord record = PlayGame(generation, GameSeed(seed, firstGameIndex + i), cancellation);
                        onGame(record);
                        lock (gate)
                        {
                            results.Add(record);
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    lock (gate)
                    {
                        failure ??= e;
                    }
                }
            })
            { IsBackground = true, Name = $"zero-selfplay-{t}" };
            workers[t].Start();
        }
        foreach (Thread worker in workers)
        {
            worker.Join();
        }
        if (failure is not null)
        {
            throw new InvalidOperationException($"a self-play game failed: {failure.Message}", failure);
        }
        return Summarise(results, clock.Elapsed);
    }

    /// <summary>The seed of game <paramref name="index"/> of a run seeded <paramref name="seed"/> (SplitMix64 mix).</summary>
    public static int GameSeed(long seed, long index)
    {
        // SplitMix64.Mix adds the increment once more; subtracting it keeps every seed of existing runs unchanged.
        ulong z = unchecked(((ulong)seed * SplitMix64.Increment) + (ulong)index + 1 - SplitMix64.Increment);
        return (int)(SplitMix64.Mix(z) & 0x7FFFFFFF);
    }

    /// <summary>Plays one game on the calling thread.</summary>
    public GameRecord PlayGame(int generation, int seed, CancellationToken cancellation = default)
    {
        // 1. A fresh search per game (tree reuse between its moves), noise on, its own random source.
        var random = new Random(seed);
        var options = new MctsOptions
        {
            CInit = _config.CInit,
            CBase = _config.CBase,
            Solver = _config.Solver,
            Noise = true,
            DirichletAlpha = _config.DirichletAlpha,
            NoiseFraction = (float)_config.NoiseFraction,
            BatchSize = _config.SearchBatch,
            Threads = 1,
            Seed = seed,
        };
        var search = new PuctSearch<TGame, TMove>(_evaluator, options);
        SearchLimits limits = SearchLimits.FromPlayouts(_config.Playouts);
        bool resignAllowed = _config.ResignThreshold > -1 && random.NextDouble() >= _config.ResignCheckShare;
        bool resignChecked = _config.ResignThreshold > -1 && !resignAllowed;
        int resignPly = -1;
        var moves = new List<RecordedMove>();
        TGame position = TGame.Initial;
        GameRecordFlags flags = resignChecked ? GameRecordFlags.ResignDisabled : GameRecordFlags.None;
        int? outcome = null;

        // 2. A share of the games opens with random plies, recorded unsearched (replayed, never trained on).
        if (_config.RandomOpeningShare > 0 && random.NextDouble() < _config.RandomOpeningShare)
        {
            int plies = 1 + random.Next(_config.RandomOpeningMaxPlies);
            Span<TMove> legal = new TMove[TGame.MaxMoves];
            Span<TMove> safe = new TMove[TGame.MaxMoves];
            for (int i = 0; i < plies && moves.Count < _config.MaxPlies; i++)
            {
                int count = position.GenerateMoves(legal);
                int safeCount = SafeMoves(position, legal[..count], safe);
                if (safeCount == 0)
                {
                    break;
                }
                TMove move = safe[random.Next(safeCount)];
                moves.Add(RecordedMove.Unsearched(position.ActionIndex(move)));
                position = position.Play(move);
            }
        }

        // 3. Search, record, choose, play until the game ends, a side resigns or the ply limit is reached.
        while (position.Outcome is null)
        {
            if (moves.Count >= _config.MaxPlies)
            {
                flags |= GameRecordFlags.Truncated;
                outcome = 0;
                break;
            }
            search.SetPosition(position);
            SearchResult<TMove> result = search.Search(limits, cancellation);
            cancellation.ThrowIfCancellationRequested();
            int ply = moves.Count;
            if (WouldResign(result, ply))
            {
                if (resignAllowed)
                {
                    flags |= GameRecordFlags.Resigned;
                    outcome = (ply & 1) == 0 ? -1 : 1;
                    resignPly = ply;
                    break;
                }
                if (resignPly < 0)
                {
                    resignPly = ply;
                }
            }
            TMove move = MoveSelection.Choose(result, ply, 1.0, _config.TemperatureMoves, random);
            moves.Add(Record(position.ActionIndex(move), result));
            position = position.Play(move);
        }

        // 4. The outcome for the first player.
        if (outcome is null)
        {
            int forMover = (sbyte)position.Outcome!.Value;
            outcome = position.SideToMove == 0 ? forMover : -forMover;
        }
        return new GameRecord
        {
            Game = TGame.Name,
            Generation = generation,
            Outcome = outcome.Value,
            Flags = flags,
            ResignPly = resignPly,
            Moves = moves,
        };
    }

    /// <summary>
    /// Writes into <paramref name="safe"/> the moves of <paramref name="legal"/> that neither end the game nor let the
    /// opponent win with its next move, and returns how many there are.
    /// </summary>
    private static int SafeMoves(TGame position, ReadOnlySpan<TMove> legal, Span<TMove> safe)
    {
        Span<TMove> replies = new TMove[TGame.MaxMoves];
        int count = 0;
        foreach (TMove move in legal)
        {
            TGame next = position.Play(move);
            if (next.Outcome is not null)
            {
                continue;
            }
            bool handsAWin = false;
            int n = next.GenerateMoves(replies);
            for (int r = 0; r < n && !handsAWin; r++)
            {
                // After the reply the side to move is ours again: a loss for it is a win for the opponent.
                handsAWin = next.Play(replies[r]).Outcome == GameResult.Loss;
            }
            if (!handsAWin)
            {
                safe[count++] = move;
            }
        }
        return count;
    }

    private bool WouldResign(SearchResult<TMove> result, int ply)
    {
        if (_config.ResignThreshold <= -1 || ply < _config.ResignMinPly)
        {
            return false;
        }
        float bestQ = float.NegativeInfinity;
        foreach (MoveStats<TMove> m in result.Moves)
        {
            if (m.Visits > 0 && m.Q > bestQ)
            {
                bestQ = m.Q;
            }
        }
        return result.Value < _config.ResignThreshold && bestQ < _config.ResignThreshold;
    }

    private static RecordedMove Record(int action, SearchResult<TMove> result)
    {
        int visited = 0;
        foreach (MoveStats<TMove> m in result.Moves)
        {
            visited += m.Visits > 0 ? 1 : 0;
        }
        var visits = new VisitCount[visited];
        int k = 0;
        foreach (MoveStats<TMove> m in result.Moves)
        {
            if (m.Visits > 0)
            {
                visits[k++] = new VisitCount(m.Action, m.Visits);
            }
        }
        return new RecordedMove(action, result.Value, visits);
    }

    private static SelfPlayStats Summarise(List<GameRecord> games, TimeSpan elapsed)
    {
        int wins = games.Count(g => g.Outcome > 0), losses = games.Count(g => g.Outcome < 0);
        int checks = games.Count(g => g.ResignPly >= 0 && (g.Flags & GameRecordFlags.ResignDisabled) != 0);
        return new SelfPlayStats(
            games.Count,
            games.Sum(g => (long)g.Moves.Count),
            elapsed,
            wins,
            games.Count - wins - losses,
            losses,
            games.Count(g => (g.Flags & GameRecordFlags.Resigned) != 0),
            checks,
            games.Count(g => g.IsResignFalsePositive));
    }
}
