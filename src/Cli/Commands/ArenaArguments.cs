using System.Globalization;
using Zero.Arena.Engines;
using Zero.Arena.Play;
using Zero.Arena.Statistics;
using Zero.Arena.Tournaments;
using Zero.Games;

namespace Zero.Cli.Commands;

/// <summary>
/// The command line of `zero arena` in fastchess's shape: options that take `key=value` groups (`--engine`, `--each`,
/// `--openings`, `--sprt`, `--draw`, `--resign`) read every following token up to the next `--option`. Parsed by
/// hand because a repeated option owning a group of words is not something System.CommandLine expresses. Every
/// mistake is a <see cref="UsageException"/> that names the option and shows the form.
/// </summary>
internal sealed record ArenaArguments
{
    public string Game { get; init; } = "chess";
    public List<List<string>> Engines { get; } = [];
    public List<string> Each { get; } = [];
    public TournamentKind Kind { get; init; } = TournamentKind.RoundRobin;
    public int Rounds { get; init; } = 1;
    public int GamesPerRound { get; init; } = 2;
    public int Concurrency { get; init; } = 1;
    public string? OpeningFile { get; init; }
    public string? OpeningFormat { get; init; }
    public bool RandomOrder { get; init; }
    public int? OpeningPlies { get; init; }
    public int OpeningStart { get; init; }
    public int Seed { get; init; } = 1;
    public Sprt? Sprt { get; init; }
    public Adjudication Adjudication { get; init; } = Adjudication.None;
    public string? PgnOut { get; init; }
    public string? Database { get; init; }
    public bool Recover { get; init; }
    public int ReportEvery { get; init; } = 10;
    public bool Json { get; init; }

    public static ArenaArguments Parse(IReadOnlyList<string> args)
    {
        var a = new ArenaArguments();
        int i = 0;
        List<string> Group()
        {
            var words = new List<string>();
            while (i < args.Count && !args[i].StartsWith("--", StringComparison.Ordinal))
            {
                words.Add(args[i++]);
            }
            return words;
        }
        string One(string option)
        {
            if (i >= args.Count || args[i].StartsWith("--", StringComparison.Ordinal))
            {
                throw new UsageException($"{option} needs a value");
            }
            return args[i++];
        }
        int Int(string option, int min)
        {
            string text = One(option);
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) && v >= min
                ? v : throw new UsageException($"{option} {text}: give a whole number of {min} or more");
        }
        while (i < args.Count)
        {
            string option = args[i++];
            switch (option)
            {
                case "--game":
                    string game = GameCatalog.Normalize(One(option));
                    a = GameCatalog.IsKnown(game) ? a with { Game = game } : throw new UsageException($"--game {game}: choose one of {string.Join(", ", GameCatalog.Names)}");
                    break;
                case "--engine": a.Engines.Add(Group()); break;
                case "--each": a.Each.AddRange(Group()); break;
                case "--rounds": a = a with { Rounds = Int(option, 1) }; break;
                case "--games":
                    int games = Int(option, 1);
                    a = games <= 2 ? a with { GamesPerRound = games } : throw new UsageException($"--games {games}: give 1 or 2 games per round (2: each opening with colours swapped); more games come from --rounds");
                    break;
                case "--concurrency": a = a with { Concurrency = Int(option, 1) }; break;
                case "--tournament":
                    string kind = One(option).ToLowerInvariant();
                    a = a with
                    {
                        Kind = kind switch
                        {
                            "roundrobin" or "round-robin" => TournamentKind.RoundRobin,
                            "gauntlet" => TournamentKind.Gauntlet,
                            _ => throw new UsageException($"--tournament {kind}: choose roundrobin or gauntlet"),
                        },
                    };
                    break;
                case "--openings": a = ParseOpenings(a, Group()); break;
                case "--srand": a = a with { Seed = Int(option, 0) }; break;
                case "--sprt": a = a with { Sprt = ParseSprt(Group()) }; break;
                case "--draw":
                    var draw = Pairs(option, Group(), "movenumber", "movecount", "score");
                    a = a with { Adjudication = a.Adjudication with { DrawMoveNumber = draw.GetValueOrDefault("movenumber", 0), DrawMoveCount = Required(option, draw, "movecount"), DrawScore = Required(option, draw, "score") } };
                    break;
                case "--resign":
                    var group = Group();
                    bool twoSided = group.Remove("twosided=true");
                    group.Remove("twosided=false");
                    var resign = Pairs(option, group, "movecount", "score");
                    a = a with { Adjudication = a.Adjudication with { ResignMoveCount = Required(option, resign, "movecount"), ResignScore = Required(option, resign, "score"), ResignTwoSided = twoSided } };
                    break;
                case "--maxmoves": a = a with { Adjudication = a.Adjudication with { MaxPlies = 2 * Int(option, 1) } }; break;
                case "--pgnout":
                    string pgn = One(option);
                    a = a with { PgnOut = pgn.StartsWith("file=", StringComparison.Ordinal) ? pgn["file=".Length..] : pgn };
                    break;
                case "--db": a = a with { Database = One(option) }; break;
                case "--recover": a = a with { Recover = true }; break;
                case "--report": a = a with { ReportEvery = Int(option, 0) }; break;
                case "--json": a = a with { Json = true }; break;
                default:
                    throw new UsageException($"unknown option '{option}': see 'zero arena --help'");
            }
        }
        if (a.Engines.Count < 2)
        {
            throw new UsageException("give two or more participants, each with --engine (e.g. --engine cmd=stockfish name=sf --engine player=random)");
        }
        if (a.Sprt is not null && a.GamesPerRound != 2)
        {
            throw new UsageException("--sprt counts pairs of games: use --games 2");
        }
        return a;
    }

    private static ArenaArguments ParseOpenings(ArenaArguments a, List<string> words)
    {
        foreach (string w in words)
        {
            int eq = w.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? w : w[..eq], value = eq < 0 ? "" : w[(eq + 1)..];
            a = key switch
            {
                "file" => a with { OpeningFile = value },
                "format" => value is "epd" or "pgn" or "moves" ? a with { OpeningFormat = value } : throw new UsageException($"--openings format={value}: choose epd, pgn or moves"),
                "order" => value is "random" or "sequential" ? a with { RandomOrder = value == "random" } : throw new UsageException($"--openings order={value}: choose random or sequential"),
                "plies" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int plies) ? a with { OpeningPlies = plies } : throw new UsageException($"--openings plies={value}: give a number of plies"),
                "start" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int start) && start >= 1 ? a with { OpeningStart = start - 1 } : throw new UsageException($"--openings start={value}: give the first opening's number, from 1"),
                _ => throw new UsageException($"--openings {w}: use file=, format=epd|pgn|moves, order=random|sequential, plies=N, start=N"),
            };
        }
        return a;
    }

    private static Sprt ParseSprt(List<string> words)
    {
        double elo0 = 0, elo1 = 5, alpha = 0.05, beta = 0.05;
        SprtModel model = SprtModel.Normalized;
        foreach (string w in words)
        {
            int eq = w.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? w : w[..eq], value = eq < 0 ? "" : w[(eq + 1)..];
            if (key == "model")
            {
                model = value switch
                {
                    "normalized" => SprtModel.Normalized,
                    "logistic" => SprtModel.Logistic,
                    _ => throw new UsageException($"--sprt model={value}: choose normalized or logistic"),
                };
                continue;
            }
            if (!double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x))
            {
                throw new UsageException($"--sprt {w}: write elo0=0 elo1=5 alpha=0.05 beta=0.05 [model=normalized|logistic]");
            }
            switch (key)
            {
                case "elo0": elo0 = x; break;
                case "elo1": elo1 = x; break;
                case "alpha": alpha = x; break;
                case "beta": beta = x; break;
                default: throw new UsageException($"--sprt {w}: write elo0=0 elo1=5 alpha=0.05 beta=0.05 [model=normalized|logistic]");
            }
        }
        var sprt = new Sprt(elo0, elo1, alpha, beta, model);
        return sprt.Problem() is { } problem ? throw new UsageException($"--sprt {problem}") : sprt;
    }

    private static Dictionary<string, int> Pairs(string option, List<string> words, params string[] keys)
    {
        var values = new Dictionary<string, int>();
        foreach (string w in words)
        {
            int eq = w.IndexOf('=', StringComparison.Ordinal);
            string key = eq < 0 ? w : w[..eq];
            if (eq < 0 || !keys.Contains(key) || !int.TryParse(w[(eq + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out int v))
            {
                throw new UsageException($"{option} {w}: write {string.Join(' ', keys.Select(k => k + "=N"))}");
            }
            values[key] = v;
        }
        return values;
    }

    private static int Required(string option, Dictionary<string, int> values, string key) =>
        values.TryGetValue(key, out int v) ? v : throw new UsageException($"{option} needs {key}=N");
}
