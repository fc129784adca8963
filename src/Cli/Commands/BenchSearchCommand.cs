using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero bench search [--json]`: how fast the search is, and how much of the network's speed it keeps. On fixed
/// Connect Four positions it measures, in one run:
/// 1. the tree's ceiling: playouts/s with the uniform evaluator (no evaluation cost at all);
/// 2. the plumbing: playouts/s through ModelEvaluator and the BatchingModel decorator over a model that costs nothing;
/// 3. the ratio the issue asks for: search playouts/s with a network, over that network's raw batched-inference
///    positions/s at the same batch size. Until the engine's inference network lands on main the network is a
///    stand-in with the connect4 reference net's FLOPs per position (its 3×3 convolutions as im2col-shaped GEMMs
///    through Engine's Sgemm), so the ratio measures exactly what the tree and the plumbing cost around a model of
///    that price.
/// </summary>
internal static class BenchSearchCommand
{
    /// <summary>Opening, early middle game, crowded centre, near the end: different tree shapes.</summary>
    private static readonly string[] Positions = ["", "4453", "44444233", "4444433332255"];

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object instead of a table." };
        var batch = new Option<int>("--batch") { Description = "Leaves per evaluator call (the network's batch size)", DefaultValueFactory = _ => 32 };
        var threads = new Option<int>("--threads")
        {
            Description = "Search threads for the network measurement (one gathers while another's batch is evaluated)",
            DefaultValueFactory = _ => 2,
        };
        var playouts = new Option<int>("--playouts") { Description = "Playouts per position with the network", DefaultValueFactory = _ => 1000 };
        var command = new Command("search", "Search speed on fixed Connect Four positions: tree ceiling, batching plumbing, and search vs raw inference ratio.")
        {
            json, batch, threads, playouts,
        };
        command.SetAction(parse =>
        {
            int b = parse.GetValue(batch), t = parse.GetValue(threads), p = parse.GetValue(playouts);
            if (b < 1 || t < 1 || p < 1)
            {
                throw new UsageException("--batch, --threads and --playouts take 1 or more");
            }
            Report report = Measure(b, t, p);
            TextWriter output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["net"] = report.Net,
                    ["batch"] = b,
                    ["threads"] = t,
                    ["playouts_per_s"] = Math.Round(report.NetPlayoutsPerSecond, 1),
                    ["inference_positions_per_s"] = Math.Round(report.InferencePositionsPerSecond, 1),
                    ["ratio"] = Math.Round(report.Ratio, 4),
                    ["uniform_playouts_per_s"] = Math.Round(report.UniformPlayoutsPerSecond, 1),
                    ["batching_decorator_playouts_per_s"] = Math.Round(report.PlumbingPlayoutsPerSecond, 1),
                    ["mean_batch"] = Math.Round(report.MeanBatch, 2),
                }));
                return ZeroCli.Success;
            }
            var ci = CultureInfo.InvariantCulture;
            output.WriteLine($"search bench: connect4, {Positions.Length} positions, batch {b}");
            output.WriteLine(string.Format(ci, "  tree ceiling (uniform evaluator, 1 thread):              {0,12:N0} playouts/s", report.UniformPlayoutsPerSecond));
            output.WriteLine(string.Format(ci, "  batching decorator, zero-cost model ({0} threads):        {1,12:N0} playouts/s (mean batch {2:F1})", t, report.PlumbingPlayoutsPerSecond, report.MeanBatch));
            output.WriteLine($"  network: {report.Net}");
            output.WriteLine(string.Format(ci, "    raw batched inference at batch {0}:                      {1,12:N0} positions/s", b, report.InferencePositionsPerSecond));
            output.WriteLine(string.Format(ci, "    search with it ({0} threads, batch {1}):                  {2,12:N0} playouts/s", t, b, report.NetPlayoutsPerSecond));
            output.WriteLine(string.Format(ci, "    ratio search / inference:                              {0,12:F3}  (target >= 0.9)", report.Ratio));
            return ZeroCli.Success;
        });
        return command;
    }

    private sealed record Report(string Net, double UniformPlayoutsPerSecond, double PlumbingPlayoutsPerSecond, double MeanBatch,
        double InferencePositionsPerSecond, double NetPlayoutsPerSecond)
    {
        public double Ratio => NetPlayoutsPerSecond / InferencePositionsPerSecond;
    }

    private static Report Measure(int batch, int threads, int netPlayouts)
    {
        // 1. Tree ceiling. A short warm-up first so that the timed runs see optimised code.
        var uniform = new UniformEvaluator<ConnectFourPosition, ConnectFourMove>();
        var uniformOptions = new MctsOptions { BatchSize = batch, ReuseTree = false };
        PlayoutsPerSecond(uniform, uniformOptions, 20_000);
        double uniformRate = PlayoutsPerSecond(uniform, uniformOptions, 200_000);

        // 2. Plumbing: features, the channel, the worker and the copies, around a model that does nothing.
        var zero = new ZeroCostModel(ConnectFourPosition.InputShape.Size, ConnectFourPosition.ActionCount);
        double plumbingRate, meanBatch;
        using (var batching = new BatchingModel(zero, maxBatch: batch * threads, maxWait: TimeSpan.FromMilliseconds(0.2)))
        {
            var evaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(batching);
            var options = new MctsOptions { BatchSize = batch, Threads = threads, ReuseTree = false };
            PlayoutsPerSecond(evaluator, options, 20_000);
            long positions0 = batching.Positions, batches0 = batching.Batches;
            plumbingRate = PlayoutsPerSecond(evaluator, options, 100_000);
            meanBatch = (double)(batching.Positions - positions0) / Math.Max(1, batching.Batches - batches0);
        }

        // 3. Network (stand-in) raw inference vs search at the same batch size, same run.
        //    Inference is timed just before and just after the search and averaged, so that a machine whose load
        //    drifts during the run skews both figures alike.
        var net = new GemmStandInModel(PolicyValueNetConfig.Connect4, seed: 1);
        var netEvaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(net);
        var netOptions = new MctsOptions { BatchSize = batch, Threads = threads, ReuseTree = false };
        PlayoutsPerSecond(netEvaluator, netOptions, batch * 4);
        double before = InferencePositionsPerSecond(net, batch);
        double search = PlayoutsPerSecond(netEvaluator, netOptions, netPlayouts);
        double after = InferencePositionsPerSecond(net, batch);
        return new Report(net.Name, uniformRate, plumbingRate, meanBatch, (before + after) / 2, search);
    }

    /// <summary>Total playouts over total time, searching each fixed position from a fresh tree.</summary>
    private static double PlayoutsPerSecond(IEvaluator<ConnectFourPosition, ConnectFourMove> evaluator, MctsOptions options, int playoutsPerPosition)
    {
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(evaluator, options);
        long playouts = 0;
        var clock = Stopwatch.StartNew();
        foreach (string text in Positions)
        {
            ConnectFourPosition.TryParsePosition(text, out ConnectFourPosition position, out _);
            search.SetPosition(position);
            playouts += search.Search(SearchLimits.FromPlayouts(playoutsPerPosition)).Playouts;
        }
        return playouts / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Positions/s of back-to-back model calls of <paramref name="batch"/> real positions (features of the bench positions).</summary>
    private static double InferencePositionsPerSecond(IBatchModel model, int batch)
    {
        int size = ConnectFourPosition.InputShape.Size;
        var inputs = new float[batch * size];
        for (int i = 0; i < batch; i++)
        {
            ConnectFourPosition.TryParsePosition(Positions[i % Positions.Length], out ConnectFourPosition p, out _);
            p.WriteFeatures(inputs.AsSpan(i * size, size));
        }
        var logits = new float[batch * model.PolicySize];
        var values = new float[batch];
        model.Evaluate(inputs, batch, logits, values, []);
        long positions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1.5))
        {
            model.Evaluate(inputs, batch, logits, values, []);
            positions += batch;
        }
        return positions / clock.Elapsed.TotalSeconds;
    }

    /// <summary>A model that returns zeros at once: what remains of the cost is the search and the batching plumbing.</summary>
    private sealed class ZeroCostModel(int inputSize, int policySize) : IBatchModel
    {
        public string Name => "zero-cost";
        public int InputSize => inputSize;
        public int PolicySize => policySize;
        public bool HasWdl => false;

        public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
        {
            policyLogits[..(count * policySize)].Clear();
            values[..count].Clear();
        }
    }

    /// <summary>
    /// Costs what a policy-value net of <see cref="PolicyValueNetConfig"/> costs, without being one: per call it runs the
    /// stem and every residual-block 3×3 convolution as the GEMM an im2col convolution does ([batch·H·W × in·9] ·
    /// [in·9 × out]) on random weights, then reads logits and a value off the last activations. Same FLOPs and memory
    /// shapes as the real trunk; the heads are negligible. Stands in until Engine's inference network lands.
    /// </summary>
    private sealed class GemmStandInModel : IBatchModel
    {
        private readonly PolicyValueNetConfig _config;
        private readonly float[] _stemWeights;
        private readonly float[] _blockWeights;
        private float[] _columns = [];
        private float[] _activations = [];

        public GemmStandInModel(PolicyValueNetConfig config, int seed)
        {
            _config = config;
            var rng = new Random(seed);
            _stemWeights = RandomWeights(rng, config.InputPlanes * 9 * config.Channels);
            _blockWeights = RandomWeights(rng, config.Channels * 9 * config.Channels);
        }

        private static float[] RandomWeights(Random rng, int n)
        {
            var w = new float[n];
            for (int i = 0; i < n; i++)
            {
                w[i] = (float)(rng.NextDouble() - 0.5) * 0.1f;
            }
            return w;
        }

        public string Name => string.Create(CultureInfo.InvariantCulture,
            $"gemm-stand-in-connect4-{_config.Blocks}x{_config.Channels} ({_config.FlopsPerPosition / 1e6:F1} MFLOP/position, the reference net's trunk as Engine Sgemm calls, 1 thread)");
        public int InputSize => _config.InputPlanes * _config.Height * _config.Width;
        public int PolicySize => _config.PolicySize;
        public bool HasWdl => false;

        public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
        {
            int cells = count * _config.Height * _config.Width;
            int c = _config.Channels;
            int maxK = Math.Max(_config.InputPlanes, c) * 9;
            if (_columns.Length < cells * maxK)
            {
                _columns = new float[cells * maxK];
                _activations = new float[cells * c];
            }
            // Stem: the columns start as the inputs repeated (the im2col gather itself is not the point here).
            int kStem = _config.InputPlanes * 9;
            for (int i = 0; i < cells * kStem; i++)
            {
                _columns[i] = inputs[i % inputs.Length];
            }
            Gemm.Sgemm(false, false, cells, c, kStem, _columns, kStem, _stemWeights, c, _activations, c, accumulate: false);
            int kBlock = c * 9;
            for (int conv = 0; conv < 2 * _config.Blocks; conv++)
            {
                Gemm.Sgemm(false, false, cells, c, kBlock, _columns, kBlock, _blockWeights, c, _activations, c, accumulate: false);
            }
            int perPosition = _config.Height * _config.Width * c;
            for (int p = 0; p < count; p++)
            {
                for (int a = 0; a < _config.PolicySize; a++)
                {
                    policyLogits[p * _config.PolicySize + a] = _activations[p * perPosition + a] * 0.01f;
                }
                values[p] = MathF.Tanh(_activations[p * perPosition + _config.PolicySize]);
            }
        }
    }
}
