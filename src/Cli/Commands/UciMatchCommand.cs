using System.CommandLine;
using System.Globalization;
using Zero.Arena.Engines;
using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Play;
using Zero.Arena.Tournaments;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero uci-match --games 20 --tc 10+0.1 --stockfish-skill 0`: the arena's short form for `zero uci` (started as a
/// child process, exactly as a GUI would) against Stockfish at a low skill level, from ten short openings with
/// colours alternating. The games run through the arena's <see cref="Tournament{TGame,TMove}"/> and
/// <see cref="Referee"/> (every move checked, the clocks kept by the arena); this command adds Zero's own checks:
/// a crash, an illegal move or a time forfeit by Zero, or an illegal move in Zero's pv lines, makes the exit code 1.
/// </summary>
internal static class UciMatchCommand
{
    /// <summary>Short openings (4 plies), each played once with each colour, so the games differ.</summary>
    internal static IReadOnlyList<string> Openings { get; } =
    [
        "e2e4 e7e5 g1f3 b8c6", "d2d4 d7d5 c2c4 e7e6", "e2e4 c7c5 g1f3 d7d6", "d2d4 g8f6 c2c4 g7g6", "e2e4 e7e6 d2d4 d7d5",
        "c2c4 e7e5 b1c3 g8f6", "e2e4 c7c6 d2d4 d7d5", "g1f3 d7d5 g2g3 g8f6", "d2d4 g8f6 c2c4 e7e6", "e2e4 d7d5 e4d5 d8d5",
    ];

    public static Command Create()
    {
        var games = new Option<int>("--games") { Description = "Games to play (colours alternate; 10 openings, each with both colours).", DefaultValueFactory = _ => 20 };
        var tc = new Option<string>("--tc") { Description = "Time control per side, seconds+increment (e.g. 10+0.1, 60, 3+2).", DefaultValueFactory = _ => "10+0.1" };
        var skill = new Option<int>("--stockfish-skill") { Description = "Stockfish's Skill Level, 0 (weakest) to 20.", DefaultValueFactory = _ => 0 };
        var stockfish = new Option<string>("--stockfish") { Description = "The Stockfish program (default: stockfish on PATH or /usr/games/stockfish)." };
        var engine = new Option<string>("--engine") { Description = "Zero's command line (default: this zero program with 'uci')." };
        var option = new Option<string[]>("--engine-option") { Description = "A UCI option for Zero as Name=Value (repeatable), e.g. Threads=1.", AllowMultipleArgumentsPerToken = false };
        var pgn = new Option<string>("--pgn") { Description = "Also write the games to this PGN file." };
        var command = new Command("uci-match", "Play games between 'zero uci' and Stockfish under a clock, checking every move; prints the score (a short form of 'zero arena').")
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
            string tcText = parse.GetValue(tc)!;
            if (!SearchLimit.TryParseTimeControl(tcText, out SearchLimit clock, out _) || clock.MovesPerPeriod > 0)
            {
                throw new UsageException($"--tc '{tcText}': write seconds+increment, e.g. 10+0.1 or 60");
            }
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
            string[] zeroCommand = EngineCommand(parse.GetValue(engine));
            string sf = parse.GetValue(stockfish) ?? ExternalProgram.Require("stockfish", "apt-get install -y stockfish");
            var zeroSpec = new EngineSpec { Name = "Zero", Command = zeroCommand[0], Arguments = zeroCommand[1..], Options = engineOptions, Limit = clock };
            var sfSpec = new EngineSpec
            {
                Name = "Stockfish", Command = sf, Limit = clock,
                Options = [new("Skill Level", level.ToString(CultureInfo.InvariantCulture)), new("Threads", "1"), new("Hash", "16"), new("Move Overhead", "100")],
            };
            output.WriteLine($"zero uci-match: {n} games, {clock.Base!.Value.TotalSeconds:0.###}+{clock.Increment.TotalSeconds:0.###} s, Stockfish Skill Level {level}");
            return Play(zeroSpec, sfSpec, n, parse.GetValue(pgn), line =>
            {
                output.WriteLine(line);
                output.Flush();
            }, level);
        });
        return command;
    }

    /// <summary>Plays the match through the arena and prints the score and Zero's faults; 0 when Zero made none.</summary>
    internal static int Play(EngineSpec zeroSpec, EngineSpec sfSpec, int games, string? pgnPath, Action<string> log, int level)
    {
        var zeroSeats = new List<UciParticipant>();
        var entrants = new List<Entrant<ChessPosition, ChessMove>>
        {
            new(zeroSpec.Name, zeroSpec.Limit, TimeSpan.Zero, () =>
            {
                var seat = new UciParticipant(zeroSpec);
                lock (zeroSeats)
                {
                    zeroSeats.Add(seat);
                }
                return seat;
            }),
            new(sfSpec.Name, sfSpec.Limit, TimeSpan.Zero, () => new UciParticipant(sfSpec)),
        };
        var openings = Openings.Select(o => OpeningBook.FromText<ChessPosition, ChessMove>("startpos moves " + o)!).ToList();
        bool pairs = games % 2 == 0;
        var options = new TournamentOptions
        {
            Rounds = pairs ? games / 2 : games,
            GamesPerRound = pairs ? 2 : 1,
            Recover = true,
            Adjudication = new Adjudication(MaxPlies: 600),
            Event = "zero uci-match",
        };
        var records = new List<(int Number, bool ZeroWhite, double ZeroScore, GameReport<ChessPosition, ChessMove> Report)>();
        double total = 0;
        var tournament = new Tournament<ChessPosition, ChessMove>(entrants, openings, new OpeningOrder(openings.Count, false, 0), options)
        {
            GameFinished = (number, report, first, _) =>
            {
                bool zeroWhite = first == 0;
                double score = (zeroWhite ? report.FirstResult : -report.FirstResult) switch { > 0 => 1, < 0 => 0, _ => 0.5 };
                total += score;
                records.Add((number, zeroWhite, score, report));
                string whiteResult = report.FirstResult > 0 ? "1-0" : report.FirstResult < 0 ? "0-1" : "1/2-1/2";
                TimeSpan? lowest = report.LowestClock[first == 0 ? 0 : 1];
                log(string.Create(CultureInfo.InvariantCulture,
                    $"game {number}/{games}: {(zeroWhite ? "Zero" : "Stockfish")} - {(zeroWhite ? "Stockfish" : "Zero")} {whiteResult} ({report.Reason}), {report.Opening.Moves.Count + report.Moves.Count} plies, Zero's lowest clock {lowest?.TotalSeconds ?? 0:F2} s; Zero {total:0.#}/{records.Count}"));
            },
        };
        tournament.Run();
        int wins = records.Count(r => r.ZeroScore == 1), draws = records.Count(r => r.ZeroScore == 0.5), losses = records.Count(r => r.ZeroScore == 0);
        int zeroFaults = records.Count(r => r.Report.Faulty is { } f && (f == 0) == r.ZeroWhite);
        int sfFaults = records.Count(r => r.Report.Faulty is { } f && (f == 0) != r.ZeroWhite);
        int badPv = zeroSeats.Sum(s => s.IllegalPvMoves);
        log(string.Create(CultureInfo.InvariantCulture,
            $"Score of Zero vs Stockfish (skill {level}): +{wins} ={draws} -{losses}, {total:0.#}/{records.Count} ({100 * total / Math.Max(1, records.Count):F1} %)"));
        log($"Zero's time forfeits, illegal moves and crashes: {zeroFaults}; illegal pv moves in Zero's info lines: {badPv}; Stockfish's: {sfFaults}");
        foreach (var r in records.Where(r => r.Report.Faulty is not null))
        {
            log($"  game {r.Number}: {r.Report.Reason}");
        }
        if (pgnPath is not null)
        {
            File.WriteAllText(pgnPath, string.Concat(records.Select(r =>
                PgnWriter.Write(PgnRecord.From(r.Report, r.ZeroWhite ? "Zero" : "Stockfish", r.ZeroWhite ? "Stockfish" : "Zero", "zero uci-match", r.Number, zeroSpec.Limit.ToString())!))));
            log($"Games written to {pgnPath}");
        }
        return zeroFaults == 0 && badPv == 0 ? ZeroCli.Success : ZeroCli.Failure;
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
