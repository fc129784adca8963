using System.CommandLine;
using Zero.Games;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Console;
using Zero.SelfPlay.Training;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero train &lt;game&gt; [--run DIR] [--config FILE] [--time 10m] [--generations N] [section.field=value ...]`: the
/// AlphaZero loop from random weights (or from the run folder's last checkpoint), with a live view on a terminal
/// and plain progress lines when the output is redirected. Ctrl+C stops after storing the finished games; running
/// the same command again resumes.
/// </summary>
internal static class TrainCommand
{
    public static Command Create()
    {
        var game = new Argument<string>("game") { Description = $"The game to learn: {string.Join(", ", GameCatalog.Names)}" };
        var overrides = new Argument<string[]>("overrides")
        {
            Description = "Config overrides section.field=value, e.g. selfPlay.playouts=100 training.learningRate=0.01 (see configs/)",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var run = new Option<string?>("--run") { Description = "Run folder (created if missing, resumed if it exists); default runs/<game>" };
        var config = new Option<string?>("--config") { Description = "Config file (JSON with comments, see configs/<game>.jsonc); default: the run folder's run.json, else built-in defaults" };
        var time = new Option<string?>("--time") { Description = "Wall-time budget of this session: 90s, 10m, 2h, 1h30m (overrides limits.time)" };
        var generations = new Option<int?>("--generations") { Description = "Stop at this generation in total (overrides limits.generations)" };
        var size = new Option<int?>("--size") { Description = "Go only: the board size, 9, 13, 19 or 25 (picks the game go9, go13, go or go25)" };
        var command = new Command("train", "Learn a game by self-play from random weights; resumes a run folder where it stopped.")
        {
            game, overrides, run, config, time, generations, size,
        };
        command.SetAction(parse =>
        {
            string name = GameCatalog.Normalize(parse.GetValue(game)!);
            if (!GameCatalog.IsKnown(name))
            {
                throw new UsageException($"unknown game '{parse.GetValue(game)}': choose one of {string.Join(", ", GameCatalog.Names)}");
            }
            if (parse.GetValue(size) is int boardSize)
            {
                name = GoGameForSize(name, boardSize);
            }
            string folder = parse.GetValue(run) ?? Path.Combine("runs", name);
            string? configFile = parse.GetValue(config);
            string saved = Path.Combine(folder, "run.json");
            if (configFile is null && File.Exists(saved))
            {
                configFile = saved;
            }
            var extra = new List<string>(parse.GetValue(overrides) ?? []);
            if (parse.GetValue(time) is string t)
            {
                if (!DurationText.TryParse(t, out _))
                {
                    throw new UsageException($"--time '{t}' is not a duration: write 90s, 10m, 2h or 1h30m");
                }
                extra.Add($"limits.time={t}");
            }
            if (parse.GetValue(generations) is int g)
            {
                extra.Add($"limits.generations={g}");
            }
            RunConfig runConfig = RunConfig.Load(name, configFile, extra);
            TextWriter output = parse.InvocationConfiguration.Output;
            bool live = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
            using var stop = new CancellationTokenSource();
            ConsoleCancelEventHandler onCancel = (_, e) =>
            {
                e.Cancel = true;
                stop.Cancel();
            };
            System.Console.CancelKeyPress += onCancel;

            // `kill` (SIGTERM) stops as politely as Ctrl+C: the generation in progress is cut short, nothing stored is lost.
            using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
                System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
                {
                    signal.Cancel = true;
                    stop.Cancel();
                });
            try
            {
                TrainingOutcome outcome = GameCatalog.Dispatch(name, new Trainer(folder, runConfig, output, live, stop.Token));
                output.WriteLine($"Run folder: {folder} (plots: losses.svg, winrate.svg, elo.svg; metrics: metrics.jsonl).");
                output.WriteLine($"Continue with: ./zero train {name} --run {folder}");
            }
            finally
            {
                System.Console.CancelKeyPress -= onCancel;
            }
            return ZeroCli.Success;
        });
        return command;
    }

    private sealed class Trainer(string folder, RunConfig config, TextWriter output, bool live, CancellationToken stop)
        : IGameVisitor<TrainingOutcome>
    {
        public TrainingOutcome Visit<TGame, TMove>()
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            foreach (string baseline in config.Evaluation.Baselines)
            {
                if (Zero.SelfPlay.Matches.Baselines.Check<TGame, TMove>(baseline) is string problem)
                {
                    throw new UsageException($"evaluation.baselines: {problem}");
                }
            }
            var networks = new EngineNetworkFactory(TGame.InputShape, TGame.ActionCount);
            if (live)
            {
                var view = new LiveTrainingView(folder, TGame.Name);
                using TrainingRun<TGame, TMove> run = TrainingRun<TGame, TMove>.Open(folder, config, networks, view, TimeProvider.System);
                return view.Show(() => run.Run(cancellation: stop));
            }
            var plain = new PlainTrainingView(output);
            using TrainingRun<TGame, TMove> plainRun = TrainingRun<TGame, TMove>.Open(folder, config, networks, plain, TimeProvider.System);
            return plainRun.Run(cancellation: stop);
        }
    }

    /// <summary>The Go game type that trains on a <paramref name="size"/> board ("go" --size 9 is "go9").</summary>
    private static string GoGameForSize(string game, int size)
    {
        if (game is not ("go" or "go9" or "go13" or "go25"))
        {
            throw new UsageException($"--size is for Go only (the game '{game}' has one board)");
        }
        string sized = size switch
        {
            9 => "go9",
            13 => "go13",
            19 => "go",
            25 => "go25",
            _ => throw new UsageException($"--size {size}: training runs on 9, 13, 19 or 25 (one network frame each)"),
        };
        if (game != "go" && game != sized)
        {
            throw new UsageException($"--size {size} does not match the game {game}: write 'zero train go --size {size}'");
        }
        return sized;
    }
}
