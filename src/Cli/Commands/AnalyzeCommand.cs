using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Zero.Engine.Kernels;
using Zero.Games;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.Network;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero analyze &lt;game&gt;`: the stable machine interface of the search (docs/protocols.md). Reads one position per
/// line in the game's own notation and writes one JSON object per line: best move, value, per-move visits, Q and
/// prior, PV, nodes and time. A bad line gets a JSON error object and the run goes on. Every search starts from a
/// fresh tree with a fixed seed, so with one thread a line always gives the same answer.
/// </summary>
internal static class AnalyzeCommand
{
    public static Command Create(CliContext context)
    {
        var game = new Argument<string>("game") { Description = $"The game: {string.Join(", ", GameCatalog.Names)}" };
        var playouts = new Option<int>("--playouts")
        {
            Description = "Playouts per position; 0 = no search, the evaluator's own choice (the network's policy)",
            DefaultValueFactory = _ => 800,
        };
        var threads = new Option<int>("--threads") { Description = "Search threads", DefaultValueFactory = _ => 1 };
        var batch = new Option<int>("--batch") { Description = "Leaves gathered per evaluator call and thread", DefaultValueFactory = _ => 8 };
        var evaluator = new Option<string?>("--evaluator")
        {
            Description = "uniform | rollout | net (default: net when the game has shipped weights or --weights is given, else rollout)",
        };
        var weights = new Option<string?>("--weights")
        {
            Description = "Network weights file (default: the game's shipped network weights/<game>.weights); 'random' = the reference net with random weights",
        };
        var seed = new Option<int>("--seed") { Description = "Seed of the rollouts", DefaultValueFactory = _ => 0 };
        var input = new Option<string>("--input") { Description = "Read positions from this file instead of standard input ('-')", DefaultValueFactory = _ => "-" };

        var command = new Command("analyze",
            "Analyse positions read one per line (tic-tac-toe '5127', Connect Four '4453', '-' or empty = start) and write one JSON object per line")
        {
            game, playouts, threads, batch, evaluator, weights, seed, input,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(game)!;
            if (!GameCatalog.IsKnown(name))
            {
                throw new UsageException($"unknown game '{name}': choose one of {string.Join(", ", GameCatalog.Names)}");
            }
            var settings = new Settings(
                Playouts: RequireAtLeast(parse.GetValue(playouts), 0, "--playouts"),
                Threads: RequireAtLeast(parse.GetValue(threads), 1, "--threads"),
                Batch: RequireAtLeast(parse.GetValue(batch), 1, "--batch"),
                Evaluator: ChooseEvaluator(parse.GetValue(evaluator), parse.GetValue(weights), GameCatalog.Normalize(name)),
                Weights: parse.GetValue(weights),
                Seed: parse.GetValue(seed));
            string path = parse.GetValue(input)!;
            TextWriter output = parse.InvocationConfiguration.Output;
            if (path == "-")
            {
                return GameCatalog.Dispatch(name, new Analyzer(settings, context.Input, output));
            }
            if (!File.Exists(path))
            {
                throw new ZeroException($"cannot read '{path}': no such file (give an existing file, or '-' for standard input)");
            }
            using var reader = new StreamReader(path);
            return GameCatalog.Dispatch(name, new Analyzer(settings, reader, output));
        });
        return command;
    }

    private static int RequireAtLeast(int value, int min, string option) =>
        value >= min ? value : throw new UsageException($"{option} must be at least {min} (got {value})");

    private static string ChooseEvaluator(string? requested, string? weights, string game)
    {
        string name = (requested ?? (weights is not null || ShippedNetworks.Find(game) is not null ? "net" : "rollout")).Trim().ToLowerInvariant();
        if (name is not ("uniform" or "rollout" or "net"))
        {
            throw new UsageException($"unknown evaluator '{requested}': choose uniform, rollout or net");
        }
        if (weights is not null && name != "net")
        {
            throw new UsageException($"--weights needs --evaluator net (got --evaluator {name})");
        }
        return name;
    }

    /// <summary>Plain UTF-8 output: quotes and non-ASCII notation stay readable (each object is one line of JSON either way).</summary>
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private sealed record Settings(int Playouts, int Threads, int Batch, string Evaluator, string? Weights, int Seed);

    /// <summary>The analysis loop for one game's types.</summary>
    private sealed class Analyzer(Settings settings, TextReader input, TextWriter output) : IGameVisitor<int>
    {
        public int Visit<TGame, TMove>()
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            using var pool = new ComputePool(Math.Max(1, Environment.ProcessorCount / settings.Threads));
            IEvaluator<TGame, TMove> evaluator = CreateEvaluator<TGame, TMove>(pool);
            var options = new MctsOptions { Threads = settings.Threads, BatchSize = settings.Batch, ReuseTree = false, Seed = settings.Seed };
            var search = new PuctSearch<TGame, TMove>(evaluator, options);
            using var batch = evaluator.CreateBatch(1);
            var buffer = new MemoryStream();
            var moves = new TMove[TGame.MaxMoves];
            string? line;
            while ((line = input.ReadLine()) is not null)
            {
                buffer.SetLength(0);
                using (var json = new Utf8JsonWriter(buffer, JsonOptions))
                {
                    json.WriteStartObject();
                    json.WriteString("position", line.Trim());
                    if (!TGame.TryParsePosition(line, out TGame position, out string? error))
                    {
                        json.WriteString("error", error);
                    }
                    else if (position.Outcome is { } result)
                    {
                        WriteGameOver(json, result);
                    }
                    else if (settings.Playouts == 0)
                    {
                        WriteRaw(json, position, batch, evaluator.HasPolicy, moves);
                    }
                    else
                    {
                        search.SetPosition(position);
                        WriteSearch(json, position, search.Search(SearchLimits.FromPlayouts(settings.Playouts)), evaluator.HasPolicy);
                    }
                    json.WriteEndObject();
                }
                output.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
                output.Flush();
            }
            return ZeroCli.Success;
        }

        private IEvaluator<TGame, TMove> CreateEvaluator<TGame, TMove>(ComputePool pool)
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            switch (settings.Evaluator)
            {
                case "uniform":
                    return new UniformEvaluator<TGame, TMove>();
                case "rollout":
                    return new RolloutEvaluator<TGame, TMove>(settings.Seed);
            }
            string? path = settings.Weights ?? ShippedNetworks.Find(TGame.Name);
            NetworkModel model = path switch
            {
                null => throw new ZeroException(
                    $"there is no shipped network for {TGame.Name} (weights/{TGame.Name}.weights): give --weights FILE " +
                    "(or --weights random for an untrained net), or use --evaluator rollout"),
                "random" => NetworkLoader.Random(NetworkLoader.ReferenceConfig<TGame, TMove>(), settings.Seed, pool),
                _ => NetworkLoader.Load<TGame, TMove>(path, pool),
            };
            return NetworkEvaluator.Create<TGame, TMove>(model);
        }

        private static void WriteGameOver(Utf8JsonWriter json, GameResult result)
        {
            json.WriteNull("bestmove");
            json.WriteNumber("value", result.ToValue());
            json.WriteString("result", result.ToString().ToLowerInvariant());
            json.WriteStartObject("visits");
            json.WriteEndObject();
            json.WriteStartObject("q");
            json.WriteEndObject();
            json.WriteStartArray("pv");
            json.WriteEndArray();
            json.WriteNumber("nodes", 0);
            json.WriteNumber("time_ms", 0);
        }

        /// <summary>--playouts 0: one evaluation, the move with the highest prior.</summary>
        private static void WriteRaw<TGame, TMove>(Utf8JsonWriter json, TGame position, IEvaluationBatch<TGame, TMove> batch, bool hasPolicy, TMove[] moves)
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            long start = Stopwatch.GetTimestamp();
            batch.Clear();
            batch.Add(position);
            batch.Run();
            int count = position.GenerateMoves(moves);
            ReadOnlySpan<float> logits = batch.PolicyLogits(0);
            float max = float.NegativeInfinity;
            int best = 0;
            for (int m = 0; m < count; m++)
            {
                float l = logits[position.ActionIndex(moves[m])];
                if (l > max)
                {
                    max = l;
                    best = m;
                }
            }
            double sum = 0;
            for (int m = 0; m < count; m++)
            {
                sum += Math.Exp(logits[position.ActionIndex(moves[m])] - max);
            }
            json.WriteString("bestmove", position.FormatMove(moves[best]));
            json.WriteNumber("value", Round(batch.Value(0)));
            if (hasPolicy)
            {
                json.WriteStartObject("policy");
                for (int m = 0; m < count; m++)
                {
                    json.WriteNumber(position.FormatMove(moves[m]), Round(Math.Exp(logits[position.ActionIndex(moves[m])] - max) / sum));
                }
                json.WriteEndObject();
            }
            json.WriteStartObject("visits");
            json.WriteEndObject();
            json.WriteStartObject("q");
            json.WriteEndObject();
            json.WriteStartArray("pv");
            json.WriteStringValue(position.FormatMove(moves[best]));
            json.WriteEndArray();
            json.WriteNumber("nodes", 1);
            json.WriteNumber("time_ms", Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds));
        }

        private static void WriteSearch<TGame, TMove>(Utf8JsonWriter json, TGame position, SearchResult<TMove> result, bool hasPolicy)
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            json.WriteString("bestmove", position.FormatMove(result.BestMove));
            json.WriteNumber("value", Round(result.Value));
            if (result.Proven is { } proven)
            {
                json.WriteString("proven", proven switch { GameResult.Win => "win", GameResult.Loss => "loss", _ => "draw" });
                json.WriteNumber("proven_plies", result.ProvenPlies);
            }
            if (hasPolicy)
            {
                json.WriteStartObject("policy");
                foreach (MoveStats<TMove> m in result.Moves)
                {
                    json.WriteNumber(position.FormatMove(m.Move), Round(m.Prior));
                }
                json.WriteEndObject();
            }
            json.WriteStartObject("visits");
            foreach (MoveStats<TMove> m in result.Moves)
            {
                json.WriteNumber(position.FormatMove(m.Move), m.Visits);
            }
            json.WriteEndObject();
            json.WriteStartObject("q");
            foreach (MoveStats<TMove> m in result.Moves)
            {
                if (float.IsNaN(m.Q))
                {
                    json.WriteNull(position.FormatMove(m.Move));
                }
                else
                {
                    json.WriteNumber(position.FormatMove(m.Move), Round(m.Q));
                }
            }
            json.WriteEndObject();
            json.WriteStartArray("pv");
            TGame p = position;
            foreach (TMove move in result.PrincipalVariation)
            {
                json.WriteStringValue(p.FormatMove(move));
                p = p.Play(move);
            }
            json.WriteEndArray();
            json.WriteNumber("nodes", result.Visits);
            json.WriteNumber("time_ms", Round(result.Elapsed.TotalMilliseconds));
        }

        private static double Round(double value) => Math.Round(value, 4);
    }
}
