using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Models;
using Zero.Network;
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
/// 3. the ratio the issue asks for: search playouts/s with the connect4 reference network (Engine's fused
///    InferenceNet, random weights, through NetworkModel and ModelEvaluator, no cache) over the same network's raw
///    batched-inference positions/s at the same batch size, in the same run. With two search threads one gathers
///    and backs up while the other's batch is in the network, so the tree's cost hides behind inference.
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
        var playouts = new Option<int>("--playouts") { Description = "Playouts per search with the network (5 rounds, one position each)", DefaultValueFactory = _ => 1000 };
        var netThreads = new Option<int>("--net-threads")
        {
            Description = "Threads of the network's compute pool (default 1: the other core runs the tree)",
            DefaultValueFactory = _ => 1,
        };
        var device = InferenceDevices.CreateOption();
        var command = new Command("search", "Search speed on fixed Connect Four positions: tree ceiling, batching plumbing, and search vs raw inference ratio.")
        {
            json, batch, threads, playouts, netThreads, device,
        };
        command.SetAction(parse =>
        {
            int b = parse.GetValue(batch), t = parse.GetValue(threads), p = parse.GetValue(playouts), nt = parse.GetValue(netThreads);
            if (b < 1 || t < 1 || p < 1 || nt < 1)
            {
                throw new UsageException("--batch, --threads, --playouts and --net-threads take 1 or more");
            }
            string d = InferenceDevices.Validate(parse.GetValue(device)!);
            Report report = Measure(b, t, p, nt, d, parse.InvocationConfiguration.Error);
            TextWriter output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
                {
                    ["net"] = report.Net,
                    ["device"] = report.Device,
                    ["batch_fill"] = Math.Round(report.BatchFill, 3),
                    ["batch"] = b,
                    ["threads"] = t,
                    ["playouts_per_s"] = Math.Round(report.NetPlayoutsPerSecond, 1),
                    ["inference_positions_per_s"] = Math.Round(report.InferencePositionsPerSecond, 1),
                    ["ratio"] = Math.Round(report.Ratio, 4),
                    ["playouts_per_cpu_s"] = Math.Round(report.NetPlayoutsPerCpuSecond, 1),
                    ["inference_positions_per_cpu_s"] = Math.Round(report.InferencePositionsPerCpuSecond, 1),
                    ["ratio_cpu"] = Math.Round(report.CpuRatio, 4),
                    ["search_evaluations_per_s"] = Math.Round(report.Evaluations.PerSecond, 1),
                    ["evaluation_ratio_cpu"] = Math.Round(report.EvaluationCpuRatio, 4),
                    ["search_mean_batch"] = Math.Round(report.SearchMeanBatch, 2),
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
            output.WriteLine(string.Format(ci, "    search with it ({0} threads, batch {1}):                  {2,12:N0} playouts/s (mean batch sent {3:F1})", t, b, report.NetPlayoutsPerSecond, report.SearchMeanBatch));
            if (report.Device != "cpu")
            {
                output.WriteLine(string.Format(ci, "    batch fill on {0}: {1:P0} of the {2} positions the {3} threads can gather per call", report.Device, report.BatchFill, b * t, t));
            }
            output.WriteLine(string.Format(ci, "    ratio search / inference (median of 5 rounds):         {0,12:F3}  (target >= 0.9)", report.Ratio));
            output.WriteLine(string.Format(ci, "    the same per CPU-second (process CPU time, robust to a busy machine): {0:N0} / {1:N0} = {2:F3}",
                report.NetPlayoutsPerCpuSecond, report.InferencePositionsPerCpuSecond, report.CpuRatio));
            output.WriteLine(string.Format(ci, "    counting only positions sent to the network (terminal playouts cost no inference): {0:N0} / {1:N0} = {2:F3} per CPU-second",
                report.Evaluations.PerCpuSecond, report.InferencePositionsPerCpuSecond, report.EvaluationCpuRatio));
            return ZeroCli.Success;
        });
        return command;
    }

    private sealed record Report(string Net, double UniformPlayoutsPerSecond, double PlumbingPlayoutsPerSecond, double MeanBatch,
        Rate Inference, Rate Search, Rate Evaluations, double SearchMeanBatch, (double Wall, double Cpu, double EvaluationCpu) Medians,
        string Device, double BatchFill)
    {
        /// <summary>Positions the search sent to the network per CPU-second over the raw figure: the tree's cost alone (terminal playouts excluded).</summary>
        public double EvaluationCpuRatio => Medians.EvaluationCpu;
        public double InferencePositionsPerSecond => Inference.PerSecond;
        public double NetPlayoutsPerSecond => Search.PerSecond;
        public double InferencePositionsPerCpuSecond => Inference.PerCpuSecond;
        public double NetPlayoutsPerCpuSecond => Search.PerCpuSecond;
        public double Ratio => Medians.Wall;
        public double CpuRatio => Medians.Cpu;
    }

    /// <summary>Work done, wall time and process CPU time of one measurement.</summary>
    private readonly record struct Rate(double Work, TimeSpan Wall, TimeSpan Cpu)
    {
        public double PerSecond => Work / Wall.TotalSeconds;
        public double PerCpuSecond => Work / Cpu.TotalSeconds;

        public static Rate operator +(Rate a, Rate b) => new(a.Work + b.Work, a.Wall + b.Wall, a.Cpu + b.Cpu);

        /// <summary>Times <paramref name="work"/>, which returns how much it did.</summary>
        public static Rate Measure(Func<double> work)
        {
            using var process = Process.GetCurrentProcess();
            TimeSpan cpu0 = process.TotalProcessorTime;
            var clock = Stopwatch.StartNew();
            double done = work();
            TimeSpan wall = clock.Elapsed;
            process.Refresh();
            return new Rate(done, wall, process.TotalProcessorTime - cpu0);
        }
    }

    private static Report Measure(int batch, int threads, int netPlayouts, int netThreads, string device, TextWriter warnings)
    {
        // 1. Tree ceiling. A short warm-up first so that the timed runs see optimised code.
        var uniform = new UniformEvaluator<ConnectFourPosition, ConnectFourMove>();
        var uniformOptions = new MctsOptions { BatchSize = batch, ReuseTree = false };
        Playouts(uniform, uniformOptions, 20_000);
        double uniformRate = Rate.Measure(() => Playouts(uniform, uniformOptions, 200_000)).PerSecond;

        // 2. Plumbing: features, the channel, the worker and the copies, around a model that does nothing.
        var zero = new ZeroCostModel(ConnectFourPosition.InputShape.Size, ConnectFourPosition.ActionCount);
        double plumbingRate, meanBatch;
        using (var batching = new BatchingModel(zero, maxBatch: batch * threads, maxWait: TimeSpan.FromMilliseconds(0.2)))
        {
            var evaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(batching);
            var options = new MctsOptions { BatchSize = batch, Threads = threads, ReuseTree = false };
            Playouts(evaluator, options, 20_000);
            long positions0 = batching.Positions, batches0 = batching.Batches;
            plumbingRate = Rate.Measure(() => Playouts(evaluator, options, 100_000)).PerSecond;
            meanBatch = (double)(batching.Positions - positions0) / Math.Max(1, batching.Batches - batches0);
        }

        // 3. The network: raw inference and search at the same batch size, alternated over several rounds so that a
        //    machine whose load drifts skews both figures alike; each ratio reported is the median of the rounds'.
        //    On another device (--device), the threads' batches meet in a BatchingModel so the device gets one large
        //    batch per call; the batch fill says how full those calls were.
        using var pool = new ComputePool(netThreads);
        IBatchModel net;
        IDisposable? owner = null;
        BatchingModel? merged = null;
        string netDevice = "cpu";
        bool winograd = false;
        if (device == "cpu")
        {
            NetworkModel cpuNet = NetworkLoader.Random(PolicyValueNetConfig.Connect4, seed: 1, pool);
            winograd = cpuNet.Net is InferenceNet { UsesWinograd: true };
            net = cpuNet;
        }
        else
        {
            (IInferenceNetwork deviceNet, owner) = InferenceDevices.Create(device, PolicyValueNetConfig.Connect4,
                RandomWeights.Create(PolicyValueNetConfig.Connect4, new Random(1)), warnings);
            netDevice = deviceNet.Device;
            merged = netDevice == "cpu" ? null : new BatchingModel(new NetworkModel(deviceNet), maxBatch: batch * threads, maxWait: TimeSpan.FromMilliseconds(1));
            net = merged ?? (IBatchModel)new NetworkModel(deviceNet);
        }
        using IDisposable? deviceOwner = owner;
        using BatchingModel? mergedOwner = merged;
        var counted = new CountingModel(net);
        var netEvaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(counted);
        var netOptions = new MctsOptions { BatchSize = batch, Threads = threads, ReuseTree = false };
        Playouts(netEvaluator, netOptions, Math.Max(300, batch * 8)); // warm-up: tiered JIT settles the search code first
        const int rounds = 5;
        Rate inference = default, search = default, evaluations = default;
        var ratios = new List<(double Wall, double Cpu, double EvaluationCpu)>();
        long evaluated0 = counted.Positions, calls0 = counted.Calls;
        for (int round = 0; round < rounds; round++)
        {
            Rate i = Rate.Measure(() => InferencePositions(net, batch, TimeSpan.FromSeconds(0.6)));
            long before = counted.Positions;
            string[] one = [Positions[round % Positions.Length]];
            Rate p = Rate.Measure(() => Playouts(netEvaluator, netOptions, netPlayouts, one));
            Rate e = p with { Work = counted.Positions - before };
            ratios.Add((p.PerSecond / i.PerSecond, p.PerCpuSecond / i.PerCpuSecond, e.PerCpuSecond / i.PerCpuSecond));
            inference += i;
            search += p;
            evaluations += e;
        }
        double searchBatch = (double)(counted.Positions - evaluated0) / Math.Max(1, counted.Calls - calls0);
        double fill = merged is null ? searchBatch / batch : (double)merged.Positions / Math.Max(1, merged.Batches) / (batch * threads);
        static double Median(IEnumerable<double> xs) => xs.Order().ElementAt(rounds / 2);
        var medians = (Median(ratios.Select(r => r.Wall)), Median(ratios.Select(r => r.Cpu)), Median(ratios.Select(r => r.EvaluationCpu)));
        string name = $"connect4 reference {PolicyValueNetConfig.Connect4.Blocks}x{PolicyValueNetConfig.Connect4.Channels}, random weights" +
            (netDevice == "cpu" ? $"{(winograd ? ", Winograd" : "")}, {netThreads} compute thread(s)" : $", on {netDevice}");
        return new Report(name, uniformRate, plumbingRate, meanBatch, inference, search, evaluations, searchBatch, medians, netDevice, fill);
    }

    /// <summary>Playouts done searching each fixed position from a fresh tree.</summary>
    private static double Playouts(IEvaluator<ConnectFourPosition, ConnectFourMove> evaluator, MctsOptions options, int playoutsPerPosition, string[]? positions = null)
    {
        var search = new PuctSearch<ConnectFourPosition, ConnectFourMove>(evaluator, options);
        long playouts = 0;
        foreach (string text in positions ?? Positions)
        {
            ConnectFourPosition.TryParsePosition(text, out ConnectFourPosition position, out _);
            search.SetPosition(position);
            playouts += search.Search(SearchLimits.FromPlayouts(playoutsPerPosition)).Playouts;
        }
        return playouts;
    }

    /// <summary>Positions evaluated in <paramref name="duration"/> of back-to-back model calls of <paramref name="batch"/> real positions (the bench positions' features).</summary>
    private static double InferencePositions(IBatchModel model, int batch, TimeSpan duration)
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
        long positions = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            model.Evaluate(inputs, batch, logits, values, []);
            positions += batch;
        }
        return positions;
    }

    /// <summary>Passes calls through and counts the positions, to tell network evaluations from terminal playouts.</summary>
    private sealed class CountingModel(IBatchModel inner) : IBatchModel
    {
        private long _positions;
        private long _calls;

        public long Positions => Interlocked.Read(ref _positions);
        public long Calls => Interlocked.Read(ref _calls);
        public string Name => inner.Name;
        public int InputSize => inner.InputSize;
        public int PolicySize => inner.PolicySize;
        public bool HasWdl => inner.HasWdl;

        public void Evaluate(ReadOnlySpan<float> inputs, int count, Span<float> policyLogits, Span<float> values, Span<float> wdl)
        {
            inner.Evaluate(inputs, count, policyLogits, values, wdl);
            Interlocked.Add(ref _positions, count);
            Interlocked.Increment(ref _calls);
        }
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
}
