using System.Globalization;
using System.Text;
using Zero.Search.Mcts;

namespace Zero.Uci.Uci;

/// <summary>
/// The catalogue of `zero uci` options, each declared exactly once. <see cref="UciEngine"/> lists them after `uci`
/// and applies `setoption`; UciCommand turns each into a command-line flag; <see cref="Markdown"/> writes
/// docs/options.md (a test checks the file is current; `zero uci --options-doc` regenerates it).
/// Decimal search parameters are spins scaled by 100, as UCI has no float type (CPuct 125 means 1.25).
/// </summary>
public static class EngineOptions
{
    public static readonly UciOption Threads = new("Threads", UciOptionType.Spin, "2",
        "Search threads; each gathers MinibatchSize leaves per evaluator call.", 1, 256);

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

    public static readonly UciOption CPuct = new("CPuct", UciOptionType.Spin, "125",
        "PUCT exploration constant c_init × 100 (125 = 1.25, AlphaZero's value).", 0, 10000, Scale: 100);

    public static readonly UciOption CPuctBase = new("CPuctBase", UciOptionType.Spin, "19652",
        "PUCT c_base: exploration grows as ln((1 + N + c_base) / c_base) + c_init.", 1, 100_000_000);

    public static readonly UciOption FpuReduction = new("FpuReduction", UciOptionType.Spin, "25",
        "First-play urgency × 100: an unvisited move counts as the parent's Q minus this times √(visited policy).", 0, 1000, Scale: 100);

    public static readonly UciOption PolicyTemperature = new("PolicyTemperature", UciOptionType.Spin, "100",
        "Softmax temperature × 100 of the evaluator's policy (above 100 flattens the priors).", 1, 10000, Scale: 100);

    public static readonly UciOption MinibatchSize = new("MinibatchSize", UciOptionType.Spin, "16",
        "Leaves each thread gathers per evaluator call (virtual loss spreads them).", 1, 1024);

    public static readonly UciOption SmartPruningFactor = new("SmartPruningFactor", UciOptionType.Spin, "133",
        "× 100: stop a timed or node-limited search early when no other move can overtake the best in the remaining playouts divided by this (0 = off).", 0, 10000, Scale: 100);

    public static readonly UciOption Solver = new("Solver", UciOptionType.Check, "true",
        "MCTS-solver: proves wins, losses and draws inside the search tree, plays a proven mate at once, never a proven loss while another move is open, and reports them as `mate N`.");

    public static readonly UciOption Seed = new("Seed", UciOptionType.Spin, "0",
        "Seed of the search's random source (with Threads 1 a fixed seed repeats a search exactly).", 0, int.MaxValue);

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
        sb.Append("Generated from src/Uci/Uci/EngineOptions.cs by `zero uci --options-doc` (a test keeps this file current).\n");
        sb.Append("Each option is a UCI option (`setoption name <Name> value <v>`) and a flag of `zero uci`\n");
        sb.Append("(`zero uci --threads 4`). Decimal parameters are integers × 100, as UCI spins are integers.\n\n");
        sb.Append("| UCI name | flag | type | default | range | meaning |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (UciOption o in All)
        {
            sb.Append(o.MarkdownRow()).Append('\n');
        }
        return sb.ToString();
    }
}
