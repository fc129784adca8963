using Zero.Arena.Play;
using Zero.Arena.Statistics;
using Zero.Games;
using Zero.Search.Evaluation;
using Zero.Search.Players;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Storage;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Matches;

/// <summary>
/// The evaluation stage of the training loop: the new generation plays a match against the previous generation
/// (the gating match) and one against each fixed baseline, colours alternating. The games of all matches run on
/// several threads at once and the networks' evaluators are expected to batch across them (a
/// <see cref="BatchingModel"/> underneath). Returns one <see cref="EvaluationResult"/> per opponent, counted from
/// the new generation's side, with its Elo estimate. The games are played by the arena's <see cref="GameRunner"/>
/// (its <see cref="Referee"/>) and counted with the arena's statistics: game 2i and 2i+1 swap colours and form a
/// pentanomial pair, as in `zero arena`.
/// </summary>
public static class GenerationEvaluator
{
    /// <summary>One opponent of the stage: its name and a factory that makes a fresh player for game i.</summary>
    public sealed record Opponent<TGame, TMove>(string Name, int Games, Func<int, IPlayer<TGame, TMove>> Create)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>;

    /// <summary>
    /// The opponents for <paramref name="config"/>: the previous generation (when <paramref name="previous"/> is given
    /// and GamesVsPrevious &gt; 0) and the baselines.
    /// </summary>
    public static IReadOnlyList<Opponent<TGame, TMove>> Opponents<TGame, TMove>(
        EvaluationConfig config, int searchBatch, long seed, int previousGeneration, IEvaluator<TGame, TMove>? previous)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        var list = new List<Opponent<TGame, TMove>>();
        if (previous is not null && config.GamesVsPrevious > 0)
        {
            list.Add(new Opponent<TGame, TMove>($"gen {previousGeneration}", config.GamesVsPrevious, i =>
                NetworkPlayers.Create(previous, config.Playouts, config.TemperatureMoves, searchBatch,
                    SelfPlayRunner<TGame, TMove>.GameSeed(seed, 1_000_000 + i), $"gen {previousGeneration}")));
        }
        foreach (string baseline in config.Baselines)
        {
            string name = baseline;
            list.Add(new Opponent<TGame, TMove>(name, config.GamesPerBaseline, i =>
                Baselines.Create<TGame, TMove>(name, SelfPlayRunner<TGame, TMove>.GameSeed(seed, 2_000_000 + i))));
        }
        return list;
    }

    /// <summary>
    /// Plays every opponent's games against the candidate on <paramref name="threads"/> threads and returns the
    /// results in the order of <paramref name="opponents"/>.
    /// </summary>
    public static IReadOnlyList<EvaluationResult> Run<TGame, TMove>(
        int generation,
        IEvaluator<TGame, TMove> candidate,
        EvaluationConfig config,
        int searchBatch,
        long seed,
        IReadOnlyList<Opponent<TGame, TMove>> opponents,
        int threads,
        int maxPlies,
        CancellationToken cancellation = default)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        // 1. One work item per game; results[opponent, game] = +1 / 0 / -1 for the candidate.
        var items = opponents.SelectMany((o, k) => Enumerable.Range(0, o.Games).Select(i => (Opponent: k, Game: i))).ToArray();
        var outcomes = opponents.Select(o => new int[o.Games]).ToArray();
        int next = -1;
        Exception? failure = null;
        var workers = new Thread[Math.Max(1, Math.Min(threads, items.Length))];
        for (int t = 0; t < workers.Length; t++)
        {
            workers[t] = new Thread(() =>
            {
                try
                {
                    int w;
                    while ((w = Interlocked.Increment(ref next)) < items.Length && failure is null)
                    {
                        cancellation.ThrowIfCancellationRequested();
                        (int k, int i) = items[w];
                        IPlayer<TGame, TMove> me = NetworkPlayers.Create(candidate, config.Playouts, config.TemperatureMoves,
                            searchBatch, SelfPlayRunner<TGame, TMove>.GameSeed(seed, 3_000_000 + w), $"gen {generation}");
                        IPlayer<TGame, TMove> them = opponents[k].Create(i);
                        bool meFirst = (i & 1) == 0;
                        PlayedGame<TGame, TMove> game = meFirst
                            ? GameRunner.Play(me, them, TGame.Initial, maxPlies, cancellation)
                            : GameRunner.Play(them, me, TGame.Initial, maxPlies, cancellation);
                        outcomes[k][i] = meFirst ? game.FirstPlayerResult : -game.FirstPlayerResult;
                    }
                }
                catch (OperationCanceledException)
                {
                }
                catch (Exception e)
                {
                    Interlocked.CompareExchange(ref failure, e, null);
                }
            })
            { IsBackground = true, Name = $"zero-eval-{t}" };
            workers[t].Start();
        }
        foreach (Thread worker in workers)
        {
            worker.Join();
        }
        if (failure is not null)
        {
            throw new InvalidOperationException($"an evaluation game failed: {failure.Message}", failure);
        }
        cancellation.ThrowIfCancellationRequested();

        // 2. Count each match with the arena's statistics: games 2i and 2i+1 (colours swapped) form a pentanomial pair,
        // and the Elo is the pair-based estimate (the trinomial one when a match has an odd game or no finite Elo).
        var results = new List<EvaluationResult>();
        for (int k = 0; k < opponents.Count; k++)
        {
            int wins = outcomes[k].Count(r => r > 0), losses = outcomes[k].Count(r => r < 0);
            int draws = outcomes[k].Length - wins - losses;
            Pentanomial pairs = default;
            for (int i = 0; i + 1 < outcomes[k].Length; i += 2)
            {
                pairs = pairs.AddPair(outcomes[k][i], outcomes[k][i + 1]);
            }
            double elo = EloStatistics.From(pairs).Elo;
            if (!double.IsFinite(elo) || outcomes[k].Length % 2 != 0)
            {
                elo = EloEstimate.FromResults(wins, draws, losses).Difference;
            }
            results.Add(new EvaluationResult(generation, opponents[k].Name, wins, draws, losses,
                Math.Clamp(elo, -EloEstimate.MaxDifference, EloEstimate.MaxDifference)));
        }
        return results;
    }
}
