using System.Globalization;
using System.Text;
using Zero.Search.Mcts;

namespace Zero.Uci.Protocol;

/// <summary>
/// The catalogue of `zero uci` options, each declared exactly once. <see cref="UciEngine"/> lists them after `uci`
/// and applies `setoption`; UciCommand turns each into a command-line flag; <see cref="Markdown"/> writes
/// docs/options.md (a test checks the file is current; `zero uci --options-doc` regenerates it).
/// Decimal search parameters are spins scaled by 100, as UCI has no float type (CPuct 125 means 1.25).
/// </summary>
public static class EngineOptions
{
    public static readonly UciOption Threads = FromSearch(SearchParameters.Threads, uciDefault: 2);

    public static readonly UciOption Hash = new("Hash", UciOptionType.Spin, "256",
        "Memory cap of the search tree in MiB (about 34 bytes a node); the search keeps going inside a full tree and `hashfull` reports how full it is.", 1, 65536);

    public static readonly UciOption WeightsFile = new("WeightsFile", UciOptionType.String, "<autodiscover>",
        "Network weights for chess; `<autodiscover>` picks the shipped chess network under weights/ when one exists and the built-in heuristic evaluator otherwise; `heuristic` forces the heuristic.");

    public static readonly UciOption MultiPv = new("MultiPV", UciOptionType.Spin, "1",
        "Number of best moves reported in `info` lines (most visited first).", 1, 500);

    public static readonly UciOption Ponder = new("Ponder", UciOptionType.Check, "false",
        "Tells the GUI that the engine may think on the opponent's time (`go ponder`, then `ponderhit` or `stop`).");

    public static readonly UciOption MoveOverhead = new("MoveOverhead", UciOptionType.Spin, "100",
        "Milliseconds kept back from every move for the GUI and the operating system (raise it if the engine loses on time over a network).", 0, 10000);

    public static readonly UciOption Slowmover = new("Slowmover", UciOptionType.Spin, "100",
        "Percent of the normal time budget to spend per move (less thinks faster, more slower).", 10, 1000);

    public static readonly UciOption ShowWdl = new("UCI_ShowWDL", UciOptionType.Check, "false",
        "Adds `wdl W D L` (per mille, from the engine's point of view) to `info` lines.");

    public static readonly UciOption NodesPerMove = new("NodesPerMove", UciOptionType.Spin, "0",
        "Limits strength: at most this many playouts per move (0 = no limit); `go nodes` can only lower it.", 0, 1_000_000_000);

    public static readonly UciOption CPuct = FromSearch(SearchParameters.CInit);

    public static readonly UciOption CPuctBase = FromSearch(SearchParameters.CBase);

    public static readonly UciOption FpuReduction = FromSearch(SearchParameters.FpuReduction);

    public static readonly UciOption PolicyTemperature = FromSearch(SearchParameters.PolicyTemperature);

    public static readonly UciOption MinibatchSize = FromSearch(SearchParameters.BatchSize);

    /// <summary>On by default in the engine (1.33, Lc0's value): a GUI's clock rewards stopping a decided search early.</summary>
    public static readonly UciOption SmartPruningFactor = FromSearch(SearchParameters.SmartPruningFactor, uciDefault: 1.33);

    public static readonly UciOption Solver = new("Solver", UciOptionType.Check, "true",
        "MCTS-solver: proves wins, losses and draws inside the search tree, plays a proven mate at once, never a proven loss while another move is open, and reports them as `mate N`.");

    public static readonly UciOption Seed = FromSearch(SearchParameters.Seed);

    /// <summary>
    /// The UCI option of a search parameter: same name, range and meaning; a parameter with decimals becomes a spin
    /// × 10^decimals (UCI has no float type); <paramref name="uciDefault"/> where the engine's default differs.
    /// </summary>
    private static UciOption FromSearch(SearchParameter p, double? uciDefault = null)
    {
        int scale = (int)Math.Pow(10, p.Decimals);
        string Scaled(double v) => ((long)Math.Round(v * scale)).ToString(CultureInfo.InvariantCulture);
        long min = (long)Math.Round(p.Min * scale) + (p.MinExclusive ? 1 : 0);
        string help = scale == 1 ? p.Help : $"× {scale}: {p.Help}";
        return new UciOption(p.UciName!, UciOptionType.Spin, Scaled(uciDefault ?? p.Default), help, min, (long)Math.Round(p.Max * scale), Scale: scale);
    }

    /// <summary>Every option, in the order `uci` lists them.</summary>
    public static IReadOnlyList<UciOption> All { get; } =
    [
        Threads, Hash, WeightsFile, MultiPv, Ponder, MoveOverhead, Slowmover, ShowWdl, NodesPerMove,
        CPuct, CPuctBase, FpuReduction, PolicyTemperature, MinibatchSize, SmartPruningFactor, Solver, Seed,
    ];

    /// <summary>Bytes one tree node costs (the 32-byte node plus its 2-byte move), to turn Hash into a node cap.</summary>
    public const int BytesPerNode = 34;

    /// <summary>Finds an option by its UCI name, ignoring case; null when unknown.</summary>
    public static UciOption? Find(string name) =>
        All.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The search parameters these option values give.</summary>
    public static MctsOptions ToMctsOptions(OptionValues values)
    {
        long nodes = values.GetLong(Hash) * (1L << 20) / BytesPerNode;
        return new MctsOptions
        {
            Threads = (int)values.GetLong(Threads),
            BatchSize = (int)values.GetLong(MinibatchSize),
            CInit = values.GetDouble(CPuct),
            CBase = values.GetDouble(CPuctBase),
            Fpu = FpuMode.Reduction,
            FpuValue = (float)values.GetDouble(FpuReduction),
            PolicyTemperature = (float)values.GetDouble(PolicyTemperature),
            SmartPruningFactor = values.GetDouble(SmartPruningFactor),
            Solver = values.GetBool(Solver),
            MaxNodes = (int)Math.Clamp(nodes, 1024, int.MaxValue / 2),
            OnMemoryFull = MemoryFullBehavior.KeepSearching,
            Seed = (int)values.GetLong(Seed),
            ReuseTree = true,
        };
    }

    /// <summary>docs/options.md: a table with one row per option, generated from the declarations above.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# Engine options\n\n");
        sb.Append("Generated from src/Uci/Protocol/EngineOptions.cs by `zero uci --options-doc` (a test keeps this file current).\n");
        sb.Append("Each option is a UCI option (`setoption name <Name> value <v>`) and a flag of `zero uci`\n");
        sb.Append("(`zero uci --threads 4`). Decimal parameters are integers × 100, as UCI spins are integers.\n\n");
        sb.Append("| UCI name | flag | type | default | range | meaning |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (UciOption o in All)
        {
            sb.Append(o.MarkdownRow()).Append('\n');
        }
        sb.Append('\n').Append(SearchParameters.Markdown());
        return sb.ToString();
    }
}
