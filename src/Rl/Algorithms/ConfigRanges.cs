using System.Globalization;
using Zero.Rl.Training;

namespace Zero.Rl.Algorithms;

/// <summary>
/// The allowed range of every number in a DQN, PPO or SAC config, checked by <see cref="ConfigFile.Apply{T}"/> after a
/// user's file is merged over the preset, so `{"n_envs": 0}` or `{"learning_rate": -1}` is refused with the key and
/// its range before an agent is built (a negative rate, zero environments or 10^8 of them would otherwise fail deep in
/// training, or allocate without bound). The bounds are generous: what fits in memory and time on one machine.
/// </summary>
public static class ConfigRanges
{
    /// <summary>Every problem with <paramref name="config"/>'s values (empty when usable); each names its key and range.</summary>
    public static IReadOnlyList<string> Problems(object config)
    {
        var problems = new List<string>();
        void Range(double value, string key, double min, double max, bool minExclusive = false)
        {
            if (!((minExclusive ? value > min : value >= min) && value <= max))
            {
                string low = minExclusive ? $"more than {Text(min)} and at most" : $"from {Text(min)} to";
                problems.Add($"{key} must be {low} {Text(max)} (got {Text(value)})");
            }
        }
        void Rate(Schedule schedule, string key) => Range(schedule.Start, key, 0, 10, minExclusive: true);
        void Arch(int[] layers, string key)
        {
            Range(layers.Length, key + " (layers)", 1, 16);
            foreach (int width in layers)
            {
                Range(width, key + "[]", 1, 4096);
            }
        }
        void Common(long steps, int evalFreq, int evalEpisodes, double gamma)
        {
            Range(steps, "n_timesteps", 1, 1e10);
            Range(evalFreq, "eval_freq", 0, 1e9);
            Range(evalEpisodes, "eval_episodes", 1, 100_000);
            Range(gamma, "gamma", 0, 1);
        }
        switch (config)
        {
            case PpoConfig p:
                Common(p.NTimesteps, p.EvalFreq, p.EvalEpisodes, p.Gamma);
                Range(p.NEnvs, "n_envs", 1, 1024);
                Range(p.NSteps, "n_steps", 1, 1_000_000);
                Range((double)p.NSteps * p.NEnvs, "n_steps × n_envs", 1, 10_000_000);
                Range(p.BatchSize, "batch_size", 1, 1_000_000);
                Range(p.NEpochs, "n_epochs", 1, 10_000);
                Range(p.GaeLambda, "gae_lambda", 0, 1);
                Rate(p.LearningRate, "learning_rate");
                Range(p.ClipRange.Start, "clip_range", 0, 10, minExclusive: true);
                if (p.ClipRangeVf is double vf)
                {
                    Range(vf, "clip_range_vf", 0, 1e6, minExclusive: true);
                }
                Range(p.EntCoef, "ent_coef", 0, 100);
                Range(p.VfCoef, "vf_coef", 0, 100);
                Range(p.MaxGradNorm, "max_grad_norm", 0, 1e9, minExclusive: true);
                Arch(p.NetArch, "net_arch");
                Range(p.LogStdInit, "log_std_init", -20, 20);
                Range(p.SdeSampleFreq, "sde_sample_freq", -1, 1e9);
                break;
            case DqnConfig d:
                Common(d.NTimesteps, d.EvalFreq, d.EvalEpisodes, d.Gamma);
                Rate(d.LearningRate, "learning_rate");
                Range(d.BufferSize, "buffer_size", 1, 10_000_000);
                Range(d.LearningStarts, "learning_starts", 0, 1e9);
                Range(d.BatchSize, "batch_size", 1, 65_536);
                Range(d.Tau, "tau", 0, 1, minExclusive: true);
                Range(d.TrainFreq, "train_freq", 1, 1e9);
                Range(d.GradientSteps, "gradient_steps", 1, 10_000);
                Range(d.TargetUpdateInterval, "target_update_interval", 1, 1e9);
                Range(d.ExplorationFraction, "exploration_fraction", 0, 1);
                Range(d.ExplorationInitialEps, "exploration_initial_eps", 0, 1);
                Range(d.ExplorationFinalEps, "exploration_final_eps", 0, 1);
                Range(d.MaxGradNorm, "max_grad_norm", 0, 1e9, minExclusive: true);
                Arch(d.NetArch, "net_arch");
                break;
            case SacConfig s:
                Common(s.NTimesteps, s.EvalFreq, s.EvalEpisodes, s.Gamma);
                Rate(s.LearningRate, "learning_rate");
                Range(s.BufferSize, "buffer_size", 1, 10_000_000);
                Range(s.LearningStarts, "learning_starts", 0, 1e9);
                Range(s.BatchSize, "batch_size", 1, 65_536);
                Range(s.Tau, "tau", 0, 1, minExclusive: true);
                Range(s.TrainFreq, "train_freq", 1, 1e9);
                Range(s.GradientSteps, "gradient_steps", 1, 10_000);
                Arch(s.NetArch, "net_arch");
                Range(s.LogStdInit, "log_std_init", -20, 20);
                Range(s.SdeSampleFreq, "sde_sample_freq", -1, 1e9);
                if (!EntCoefIsValid(s.EntCoef))
                {
                    problems.Add($"ent_coef must be \"auto\", \"auto_X\" or a number, X and the number above 0 (got \"{s.EntCoef}\")");
                }
                break;
        }
        return problems;
    }

    /// <summary>Throws when <see cref="Problems"/> finds any.</summary>
    /// <exception cref="ZeroException">A value is out of range; the message lists each key with its range.</exception>
    public static void Validate(object config, string source)
    {
        IReadOnlyList<string> problems = Problems(config);
        if (problems.Count > 0)
        {
            throw new ZeroException($"{source}: {string.Join("; ", problems)}.");
        }
    }

    private static bool EntCoefIsValid(string text)
    {
        string number = text.StartsWith("auto", StringComparison.Ordinal) ? (text == "auto" ? "1" : text.StartsWith("auto_", StringComparison.Ordinal) ? text[5..] : "") : text;
        return double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v) && v > 0 && double.IsFinite(v);
    }

    private static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
