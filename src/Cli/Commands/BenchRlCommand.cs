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
/// `zero bench rl`: environment steps per second of each training loop with its shipped preset (PPO CartPole,
/// DQN CartPole, SAC Pendulum; training included), the raw environment step rate, and the engine's fully connected
/// product (what the RL networks run on) against a scalar reference. Reference: CleanRL's PyTorch PPO on CartPole publishes
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
        var cmd = new Command("rl", "Environment steps/s of PPO CartPole, DQN CartPole and SAC Pendulum training, raw environment steps/s, GEMM GFLOP/s.") { quick, json, torch };
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
            double ppoReturn = double.NaN;
            (double ppo, double ppoCpu) = Timed(() => PpoCartPole(q ? 20_480 : 100_000, out ppoReturn));
            rows.Add(new Row("PPO CartPole-v1 training (preset, 8 envs)", ppo, ppoCpu, "steps/s", string.Create(CultureInfo.InvariantCulture, $"target ≥ 10,000; CleanRL ≈ 800; final mean return {ppoReturn:F1}")));
            if (torchResult is var (torchRate, referenceReturn, version))
            {
                rows.Add(new Row($"PyTorch {version} PPO CartPole-v1 (CleanRL loop, same preset)", torchRate, double.NaN, "steps/s",
                    string.Create(CultureInfo.InvariantCulture, $"Zero ×{ppo / torchRate:F1}; final mean return {referenceReturn:F1}; bench/rl/cleanrl_ppo_cartpole.py, 1 thread")));
            }
            (double dqn, double dqnCpu) = DqnCartPole(q ? 2_048 : 10_240);
            rows.Add(new Row("DQN CartPole-v1 training (preset, after learning_starts)", dqn, dqnCpu, "steps/s", "128 gradient steps of 64 every 256 env steps, [256, 256]"));
            (double sac, double sacCpu) = SacPendulum(q ? 300 : 2_000);
            rows.Add(new Row("SAC Pendulum-v1 training (preset, after learning_starts)", sac, sacCpu, "steps/s", "1 gradient step of 256 per env step, [256, 256]"));
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

    private static double PpoCartPole(long steps, out double finalReturn)
    {
        var agent = new Ppo("CartPole-v1", Presets.Ppo("CartPole-v1"), 1);
        double last = double.NaN;
        long start = Stopwatch.GetTimestamp();
        agent.Learn(steps, p => last = p.RecentMeanReturn);
        finalReturn = last;
        return steps / Stopwatch.GetElapsedTime(start).TotalSeconds;
    }

    private static (double Wall, double PerCpuSecond) DqnCartPole(long measured)
    {
        DqnConfig c = Presets.Dqn("CartPole-v1") with { EvalFreq = 0 }; // the training loop alone, as before eval_freq
        var agent = new Dqn("CartPole-v1", c, 1);
        double t0 = 0, t1 = 0;
        TimeSpan c0 = TimeSpan.Zero, c1 = TimeSpan.Zero;
        agent.Learn(c.LearningStarts + measured, p =>
        {
            if (p.Steps == c.LearningStarts)
            {
                t0 = p.Seconds;
                c0 = Process.GetCurrentProcess().TotalProcessorTime;
            }
            t1 = p.Seconds;
            c1 = Process.GetCurrentProcess().TotalProcessorTime;
        });
        return (measured / Math.Max(t1 - t0, 1e-9), measured / Math.Max((c1 - c0).TotalSeconds, 1e-9));
    }

    private static (double Wall, double PerCpuSecond) SacPendulum(long measured)
    {
        SacConfig c = Presets.Sac("Pendulum-v1") with { LearningStarts = 1000 };
        var agent = new Sac("Pendulum-v1", c, 1);
        double t0 = 0, t1 = 0;
        TimeSpan c0 = TimeSpan.Zero, c1 = TimeSpan.Zero;
        agent.Learn(c.LearningStarts + measured, p =>
        {
            if (p.Steps == c.LearningStarts)
            {
                t0 = p.Seconds;
                c0 = Process.GetCurrentProcess().TotalProcessorTime;
            }
            t1 = p.Seconds;
            c1 = Process.GetCurrentProcess().TotalProcessorTime;
        });
        return (measured / Math.Max(t1 - t0, 1e-9), measured / Math.Max((c1 - c0).TotalSeconds, 1e-9));
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
