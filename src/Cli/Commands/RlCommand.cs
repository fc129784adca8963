using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Zero.Cli.Validation;
using Zero.Rl.Algorithms;
using Zero.Rl.ClassicControl;
using Zero.Rl.Training;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero rl train &lt;algorithm&gt; &lt;env&gt;` (any <see cref="AgentCatalog"/> entry) and `zero rl eval &lt;model&gt;`: the SB3-style front door of the RL core.
/// Train writes a run folder (model.zrl, config.json, curve.csv, curve.svg) and names it on its last line; eval
/// prints mean ± std of deterministic episodes (or JSON).
/// </summary>
internal static class RlCommand
{
    public static Command Create()
    {
        var rl = new Command("rl", $"Reinforcement learning on classic-control environments: train {AgentCatalog.Names}, evaluate saved models.");
        rl.Subcommands.Add(Train());
        rl.Subcommands.Add(Eval());
        rl.Subcommands.Add(Options());
        return rl;
    }

    private static Command Train()
    {
        var algo = new Argument<string>("algorithm") { Description = AgentCatalog.Names + "." };
        var env = new Argument<string>("env") { Description = "Environment id: " + string.Join(", ", ClassicControlCatalog.All.Select(e => e.Id)) + "." };
        var steps = Checked.OptionalLong("--steps", "Environment steps to train (default: the preset's budget)", 1, 10_000_000_000);
        var seed = new Option<int>("--seed") { Description = "Seed of initialisation, exploration and environments.", DefaultValueFactory = _ => 1 };
        var config = new Option<string?>("--config") { Description = "JSON file of hyper-parameters (SB3 names, e.g. {\"learning_rate\": \"lin_1e-3\"}) applied over the preset." };
        var output = new Option<string?>("--out")
        {
            Description = "Path of the model file (default: model.zrl in a new run folder under runs/); config and curve go beside it as NAME.config.json, NAME.curve.csv, NAME.curve.svg.",
        };
        var episodes = Checked.Int("--eval-episodes", "Deterministic evaluation episodes after training (0: skip)", 10, 0, 100_000);
        var cmd = new Command("train", "Train an agent with the shipped preset for the environment; prints progress, writes model, config and learning curve.")
        {
            algo, env, steps, seed, config, output, episodes,
        };
        cmd.SetAction(parse =>
        {
            string a = parse.GetValue(algo)!.ToLowerInvariant();
            string envId;
            try
            {
                envId = ClassicControlCatalog.Find(parse.GetValue(env)!).Id;
            }
            catch (ZeroException e)
            {
                throw new UsageException(e.Message);
            }
            string? configPath = parse.GetValue(config);
            string? overlay = null;
            if (configPath is not null)
            {
                overlay = File.ReadAllText(CliPaths.RequireInputFile(configPath, "--config", "a JSON object of SB3 keys; `zero rl options` lists them"));
            }
            string? outPath = parse.GetValue(output);
            if (outPath is not null)
            {
                CliPaths.RequireOutputFile(outPath, "--out", createsFolder: true);
            }
            int s = parse.GetValue(seed);
            TextWriter o = parse.InvocationConfiguration.Output;
            TextWriter err = parse.InvocationConfiguration.Error;
            var curve = new LearningCurve();
            var bar = new ProgressLine(err);
            void Report(TrainingProgress p)
            {
                curve.Add(p);
                bar.Update(p);
            }

            AgentCatalog.Entry algorithm;
            IAgentConfig usedConfig;
            try
            {
                algorithm = AgentCatalog.Find(a);
                usedConfig = algorithm.Preset(envId);
            }
            catch (ZeroException e)
            {
                throw new UsageException(e.Message);
            }
            try
            {
                usedConfig = overlay is null ? usedConfig : ConfigFile.Apply(usedConfig, overlay, configPath!);
            }
            catch (ZeroException e)
            {
                throw new UsageException(e.Message); // a bad key or value in --config: usage, exit 2
            }
            IAgent agent = algorithm.Create(envId, usedConfig, s);
            long total = parse.GetValue(steps) ?? usedConfig.NTimesteps;
            agent.Learn(total, Report);
            bar.Finish();

            // The named output and its side files only: --out DIR/x.zrl writes x.zrl, x.config.json, x.curve.csv and
            // x.curve.svg, each through a temporary file and a rename, and nothing else in DIR.
            string modelPath = outPath ?? Path.Combine(NewRunFolder(a, envId, s), "model.zrl");
            string folder = Path.GetDirectoryName(Path.GetFullPath(modelPath))!;
            string stem = outPath is null ? "" : Path.GetFileNameWithoutExtension(modelPath) + ".";
            Directory.CreateDirectory(folder);
            agent.Save(modelPath);
            string csv = Path.Combine(folder, stem + "curve.csv"), svg = Path.Combine(folder, stem + "curve.svg");
            AtomicFile.WriteAllText(Path.Combine(folder, stem + "config.json"), JsonSerializer.Serialize(usedConfig, usedConfig.GetType(), ModelFile.Json));
            AtomicFile.WriteAllText(csv, curve.ToCsv());
            AtomicFile.WriteAllText(svg, curve.ToSvg($"{a.ToUpperInvariant()} on {envId}, seed {s}", ClassicControlCatalog.Find(envId).RewardThreshold));
            if (agent.KeptEvaluation is { } kept)
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"kept the weights of step {kept.Step:N0} (best evaluation during training: {kept.Mean:F2})"));
            }
            int evalEpisodes = parse.GetValue(episodes);
            if (evalEpisodes > 0)
            {
                EpisodeReturns r = Evaluation.Run(agent, evalEpisodes);
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"eval: {r.Mean:F2} ± {r.Std:F2} over {evalEpisodes} deterministic episodes"));
            }
            o.WriteLine($"trained {total:N0} steps; curve: {csv}, {svg}");
            o.WriteLine($"model: {modelPath}");
            return ZeroCli.Success;
        });
        return cmd;
    }

    /// <summary>runs/&lt;algo&gt;-&lt;env&gt;-seed&lt;S&gt;, with -2, -3, … appended when taken.</summary>
    private static string NewRunFolder(string algo, string env, int seed)
    {
        string baseName = Path.Combine("runs", $"{algo}-{env}-seed{seed}");
        string name = baseName;
        for (int i = 2; Directory.Exists(name); i++)
        {
            name = $"{baseName}-{i}";
        }
        return name;
    }

    private static Command Eval()
    {
        var model = new Argument<string>("model") { Description = "A model file written by `zero rl train`." };
        var episodes = Checked.Int("--episodes", "Episodes to run", 10, 1, 100_000);
        var seed = new Option<int>("--seed") { Description = "Seed of the first episode's reset (episode i uses seed + i).", DefaultValueFactory = _ => 1_000_000 };
        var json = new Option<bool>("--json") { Description = "Print {\"env\", \"episodes\", \"mean_return\", \"std_return\"} as JSON." };
        var cmd = new Command("eval", "Run the deterministic policy of a saved model and print mean ± std return.") { model, episodes, seed, json };
        cmd.SetAction(parse =>
        {
            int n = parse.GetValue(episodes);
            IAgent agent = AgentFile.Load(CliPaths.RequireInputFile(parse.GetValue(model)!, "model", "a .zrl file written by `zero rl train`"));
            EpisodeReturns r = Evaluation.Run(agent, n, parse.GetValue(seed));
            TextWriter o = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                o.WriteLine(JsonSerializer.Serialize(new { env = agent.EnvironmentId, episodes = n, mean_return = r.Mean, std_return = r.Std }));
            }
            else
            {
                o.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{agent.Algorithm} on {agent.EnvironmentId}: {r.Mean:F2} ± {r.Std:F2} over {n} deterministic episodes"));
            }
            return ZeroCli.Success;
        });
        return cmd;
    }

    private static Command Options()
    {
        var algo = new Argument<string?>("algorithm") { Description = AgentCatalog.Names + " (none: every algorithm).", Arity = ArgumentArity.ZeroOrOne };
        var env = new Argument<string?>("env") { Description = "An environment id: print that preset as a complete config file for --config.", Arity = ArgumentArity.ZeroOrOne };
        var doc = new Option<bool>("--doc") { Description = "Print docs/rl-options.md (every key of every algorithm and each preset's changes) and exit." };
        var cmd = new Command("options", "List the --config keys of an algorithm with defaults and meanings, or print an environment's preset as a config file.") { algo, env, doc };
        cmd.SetAction(parse =>
        {
            TextWriter o = parse.InvocationConfiguration.Output;
            string? a = parse.GetValue(algo)?.ToLowerInvariant();
            string? e = parse.GetValue(env);
            try
            {
                if (parse.GetValue(doc) || a is null)
                {
                    o.Write(ConfigReference.Markdown());
                }
                else if (e is null)
                {
                    o.Write(ConfigReference.Table(a));
                }
                else
                {
                    o.WriteLine(ConfigReference.Preset(a, e).ToJsonString(ModelFile.Json));
                }
            }
            catch (ZeroException ex)
            {
                throw new UsageException(ex.Message);
            }
            return ZeroCli.Success;
        });
        return cmd;
    }
}
