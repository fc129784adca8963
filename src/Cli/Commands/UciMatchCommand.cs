using System.CommandLine;
using System.Globalization;
using Zero.Games;
using Zero.Games.Chess;
using Zero.Uci.Match;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero uci-match --games 20 --tc 10+0.1 --stockfish-skill 0`: plays complete games between `zero uci` (started as
/// a child process, exactly as a GUI would) and Stockfish at a low skill level, checking every move's legality and
/// both clocks, and prints each game and the score. A crash, an illegal move or a time forfeit by Zero (or an illegal pv move) makes the exit code 1.
/// </summary>
internal static class UciMatchCommand
{
    public static Command Create()
    {
        var games = new Option<int>("--games") { Description = "Games to play (colours alternate; 10 openings, each with both colours).", DefaultValueFactory = _ => 20 };
        var tc = new Option<string>("--tc") { Description = "Time control per side, seconds+increment (e.g. 10+0.1, 60, 3+2).", DefaultValueFactory = _ => "10+0.1" };
        var skill = new Option<int>("--stockfish-skill") { Description = "Stockfish's Skill Level, 0 (weakest) to 20.", DefaultValueFactory = _ => 0 };
        var stockfish = new Option<string>("--stockfish") { Description = "The Stockfish program (default: stockfish on PATH or /usr/games/stockfish)." };
        var engine = new Option<string>("--engine") { Description = "Zero's command line (default: this zero program with 'uci')." };
        var option = new Option<string[]>("--engine-option") { Description = "A UCI option for Zero as Name=Value (repeatable), e.g. Threads=1.", AllowMultipleArgumentsPerToken = false };
        var pgn = new Option<string>("--pgn") { Description = "Also write the games to this PGN file." };
        var command = new Command("uci-match", "Play games between 'zero uci' and Stockfish under a clock, checking every move; prints the score.")
        {
            games, tc, skill, stockfish, engine, option, pgn,
        };
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            int n = parse.GetValue(games);
            if (n < 1)
            {
                throw new UsageException($"--games {n}: give 1 or more games");
            }
            (TimeSpan baseTime, TimeSpan increment) = ParseTimeControl(parse.GetValue(tc)!);
            int level = parse.GetValue(skill);
            if (level is < 0 or > 20)
            {
                throw new UsageException($"--stockfish-skill {level}: give 0 to 20");
            }
            var engineOptions = new List<KeyValuePair<string, string>>();
            foreach (string pair in parse.GetValue(option) ?? [])
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new UsageException($"--engine-option '{pair}': write Name=Value, e.g. Threads=1");
                }
                engineOptions.Add(new(pair[..eq], pair[(eq + 1)..]));
            }
            var settings = new MatchSettings(
                n, baseTime, increment, EngineCommand(parse.GetValue(engine)), engineOptions,
                [parse.GetValue(stockfish) ?? ExternalProgram.Require("stockfish", "apt-get install -y stockfish")],
                [new("Skill Level", level.ToString(CultureInfo.InvariantCulture)), new("Threads", "1"), new("Hash", "16"), new("Move Overhead", "100")]);
            output.WriteLine($"zero uci-match: {n} games, {baseTime.TotalSeconds:0.###}+{increment.TotalSeconds:0.###} s, Stockfish Skill Level {level}");
            List<GameRecord> records = new UciMatch(settings, line =>
            {
                output.WriteLine(line);
                output.Flush();
            }).Run();
            double score = records.Sum(r => r.ZeroScore);
            int wins = records.Count(r => r.ZeroScore == 1), draws = records.Count(r => r.ZeroScore == 0.5), losses = records.Count(r => r.ZeroScore == 0);
            int abnormal = records.Count(r => r.ZeroFault);
            int opponentFaults = records.Count(r => r.Fault is not null && !r.ZeroFault);
            int badPv = records.Sum(r => r.IllegalPvMoves);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Score of Zero vs Stockfish (skill {level}): +{wins} ={draws} -{losses}, {score:0.#}/{records.Count} ({100 * score / records.Count:F1} %)"));
            output.WriteLine($"Zero's time forfeits, illegal moves and crashes: {abnormal}; illegal pv moves in Zero's info lines: {badPv}; Stockfish's: {opponentFaults}");
            foreach (GameRecord r in records.Where(r => r.Fault is not null))
            {
                output.WriteLine($"  game {r.Number}: {r.Reason}");
            }
            if (parse.GetValue(pgn) is { } path)
            {
                File.WriteAllText(path, string.Concat(records.Select(r => PgnWriter.Write(r.Pgn))));
                output.WriteLine($"Games written to {path}");
            }
            return abnormal == 0 && badPv == 0 ? ZeroCli.Success : ZeroCli.Failure;
        });
        return command;
    }

    /// <summary>"10+0.1" → (10 s, 0.1 s); "60" → (60 s, 0).</summary>
    internal static (TimeSpan Base, TimeSpan Increment) ParseTimeControl(string text)
    {
        string[] parts = text.Split('+');
        if (parts.Length is < 1 or > 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double b) || b <= 0
            || (parts.Length == 2 && (!double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double i) || i < 0)))
        {
            throw new UsageException($"--tc '{text}': write seconds+increment, e.g. 10+0.1 or 60");
        }
        double inc = parts.Length == 2 ? double.Parse(parts[1], CultureInfo.InvariantCulture) : 0;
        return (TimeSpan.FromSeconds(b), TimeSpan.FromSeconds(inc));
    }

    private static string[] EngineCommand(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        string process = Environment.ProcessPath ?? throw new ZeroException("cannot find this program's path: give --engine '<path to zero> uci'");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(UciMatchCommand).Assembly.Location, "uci"]
            : [process, "uci"];
    }
}
