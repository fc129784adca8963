using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zero.Rl;
using Zero.Rl.Algorithms;
using Zero.Rl.ClassicControl;
using Zero.Rl.Environments;
using Zero.Engine.Autograd;
using Zero.Engine.Ops;
using Zero.Engine.Tensors;
using Zero.Rl.Vector;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero bench rl`: environment steps per second of each training loop with its shipped preset (one
/// <see cref="TrainingBench"/> row per algorithm of <see cref="AgentCatalog"/>, all driven through <see cref="IAgent.Learn"/>;
/// training included), the raw environment step rate, and the engine's fully connected product (what the RL networks run on) against a scalar reference. Reference: CleanRL's PyTorch PPO on CartPole publishes
/// about 800 steps/s; with <c>--torch</c> the same run also times bench/rl/cleanrl_ppo_cartpole.py (CleanRL's ppo.py loop with
/// Zero's CartPole preset, PyTorch on the CPU) and prints the ratio, since only ratios measured side by side mean anything.
/// </summary>
internal static class BenchRlCommand
{
    private sealed record Row(string Name, double Value, double PerCpuSecond, string Unit, string Note);

    public static Command Create()
    {
        var quick = new Option<bool>("--quick") { Description = "Shorter runs (a few seconds in all); noisier figures." };
        var json = new Option<bool>("--json") { Description = "Print the figures as JSON." };
        var torch = new Option<bool>("--torch") { Description = "Also time the CleanRL-style PyTorch PPO on CartPole (bench/rl/cleanrl_ppo_cartpole.py; needs python3-torch and python3-numpy) and print the ratio." };
        var cmd = new Command("rl", "Environment steps/s of each algorithm's training with its preset, raw environment steps/s, GEMM GFLOP/s.") { quick, json, torch };
        cmd.SetAction(parse =>
        {
            bool q = parse.GetValue(quick);
            TextWriter o = parse.InvocationConfiguration.Output;
            var rows = new List<Row>();
            // The reference runs first, so a missing python3-torch is reported before the minutes of measuring.
            (double, double, string)? torchResult = parse.GetValue(torch) ? TorchPpoCartPole(q ? 20_480 : 100_000) : null;
            (double raw, double rawCpu) = Timed(() => RawEnvironment(q ? 200_000 : 2_000_000));
            rows.Add(new Row("env CartPole-v1 (1 env, random actions)", raw, rawCpu, "steps/s", "TimeLimit included"));
            (double vec, double vecCpu) = Timed(() => VectorEnvironmentRate(q ? 50_000 : 500_000));
            rows.Add(new Row("vector env CartPole-v1 × 8 (auto-reset, statistics)", vec, vecCpu, "steps/s", "no allocation per step"));
            foreach (TrainingBench b in TrainingBenches)
            {
                (double wall, double cpu, double finalReturn) = Training(b, q);
                string note = b.Warmup(b.Adjust(AgentCatalog.Find(b.Algorithm).Preset(b.Environment))) == 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{b.Note}; final mean return {finalReturn:F1}") : b.Note;
                rows.Add(new Row($"{b.Algorithm.ToUpperInvariant()} {b.Environment} training ({b.What})", wall, cpu, "steps/s", note));
                if (b.Algorithm == "ppo" && torchResult is var (torchRate, referenceReturn, version))
                {
                    rows.Add(new Row($"PyTorch {version} PPO CartPole-v1 (CleanRL loop, same preset)", torchRate, double.NaN, "steps/s",
                        string.Create(CultureInfo.InvariantCulture, $"Zero ×{wall / torchRate:F1}; final mean return {referenceReturn:F1}; bench/rl/cleanrl_ppo_cartpole.py, 1 thread")));
                }
            }
            (double fast, double reference) = Gemm(q ? 20 : 100);
            rows.Add(new Row("RL GEMM 256×256×256 (engine Linear)", fast, double.NaN, "GFLOP/s", string.Create(CultureInfo.InvariantCulture, $"scalar reference {reference:F2} GFLOP/s, ×{fast / reference:F1}")));
            if (parse.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(rows.Select(r => new { name = r.Name, value = Math.Round(r.Value, 1), per_cpu_second = double.IsNaN(r.PerCpuSecond) ? (double?)null : Math.Round(r.PerCpuSecond, 1), unit = r.Unit, note = r.Note })));
            }
            else
            {
                o.WriteLine($"{"benchmark",-58} {"wall",12} {"per CPU-s",12}  unit     note");
                foreach (Row r in rows)
                {
                    string cpu = double.IsNaN(r.PerCpuSecond) ? "" : r.PerCpuSecond.ToString("N0", CultureInfo.InvariantCulture);
                    o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name,-58} {r.Value,12:N0} {cpu,12}  {r.Unit,-8} {r.Note}"));
                }
                o.WriteLine("wall: steps per elapsed second; per CPU-s: steps per second of this process's CPU time (the figure to trust when other jobs share the cores).");
                o.WriteLine($"threads: 1 (training loops are single-threaded); {Environment.ProcessorCount} cores visible; timings on a shared machine vary, run twice.");
            }
            return ZeroCli.Success;
        });
        return cmd;
    }

    /// <summary>
    /// Runs bench/rl/cleanrl_ppo_cartpole.py for <paramref name="steps"/> environment steps with one torch thread and reads
    /// its JSON line. Throws <see cref="ZeroException"/> saying what to install when python3 or torch is missing.
    /// </summary>
    private static (double StepsPerSecond, double FinalReturn, string Version) TorchPpoCartPole(long steps)
    {
        string script = RepositoryRoot.Path("bench", "rl", "cleanrl_ppo_cartpole.py");
        List<string> lines = PythonScript.Run(script, ["--steps", steps.ToString(CultureInfo.InvariantCulture), "--threads", "1"]);
        if (lines.Count == 0)
        {
            throw new ZeroException($"--torch: {script} printed nothing; run it by hand to see why.");
        }
        using JsonDocument doc = JsonDocument.Parse(lines[^1]);
        JsonElement r = doc.RootElement;
        double finalReturn = r.GetProperty("final_mean_return").ValueKind == JsonValueKind.Number ? r.GetProperty("final_mean_return").GetDouble() : double.NaN;
        return (r.GetProperty("steps_per_s").GetDouble(), finalReturn, r.GetProperty("torch").GetString() ?? "?");
    }

    /// <summary>Runs a rate measurement and also returns the rate per CPU-second of this process (robust to other jobs on the cores).</summary>
    private static (double Wall, double PerCpuSecond) Timed(Func<double> measure)
    {
        TimeSpan cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        double rate = measure();
        double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
        double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds;
        return (rate, rate * wall / Math.Max(cpu, 1e-9));
    }

    private static double RawEnvironment(int steps)
    {
        IEnvironment env = ClassicControlCatalog.Make("CartPole-v1");
        var obs = new float[4];
        var action = new float[1];
        var rng = new RandomSource(0);
        env.Reset(obs, 0);
        long start = Stopwatch.GetTimestamp();
        for (int t = 0; t < steps; t++)
        {
            action[0] = (float)(rng.NextUInt64() & 1);
            if (env.Step(action, obs).Done)
            {
                env.Reset(obs);
            }
        }
        return steps / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static double VectorEnvironmentRate(int steps)
    {
        var env = new VectorEnvironment(() => ClassicControlCatalog.Make("CartPole-v1"), 8);
        env.Reset(0);
        var actions = new float[8];
        var rng = new RandomSource(0);
        long start = Stopwatch.GetTimestamp();
        for (int t = 0; t < steps / 8; t++)
        {
            for (int i = 0; i < 8; i++)
            {
                actions[i] = (float)(rng.NextUInt64() & 1);
            }
            env.Step(actions);
        }
        return steps / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    /// <summary>
    /// One training-loop row: an <see cref="AgentCatalog"/> algorithm on an environment with its preset (adjusted by
    /// <see cref="Adjust"/>), timed over the steps after <see cref="Warmup"/> (off-policy algorithms: after learning_starts,
    /// where the gradient steps begin), <see cref="QuickSteps"/> or <see cref="Steps"/> of them.
    /// </summary>
    private sealed record TrainingBench(string Algorithm, string Environment, string What, long QuickSteps, long Steps, string Note,
        Func<IAgentConfig, IAgentConfig> Adjust, Func<IAgentConfig, long> Warmup);

    /// <summary>The training loops timed, each its shipped preset; the CLI test pins the PPO and SAC rows' names.</summary>
    private static readonly TrainingBench[] TrainingBenches =
    [
        new("ppo", "CartPole-v1", "preset, 8 envs", 20_480, 100_000, "target ≥ 10,000; CleanRL ≈ 800", c => c, _ => 0),
        new("dqn", "CartPole-v1", "preset, after learning_starts", 2_048, 10_240, "128 gradient steps of 64 every 256 env steps, [256, 256]",
            c => ((DqnConfig)c) with { EvalFreq = 0 }, c => ((DqnConfig)c).LearningStarts), // the training loop alone, as before eval_freq
        new("sac", "Pendulum-v1", "preset, after learning_starts", 300, 2_000, "1 gradient step of 256 per env step, [256, 256]",
            c => ((SacConfig)c) with { LearningStarts = 1000 }, c => ((SacConfig)c).LearningStarts),
        new("a2c", "CartPole-v1", "preset, 8 envs × 5 steps, RMSprop", 20_000, 100_000, "one gradient step per 40 env steps, [64, 64]", c => c, _ => 0),
        new("reinforce", "CartPole-v1", "preset, 4 episodes per update", 10_000, 50_000, "one gradient step per 4 episodes, [64, 64]", c => c, _ => 0),
        new("trpo", "CartPole-v1", "preset, 2 envs × 512 steps", 4_096, 20_480, "15 CG steps of finite-difference Fisher products, 20 critic epochs",
            c => ((TrpoConfig)c) with { EvalFreq = 0 }, _ => 0),
        new("td3", "Pendulum-v1", "preset, after learning_starts", 200, 2_000, "200 gradient steps of 256 after each 200-step episode, [400, 300]",
            c => ((Td3Config)c) with { LearningStarts = 1000 }, c => ((Td3Config)c).LearningStarts),
        new("ddpg", "Pendulum-v1", "preset, after learning_starts", 200, 2_000, "as TD3 with one critic and no policy delay",
            c => ((DdpgConfig)c) with { LearningStarts = 1000 }, c => ((DdpgConfig)c).LearningStarts),
    ];

    /// <summary>Trains the row's agent and returns steps per wall second and per CPU-second over the measured steps, and the last reported mean return.</summary>
    private static (double Wall, double PerCpuSecond, double FinalReturn) Training(TrainingBench b, bool quick)
    {
        AgentCatalog.Entry entry = AgentCatalog.Find(b.Algorithm);
        IAgentConfig c = b.Adjust(entry.Preset(b.Environment));
        long warmup = b.Warmup(c);
        long measured = quick ? b.QuickSteps : b.Steps;
        IAgent agent = entry.Create(b.Environment, c, 1);
        double t0 = 0, t1 = 0, last = double.NaN;
        TimeSpan c0 = Process.GetCurrentProcess().TotalProcessorTime, c1 = c0;
        long startSteps = warmup, endSteps = warmup;
        agent.Learn(warmup + measured, p =>
        {
            if (p.Steps <= warmup)
            {
                t0 = p.Seconds;
                c0 = Process.GetCurrentProcess().TotalProcessorTime;
                startSteps = p.Steps;
            }
            t1 = p.Seconds;
            c1 = Process.GetCurrentProcess().TotalProcessorTime;
            endSteps = p.Steps;
            last = p.RecentMeanReturn;
        });
        long steps = endSteps - (warmup == 0 ? 0 : startSteps);
        return (steps / Math.Max(t1 - t0, 1e-9), steps / Math.Max((c1 - c0).TotalSeconds, 1e-9), last);
    }

    private static (double Fast, double Reference) Gemm(int repeats)
    {
        const int n = 256;
        var rng = new RandomSource(0);
        var x = new Tensor(n, n);
        var w = new Tensor(n, n);
        for (int i = 0; i < x.Length; i++)
        {
            x[i] = (float)rng.NextNormal();
            w[i] = (float)rng.NextNormal();
        }
        double flops = 2.0 * n * n * n;
        var tape = new Tape();
        for (int i = 0; i < 5; i++)
        {
            tape.Reset();
            tape.Linear(x, w, null);
        }
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < repeats; i++)
        {
            tape.Reset();
            tape.Linear(x, w, null);
        }
        double fast = flops * repeats / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e9;
        var c = new float[n * n];
        start = Stopwatch.GetTimestamp();
        for (int r = 0; r < n; r++)
        {
            for (int o = 0; o < n; o++)
            {
                float sum = 0;
                for (int k = 0; k < n; k++)
                {
                    sum += x[(r * n) + k] * w[(o * n) + k];
                }
                c[(r * n) + o] = sum;
            }
        }
        double reference = flops / Stopwatch.GetElapsedTime(start).TotalSeconds / 1e9;
        GC.KeepAlive(c);
        return (fast, reference);
    }
}
