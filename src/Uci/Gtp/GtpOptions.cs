using System.Text;
using Zero.Search.Mcts;
using Zero.Uci.Protocol;

namespace Zero.Uci.Gtp;

/// <summary>
/// The catalogue of `zero gtp` options, each declared exactly once (the same <see cref="UciOption"/> record `zero uci`
/// uses). From each declaration come the `zero gtp --flag`, the `lz-setoption name X value Y` command, the row of
/// docs/gtp-options.md (<see cref="Markdown"/>; a test keeps it current, `zero gtp --options-doc` regenerates it) and
/// the validation of the values. Read by <see cref="GtpEngine"/>.
/// </summary>
public static class GtpOptions
{
    public static readonly UciOption Threads = new("Threads", UciOptionType.Spin, "2",
        "Search threads; each gathers MinibatchSize leaves per evaluator call.", 1, 256);

    public static readonly UciOption Memory = new("Memory", UciOptionType.Spin, "512",
        "Memory cap of the search tree in MiB (about 34 bytes a node); a full tree keeps searching without growing.", 16, 65536);

    public static readonly UciOption Playouts = new("Playouts", UciOptionType.Spin, "800",
        "At most this many playouts per genmove (0 = no limit: the clock decides, or 800 without a clock). Analysis commands are not limited.", 0, 1_000_000_000);

    public static readonly UciOption Weights = new("Weights", UciOptionType.String, "<autodiscover>",
        "Go network: `<autodiscover>` loads weights/go<N>.weights for an N×N board when the checkout has one and the light-rollout evaluator otherwise; `rollout` forces the rollout evaluator; or a weights file.");

    public static readonly UciOption Rules = new("Rules", UciOptionType.Combo, "chinese",
        "Rule set: chinese (area scoring, suicide illegal, positional superko) or tromp-taylor (suicide legal, no handicap compensation).",
        Choices: ["chinese", "tromp-taylor"]);

    public static readonly UciOption MoveOverhead = new("MoveOverhead", UciOptionType.Spin, "250",
        "Milliseconds kept back from every move for the controller, pipes and the operating system (raise it over a network).", 0, 10000);

    public static readonly UciOption ResignPercent = new("ResignPercent", UciOptionType.Spin, "0",
        "Resign when the searched winrate of the best move is below this percentage after the opening (0 = never resign).", 0, 50);

    public static readonly UciOption MinibatchSize = new("MinibatchSize", UciOptionType.Spin, "8",
        "Leaves each thread gathers per evaluator call (virtual loss spreads them).", 1, 1024);

    public static readonly UciOption CPuct = new("CPuct", UciOptionType.Spin, "125",
        "PUCT exploration constant c_init × 100 (125 = 1.25).", 0, 10000, Scale: 100);

    public static readonly UciOption Seed = new("Seed", UciOptionType.Spin, "0",
        "Seed of the search and of the rollouts (with Threads 1 a fixed seed repeats a search exactly).", 0, int.MaxValue);

    /// <summary>Every option, in the order the docs list them.</summary>
    public static IReadOnlyList<UciOption> All { get; } =
        [Threads, Memory, Playouts, Weights, Rules, MoveOverhead, ResignPercent, MinibatchSize, CPuct, Seed];

    /// <summary>Playouts per move when neither a playout limit nor a clock is set.</summary>
    public const int DefaultPlayouts = 800;

    /// <summary>The search parameters these option values give.</summary>
    public static MctsOptions ToMctsOptions(OptionValues values)
    {
        long nodes = values.GetLong(Memory) * (1L << 20) / EngineOptions.BytesPerNode;
        return new MctsOptions
        {
            Threads = (int)values.GetLong(Threads),
            BatchSize = (int)values.GetLong(MinibatchSize),
            CInit = values.GetDouble(CPuct),
            MaxNodes = (int)Math.Clamp(nodes, 1024, int.MaxValue / 2),
            OnMemoryFull = MemoryFullBehavior.KeepSearching,
            Seed = (int)values.GetLong(Seed),
            ReuseTree = true,
            Solver = true,
        };
    }

    /// <summary>docs/gtp-options.md: one row per option, generated from the declarations above.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.Append("# `zero gtp` options\n\n");
        sb.Append("Generated from src/Uci/Gtp/GtpOptions.cs by `zero gtp --options-doc` (a test keeps this file current).\n");
        sb.Append("Each option is a flag of `zero gtp` (`zero gtp --playouts 1600`) and can be changed during a session with\n");
        sb.Append("`lz-setoption name <Name> value <v>`. Decimal parameters are integers × 100. The UCI engine's options are in\n");
        sb.Append("[options.md](options.md).\n\n");
        sb.Append("| name | flag | type | default | range | meaning |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (UciOption o in All)
        {
            sb.Append(o.MarkdownRow()).Append('\n');
        }
        return sb.ToString();
    }
}
