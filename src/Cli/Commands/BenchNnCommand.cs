using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Zero.Engine.Inference;
using Zero.Engine.Kernels;
using Zero.Engine.Autograd;
using Zero.Engine.Models;
using Zero.Engine.Ops;
using Zero.Engine.Optim;
using Zero.Engine.Tensors;
using Zero.Games;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero bench nn`: the neural engine's speed figures — SGEMM GFLOP/s, inference positions/s of the reference
/// networks at several batch sizes, connect4 training samples/s, and the tiny RL MLP's latency — as a table or as
/// the stable JSON other tools read. With `--torch` it also runs the PyTorch reference scripts
/// (bench/pytorch-reference) in the same run and prints the ratios, since only ratios measured side by side
/// mean anything on a shared machine. With `--ort` it runs ONNX Runtime in this process on the same networks and
/// weights (<see cref="OrtReference"/>) and prints that ratio too.
/// </summary>
internal static class BenchNnCommand
{
    private static readonly int[] GemmSizes = [256, 512, 1024];
    private static readonly int[] Batches = [1, 8, 32, 128, 256];

    public static Command Create()
    {
        var threads = new Option<int>("--threads") { Description = "Threads for the kernels (the caller's thread included).", DefaultValueFactory = _ => Math.Min(Environment.ProcessorCount, 2) };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON (a stable interface for other tools) instead of a table." };
        var quick = new Option<bool>("--quick") { Description = "Shorter measurements and fewer batch sizes (a smoke test, figures are rougher)." };
        var torch = new Option<bool>("--torch")
        {
            Description = "Also run the PyTorch reference scripts (needs python3-torch) and print the ratios side by side. They wait for a quiet " +
                "machine before each sample (at most REFBENCH_MAX_WAIT seconds, default 120, then 5); set REFBENCH_MAX_WAIT=2 on a busy machine.",
        };
        var ort = new Option<bool>("--ort")
        {
            Description = "Also run ONNX Runtime (in this process, same threads) on the same networks and weights, exported to ONNX by Zero, " +
                "and print the ratio per batch size; --json entries gain ort_positions_per_s.",
        };
        var device = InferenceDevices.CreateOption();
        var referenceDir = new Option<string?>("--reference-dir") { Description = "Folder of the PyTorch reference scripts (default: bench/pytorch-reference in the repository)." };
        var nets = new Option<string>("--nets") { Description = "Comma-separated reference networks to measure: connect4, go9, chess.", DefaultValueFactory = _ => "connect4,go9,chess" };
        var command = new Command("nn", "Neural-engine speed: GEMM GFLOP/s, inference positions/s, training samples/s, tiny-MLP latency.")
        {
            threads, json, quick, torch, ort, device, referenceDir, nets,
        };
        command.SetAction(parse =>
        {
            int t = parse.GetValue(threads);
            if (t < 1 || t > 1024)
            {
                throw new UsageException($"--threads must be between 1 and 1024; got {t}.");
            }
            string[] netNames = parse.GetValue(nets)!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (string n in netNames)
            {
                _ = ConfigOf(n);
            }
            var options = new Options(t, parse.GetValue(json), parse.GetValue(quick), parse.GetValue(torch), parse.GetValue(ort),
                InferenceDevices.Validate(parse.GetValue(device)!), parse.GetValue(referenceDir), netNames);
            Run(options, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
            return 0;
        });
        return command;
    }

    private sealed record Options(int Threads, bool Json, bool Quick, bool Torch, bool Ort, string Device, string? ReferenceDir, string[] Nets);

    private static PolicyValueNetConfig ConfigOf(string name) => name switch
    {
        "connect4" => PolicyValueNetConfig.Connect4,
        "go9" => PolicyValueNetConfig.Go9,
        "chess" => PolicyValueNetConfig.Chess,
        _ => throw new UsageException($"Unknown network '{name}' in --nets; use connect4, go9 or chess."),
    };

    private static void Run(Options o, TextWriter output, TextWriter warnings)
    {
        using var pool = new ComputePool(o.Threads);
        var report = new JsonObject { ["threads"] = o.Threads, ["isa"] = GemmIsaSupport.Best.ToString() };
        TorchReference? torch = o.Torch ? TorchReference.Run(o.ReferenceDir, o.Threads, o.Nets, o.Quick, o.Json ? null : output) : null;

        // 1. GEMM.
        var gemm = new JsonArray();
        foreach (int n in GemmSizes)
        {
            double seconds = MeasureGemm(n, pool, o.Quick);
            gemm.Add(new JsonObject { ["n"] = n, ["gflops"] = Round(2.0 * n * n * n / seconds / 1e9, 1) });
        }
        report["gemm"] = gemm;

        // 2. Inference.
        var inference = new JsonArray();
        foreach (string name in o.Nets)
        {
            PolicyValueNetConfig cfg = ConfigOf(name);
            IReadOnlyDictionary<string, float[]> weights = RandomWeights.Create(cfg, new Random(1));
            (IInferenceNetwork net, IDisposable? owner) = InferenceDevices.Create(o.Device, cfg, weights, warnings);
            using IDisposable? deviceOwner = owner;
            report["device"] = net.Device;
            using OrtReference? ortNet = o.Ort ? OrtReference.Create(cfg, weights, o.Threads) : null;
            foreach (int batch in Batches)
            {
                if (o.Quick && batch is 8 or 128)
                {
                    continue;
                }
                (double seconds, double cpuSeconds) = MeasureInference(net, batch, pool, o.Quick);
                double pps = batch / seconds;
                var row = new JsonObject
                {
                    ["net"] = name,
                    ["batch"] = batch,
                    ["positions_per_s"] = Round(pps, 0),
                    ["gflops"] = Round(pps * cfg.FlopsPerPosition / 1e9, 1),
                    ["latency_ms"] = Round(seconds * 1e3, 3),
                    ["cpu_ms"] = Round(cpuSeconds * 1e3, 3),
                };
                if (torch?.Inference(name, batch) is double tp)
                {
                    row["torch_positions_per_s"] = Round(tp, 0);
                    row["ratio"] = Round(pps / tp, 2);
                }
                if (ortNet is not null)
                {
                    double ortPps = batch / MeasureOrt(ortNet, cfg, batch, o.Quick);
                    row["ort_positions_per_s"] = Round(ortPps, 0);
                    row["ort_ratio"] = Round(pps / ortPps, 2);
                }
                inference.Add(row);
            }
        }
        report["inference"] = inference;

        // 3. Training and the tiny MLP (engine-core's models).
        var training = new JsonArray();
        if (TrainingBench.MeasureConnect4(pool, o.Quick) is double samplesPerSecond)
        {
            var row = new JsonObject { ["net"] = "connect4", ["batch"] = 256, ["samples_per_s"] = Round(samplesPerSecond, 0) };
            if (torch?.TrainingSamplesPerSecond is double ts)
            {
                row["torch_samples_per_s"] = Round(ts, 0);
                row["ratio"] = Round(samplesPerSecond / ts, 2);
            }
            training.Add(row);
        }
        report["training"] = training;
        if (TrainingBench.MeasureMlp(o.Quick) is (double forwardUs, double adamUs))
        {
            var mlp = new JsonObject { ["forward_us"] = Round(forwardUs, 2), ["adam_step64_us"] = Round(adamUs, 1) };
            if (torch?.MlpForwardUs is double tf && torch.MlpAdamUs is double ta)
            {
                mlp["torch_forward_us"] = Round(tf, 2);
                mlp["torch_adam_step64_us"] = Round(ta, 1);
                mlp["forward_speedup"] = Round(tf / forwardUs, 1);
                mlp["adam_speedup"] = Round(ta / adamUs, 1);
            }
            report["mlp"] = mlp;
        }

        report["noisy_figures"] = Noisy;
        if (o.Json)
        {
            output.WriteLine(report.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        }
        else
        {
            PrintTable(report, output);
        }
    }

    private static double Round(double x, int digits) => Math.Round(x, digits);

    /// <summary>
    /// Median seconds per call over several samples, each long enough to time reliably. Like the PyTorch reference
    /// scripts, a sample taken while other processes kept more than a quarter core busy is set aside (up to three
    /// times as many tries as samples), so both sides discard noise the same way; <see cref="Noisy"/> counts the
    /// figures that still had to use noisy samples.
    /// </summary>
    internal static double Measure(Action call, bool quick) => MeasureWithCpu(call, quick).Seconds;

    /// <summary>As <see cref="Measure"/>, also returning the process CPU seconds per call (steadier on a loaded machine).</summary>
    internal static (double Seconds, double CpuSeconds) MeasureWithCpu(Action call, bool quick)
    {
        double minSample = quick ? 0.05 : 0.25;
        int samples = quick ? 3 : 7;
        call();
        call();
        var sw = Stopwatch.StartNew();
        call();
        double one = Math.Max(sw.Elapsed.TotalSeconds, 1e-7);
        int inner = Math.Max(1, (int)(minSample / one));
        var quiet = new List<double>();
        var noisy = new List<(double Background, double Seconds)>();
        var cpu = new List<double>();
        for (int tries = 0; quiet.Count < samples && tries < 3 * samples; tries++)
        {
            double busy0 = MachineBusySeconds(), own0 = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
            sw.Restart();
            for (int i = 0; i < inner; i++)
            {
                call();
            }
            double wall = sw.Elapsed.TotalSeconds;
            double own = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds - own0;
            cpu.Add(own / inner);
            double background = Math.Max(0, (MachineBusySeconds() - busy0) - own) / wall;
            if (background <= 0.25 || double.IsNaN(background))
            {
                quiet.Add(wall / inner);
            }
            else
            {
                noisy.Add((background, wall / inner));
            }
        }
        if (quiet.Count < samples)
        {
            Noisy++;
            quiet.AddRange(noisy.OrderBy(n => n.Background).Take(samples - quiet.Count).Select(n => n.Seconds));
        }
        quiet.Sort();
        cpu.Sort();
        return (quiet[quiet.Count / 2], cpu[cpu.Count / 2]);
    }

    /// <summary>Figures measured with too few quiet samples in this run (reported with the results).</summary>
    private static int Noisy { get; set; }

    /// <summary>Busy CPU seconds of the whole machine (/proc/stat), or NaN where it cannot be read.</summary>
    private static double MachineBusySeconds()
    {
        try
        {
            using var reader = new StreamReader("/proc/stat");
            string[] f = reader.ReadLine()!.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            long total = 0;
            for (int i = 1; i <= 8 && i < f.Length; i++)
            {
                total += long.Parse(f[i], CultureInfo.InvariantCulture);
            }
            long idle = long.Parse(f[4], CultureInfo.InvariantCulture) + long.Parse(f[5], CultureInfo.InvariantCulture);
            return (total - idle) / 100.0;
        }
        catch (IOException)
        {
            return double.NaN;
        }
        catch (UnauthorizedAccessException)
        {
            return double.NaN;
        }
    }

    private static double MeasureGemm(int n, ComputePool pool, bool quick)
    {
        var rng = new Random(n);
        float[] a = Enumerable.Range(0, n * n).Select(_ => (float)rng.NextDouble()).ToArray();
        float[] b = Enumerable.Range(0, n * n).Select(_ => (float)rng.NextDouble()).ToArray();
        var c = new float[n * n];
        return Measure(() => Gemm.Sgemm(false, false, n, n, n, a, n, b, n, c, n, false, pool), quick);
    }

    private static (double Seconds, double CpuSeconds) MeasureInference(IInferenceNetwork net, int batch, ComputePool pool, bool quick)
    {
        var rng = new Random(batch);
        float[] input = Enumerable.Range(0, batch * net.InputSize).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        var policy = new float[batch * net.Config.PolicySize];
        var value = new float[batch];
        return MeasureWithCpu(() => net.Evaluate(input, batch, policy, value, pool), quick);
    }

    /// <summary>Seconds per ONNX Runtime call on the same inputs <see cref="MeasureInference"/> uses.</summary>
    private static double MeasureOrt(OrtReference ort, PolicyValueNetConfig cfg, int batch, bool quick)
    {
        var rng = new Random(batch);
        int inputSize = cfg.InputPlanes * cfg.Height * cfg.Width;
        float[] input = Enumerable.Range(0, batch * inputSize).Select(_ => (float)(rng.NextDouble() * 2 - 1)).ToArray();
        using OrtReference.Bound bound = ort.Bind(input, batch, new float[batch * cfg.PolicySize], new float[batch * cfg.ValueOutputs]);
        return Measure(bound.Run, quick);
    }

    private static void PrintTable(JsonObject r, TextWriter o)
    {
        var ci = CultureInfo.InvariantCulture;
        o.WriteLine($"zero bench nn — threads {r["threads"]}, kernels {r["isa"]}{(r["device"] is JsonNode d && (string)d! != "cpu" ? $", inference on {d}" : "")}");
        o.WriteLine();
        o.WriteLine("SGEMM (C = A·B, square, row-major)");
        foreach (JsonNode? g in r["gemm"]!.AsArray())
        {
            o.WriteLine(string.Format(ci, "  n = {0,5}   {1,8:F1} GFLOP/s", (int)g!["n"]!, (double)g["gflops"]!));
        }
        o.WriteLine();
        o.WriteLine("Inference (fused network, random weights)        positions/s      GFLOP/s   ms/batch   cpu ms   PyTorch pos/s   ratio   ORT pos/s   ratio");
        foreach (JsonNode? row in r["inference"]!.AsArray())
        {
            string torch = row!["torch_positions_per_s"] is JsonNode tp ? string.Format(ci, "{0,13:F0}   {1,5:F2}", (double)tp, (double)row["ratio"]!) : new string(' ', 21);
            string ort = row["ort_positions_per_s"] is JsonNode op ? string.Format(ci, "   {0,9:F0}   {1,5:F2}", (double)op, (double)row["ort_ratio"]!) : "";
            o.WriteLine(string.Format(ci, "  {0,-8} batch {1,4}                             {2,11:F0}   {3,10:F1}   {4,8:F3}   {5,6:F2}   {6}{7}",
                (string)row["net"]!, (int)row["batch"]!, (double)row["positions_per_s"]!, (double)row["gflops"]!, (double)row["latency_ms"]!,
                (double)row["cpu_ms"]!, torch, ort).TrimEnd());
        }
        o.WriteLine();
        JsonArray training = r["training"]!.AsArray();
        if (training.Count == 0)
        {
            o.WriteLine("Training: not measured (the training model is not available in this build).");
        }
        foreach (JsonNode? row in training)
        {
            string torch = row!["torch_samples_per_s"] is JsonNode ts ? string.Format(ci, "   PyTorch {0:F0}, ratio {1:F2}", (double)ts, (double)row["ratio"]!) : "";
            o.WriteLine(string.Format(ci, "Training {0} batch {1} (fwd + bwd + SGD momentum, weight decay): {2:F0} samples/s{3}",
                (string)row["net"]!, (int)row["batch"]!, (double)row["samples_per_s"]!, torch));
        }
        if (r["mlp"] is JsonObject mlp)
        {
            string torch = mlp["torch_forward_us"] is JsonNode tf
                ? string.Format(ci, "   PyTorch {0:F1} µs / {1:F0} µs, speed-up {2:F1}× / {3:F1}×", (double)tf, (double)mlp["torch_adam_step64_us"]!, (double)mlp["forward_speedup"]!, (double)mlp["adam_speedup"]!)
                : "";
            o.WriteLine(string.Format(ci, "rl-mlp 4-64-64-2: forward (1 sample) {0:F2} µs, Adam step (64 samples) {1:F1} µs{2}",
                (double)mlp["forward_us"]!, (double)mlp["adam_step64_us"]!, torch));
        }
        else
        {
            o.WriteLine("rl-mlp: not measured (the Mlp model is not available in this build).");
        }
        if ((int)r["noisy_figures"]! > 0)
        {
            o.WriteLine();
            o.WriteLine($"NOISY: {r["noisy_figures"]} figures were measured while other processes kept the machine busy; run again on a quiet machine.");
        }
    }

    /// <summary>Training-side figures through engine-core's autograd models, measured like the PyTorch script does.</summary>
    private static class TrainingBench
    {
        /// <summary>connect4 net, batch 256: forward + backward + SGD (momentum 0.9, weight decay 1e-4); samples/s.</summary>
        public static double? MeasureConnect4(ComputePool pool, bool quick)
        {
            const int batch = 256;
            PolicyValueNetConfig cfg = PolicyValueNetConfig.Connect4;
            var rng = new Random(0);
            var net = new PolicyValueNet(cfg, rng);
            net.Train();
            var sgd = new Sgd(net.Parameters(), 0.01f, momentum: 0.9f, weightDecay: 1e-4f);
            var tape = new Tape(pool);
            var x = new Tensor(RandomValues(rng, batch * cfg.InputPlanes * cfg.Height * cfg.Width), batch, cfg.InputPlanes, cfg.Height, cfg.Width);
            float[] targets = RandomValues(rng, batch * cfg.PolicySize).Select(MathF.Exp).ToArray();
            for (int n = 0; n < batch; n++)
            {
                Span<float> row = targets.AsSpan(n * cfg.PolicySize, cfg.PolicySize);
                float sum = System.Numerics.Tensors.TensorPrimitives.Sum(row);
                System.Numerics.Tensors.TensorPrimitives.Divide(row, sum, row);
            }
            var policyTarget = new Tensor(targets, batch, cfg.PolicySize);
            var valueTarget = new Tensor(RandomValues(rng, batch), batch, 1);
            double seconds = Measure(() =>
            {
                tape.Reset();
                sgd.ZeroGrad();
                PolicyValueLoss loss = net.Loss(tape, x, policyTarget, valueTarget);
                tape.Backward(loss.Total);
                sgd.Step();
            }, quick);
            return batch / seconds;
        }

        /// <summary>rl-mlp 4-64-64-2 (tanh): one-sample forward latency and a 64-sample Adam step (cross-entropy), in µs.</summary>
        public static (double ForwardUs, double AdamUs)? MeasureMlp(bool quick)
        {
            var rng = new Random(0);
            var mlp = new Mlp([4, 64, 64, 2], Activation.Tanh, rng);
            float[] one = RandomValues(rng, 4);
            var output = new float[2];
            double forward = Measure(() => mlp.Predict(one, output), quick);
            const int batch = 64;
            var adam = new Adam(mlp.Parameters(), 3e-4f);
            var tape = new Tape();
            var x = new Tensor(RandomValues(rng, batch * 4), batch, 4);
            var labels = new float[batch * 2];
            for (int n = 0; n < batch; n++)
            {
                labels[n * 2 + rng.Next(2)] = 1f;
            }
            var target = new Tensor(labels, batch, 2);
            double step = Measure(() =>
            {
                tape.Reset();
                adam.ZeroGrad();
                Tensor loss = tape.SoftCrossEntropy(mlp.Forward(tape, x), target);
                tape.Backward(loss);
                adam.Step();
            }, quick);
            return (forward * 1e6, step * 1e6);
        }

        private static float[] RandomValues(Random rng, int length)
        {
            var x = new float[length];
            for (int i = 0; i < length; i++)
            {
                x[i] = (float)(rng.NextDouble() * 2 - 1);
            }
            return x;
        }
    }

    /// <summary>Thrown when the PyTorch reference cannot run; the message says how to make it run.</summary>
    private static ZeroException NoTorch(string why) => new($"--torch: {why}");

    /// <summary>Runs the PyTorch reference scripts and parses their summary lines.</summary>
    private sealed class TorchReference
    {
        private readonly Dictionary<(string, int), double> _inference = [];

        public double? TrainingSamplesPerSecond { get; private set; }

        public double? MlpForwardUs { get; private set; }

        public double? MlpAdamUs { get; private set; }

        public double? Inference(string net, int batch) => _inference.TryGetValue((net, batch), out double v) ? v : null;

        public static TorchReference Run(string? dir, int threads, string[] nets, bool quick, TextWriter? progress)
        {
            dir ??= DefaultDir();
            string resnet = Path.Combine(dir, "03_torch_resnet.py"), mlp = Path.Combine(dir, "04_torch_mlp.py");
            if (!File.Exists(resnet) || !File.Exists(mlp))
            {
                throw NoTorch($"the reference scripts are not in '{dir}'; pass --reference-dir with the folder holding 03_torch_resnet.py and 04_torch_mlp.py.");
            }
            var result = new TorchReference();
            progress?.WriteLine($"Running the PyTorch reference ({PythonScript.Interpreter} {resnet}) — this takes a few minutes...");
            string[] args = ["--threads", threads.ToString(CultureInfo.InvariantCulture), "--nets", string.Join(',', nets), .. quick ? new[] { "--samples", "3", "--modes", "freeze,optimize" } : ["--samples", "5"]];
            foreach (string line in PythonScript.Run(resnet, args, progress))
            {
                // "  connect4 batch  32 BEST optimize: 6575 pos/s (6400-6700), 245.4 GFLOP/s"
                string[] f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length > 5 && f[1] == "batch" && f[3] == "BEST")
                {
                    // The mode name is padded ("freeze  :"), so read the first number after the colon.
                    string afterColon = line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..];
                    string posPerSecond = afterColon.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
                    result._inference[(f[0], int.Parse(f[2], CultureInfo.InvariantCulture))] = double.Parse(posPerSecond, CultureInfo.InvariantCulture);
                }
                else if (line.StartsWith("train connect4 batch 256", StringComparison.Ordinal))
                {
                    int at = line.IndexOf("median ", StringComparison.Ordinal);
                    if (at >= 0)
                    {
                        result.TrainingSamplesPerSecond = double.Parse(line[(at + 7)..].Split(' ')[0], CultureInfo.InvariantCulture);
                    }
                }
            }
            foreach (string line in PythonScript.Run(mlp, ["--threads", "1"], progress))
            {
                ParseMlpLine(result, line);
            }
            return result;
        }

        private static void ParseMlpLine(TorchReference result, string line)
        {
            // "SUMMARY torch mlp (1T): fwd1 15.9 us; fwd1-jit 12.0 us; fwd64 20.1 us; train64 609.0 us; train64-sgd ..."
            // The reference forward is the faster of eager and traced; the Adam step is train64.
            if (!line.StartsWith("SUMMARY", StringComparison.Ordinal))
            {
                return;
            }
            foreach (string part in line[(line.IndexOf(':', StringComparison.Ordinal) + 1)..].Split(';', StringSplitOptions.TrimEntries))
            {
                string[] f = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (f.Length < 2 || !double.TryParse(f[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double us))
                {
                    continue;
                }
                if (f[0] is "fwd1" or "fwd1-jit")
                {
                    result.MlpForwardUs = Math.Min(result.MlpForwardUs ?? double.MaxValue, us);
                }
                else if (f[0] == "train64")
                {
                    result.MlpAdamUs = us;
                }
            }
        }

        /// <summary>The reference scripts' folder in the repository, bench/pytorch-reference.</summary>
        private static string DefaultDir() => RepositoryRoot.Path("bench", "pytorch-reference");
    }
}
