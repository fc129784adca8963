using System.Text;

namespace Zero.Search.Mcts;

/// <summary>
/// The catalogue of search parameters, each declared exactly once (<see cref="SearchParameter"/>): AlphaZero's values
/// where it has one. <see cref="MctsOptions"/> takes its defaults and its check from here; Zero.Uci's EngineOptions
/// derives its search options, RunConfig its selfPlay.* checks, `zero analyze` its flags, and docs/options.md the
/// table of <see cref="Markdown"/>.
/// </summary>
public static class SearchParameters
{
    public static readonly SearchParameter CInit = new("cInit", "CPuct", 1.25, 0, 100,
        "PUCT exploration constant c_init (AlphaZero 1.25).", Decimals: 2);

    public static readonly SearchParameter CBase = new("cBase", "CPuctBase", 19652, 1, 100_000_000,
        "PUCT c_base: exploration grows as ln((1 + N + c_base) / c_base) + c_init (AlphaZero 19652).");

    public static readonly SearchParameter FpuValue = new("fpuValue", null, 0, -1, 1,
        "First-play urgency: the value an unvisited move counts as (AlphaZero 0, a draw); analyze, self-play, eval, match and play.", Decimals: 2);

    public static readonly SearchParameter FpuReduction = new("fpuReduction", "FpuReduction", 0.25, 0, 10,
        "First-play urgency of the UCI chess engine: an unvisited move counts as the parent's Q minus this times √(visited policy) (Lc0's rule).", Decimals: 2);

    public static readonly SearchParameter PolicyTemperature = new("policyTemperature", "PolicyTemperature", 1, 0.01, 100,
        "Softmax temperature of the evaluator's policy (above 1 flattens the priors).", Decimals: 2);

    public static readonly SearchParameter Threads = new("threads", "Threads", 1, 1, MctsOptions.MaxThreads,
        "Search threads; each gathers the batch size of leaves per evaluator call.");

    public static readonly SearchParameter BatchSize = new("batchSize", "MinibatchSize", 16, 1, MctsOptions.MaxBatchSize,
        "Leaves each thread gathers per evaluator call (virtual loss spreads them); 1 = textbook sequential MCTS.");

    public static readonly SearchParameter SmartPruningFactor = new("smartPruningFactor", "SmartPruningFactor", 0, 0, 100,
        "Stop a limited search early when no other move can overtake the best in the remaining playouts divided by this (0 = off).", Decimals: 2);

    public static readonly SearchParameter DirichletAlpha = new("dirichletAlpha", null, 0.3, 0, 100,
        "Root noise Dirichlet alpha, about 10 / typical number of legal moves (self-play).", Decimals: 2, MinExclusive: true);

    public static readonly SearchParameter NoiseFraction = new("noiseFraction", null, 0.25, 0, 1,
        "Share of the root prior replaced by Dirichlet noise (AlphaZero 0.25; self-play).", Decimals: 2);

    public static readonly SearchParameter Seed = new("seed", "Seed", 0, 0, int.MaxValue,
        "Seed of the search's random source (with one thread a fixed seed repeats a search exactly).");

    /// <summary>Every parameter, in the order docs/options.md lists them.</summary>
    public static IReadOnlyList<SearchParameter> All { get; } =
        [CInit, CBase, FpuValue, FpuReduction, PolicyTemperature, Threads, BatchSize, SmartPruningFactor, DirichletAlpha, NoiseFraction, Seed];

    /// <summary>The ones `zero analyze` takes as flags (threads and batch size come with their own analyze defaults).</summary>
    public static IReadOnlyList<SearchParameter> AnalyzeFlags { get; } = [CInit, CBase, FpuValue, PolicyTemperature];

    /// <summary>The ones a run config sets under selfPlay (config key = the parameter's key; the batch is selfPlay.searchBatch).</summary>
    public static IReadOnlyList<SearchParameter> SelfPlayKeys { get; } = [CInit, CBase, FpuValue, DirichletAlpha, NoiseFraction];

    /// <summary>The table of docs/options.md's search section.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("## Search parameters\n\n");
        sb.Append("Generated from src/Search/Mcts/SearchParameters.cs, where each is declared once: the MctsOptions default and check,\n");
        sb.Append("the UCI option above (× 100 where it has decimals), the self-play config key `selfPlay.<key>` and the `zero analyze` flag.\n\n");
        sb.Append("| key | UCI option | analyze flag | config key | default | range | meaning |\n");
        sb.Append("|---|---|---|---|---|---|---|\n");
        foreach (SearchParameter p in All)
        {
            string uci = p.UciName ?? "—";
            string flag = AnalyzeFlags.Contains(p) || p == Threads ? $"`{p.CliFlag}`" : p == BatchSize ? "`--batch`" : "—";
            string config = SelfPlayKeys.Contains(p) ? $"`selfPlay.{p.Key}`" : p == BatchSize ? "`selfPlay.searchBatch` (at most 256)" : "—";
            sb.Append($"| {p.Key} | {uci} | {flag} | {config} | {p.DefaultText} | {p.RangeText} | {p.Help} |\n");
        }
        return sb.ToString();
    }
}
