using System.CommandLine;
using System.Globalization;
using Zero.Arena.Engines;
using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Play;
using Zero.Arena.Tournaments;
using Zero.Cli.Opponents;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero arena --engine cmd=stockfish ... --engine player=alphabeta:4 ... --rounds 100 --sprt ...`: tournaments between
/// external engines and internal players with clocks, openings, adjudication, Elo and SPRT, resumable from an SQLite
/// file (see src/Arena). Prints fastchess's per-game lines and report blocks, or one JSON object with --json
/// (docs/protocols.md). `zero match` and `zero uci-match` are short forms that build the same tournament.
/// </summary>
internal static class ArenaCommand
{
    private const string Usage = """
        Run a tournament between engines and internal players (fastchess-style options).
          --engine KEY=VALUE ...   a participant (repeat): name=, cmd=PROGRAM, proto=uci|gtp, args=, dir=,
                                   option.NAME=VALUE, tc=[moves/]secs[+inc], st=SECS, nodes=N, timemargin=MS,
                                   ping=SECS; or player=SPEC for an internal player (random, perfect,
                                   alphabeta:4, mcts:800, net:400, ...)
          --each KEY=VALUE ...     keys every participant shares (e.g. tc=10+0.1)
          --game chess|connect4|tictactoe   (default chess)
          --rounds N --games 1|2   rounds (one opening each) and games per round (2: colours swapped)
          --concurrency N          games at once        --tournament roundrobin|gauntlet
          --openings file=F format=epd|pgn|moves order=random|sequential plies=N start=N
                                   (no file: distinct random openings of plies=N plies)
          --srand S                seed of openings and players
          --sprt elo0=0 elo1=5 alpha=0.05 beta=0.05 model=normalized|logistic
          --draw movenumber=N movecount=N score=CP   --resign movecount=N score=CP [twosided=true]
          --maxmoves N             --recover             --report N (every N games; 0: only at the end)
          --pgnout FILE            --db FILE (results; the same command resumes)   --json
        """;

    public static Command Create()
    {
        var command = new Command("arena", Usage) { TreatUnmatchedTokensAsErrors = false };
        command.SetAction(parse =>
        {
            ArenaArguments arguments = ArenaArguments.Parse(parse.UnmatchedTokens);
            return Run(arguments, parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error);
        });
        return command;
    }

    /// <summary>Runs a parsed arena command line; also the body of `zero match`'s and `zero uci-match`'s tournaments.</summary>
    internal static int Run(ArenaArguments arguments, TextWriter output, TextWriter error)
    {
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        using var onTerminate = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, signal =>
            {
                signal.Cancel = true;
                stop.Cancel();
            });
        try
        {
            return GameCatalog.Dispatch(arguments.Game, new Runner(arguments, output, error, stop.Token));
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Builds the participants for a game from their specs.</summary>
    internal static Entrant<TGame, TMove> Entrant<TGame, TMove>(EngineSpec spec, int seed)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        if (spec.Player is { } player)
        {
            OpponentFactory.Create<TGame, TMove>(player, new OpponentOptions(seed)); // a bad spec fails here, before any game
            int instance = 0;
            return new Entrant<TGame, TMove>(spec.Name, spec.Limit, spec.Margin, () =>
                new PlayerParticipant<TGame, TMove>(OpponentFactory.Create<TGame, TMove>(player, new OpponentOptions(seed + 1000 * Interlocked.Increment(ref instance))), spec.Name));
        }
        if (spec.Protocol == EngineProtocol.Gtp)
        {
            throw new UsageException($"engine '{spec.Name}': GTP engines play Go, which this build of the arena does not have yet");
        }
        if (typeof(TGame) != typeof(ChessPosition))
        {
            throw new UsageException($"engine '{spec.Name}': UCI engines play chess; for {TGame.Name} use internal players (player=...)");
        }
        return new Entrant<TGame, TMove>(spec.Name, spec.Limit, spec.Margin, () => (IParticipant<TGame, TMove>)(object)new UciParticipant(spec));
    }

    private sealed class Runner(ArenaArguments a, TextWriter output, TextWriter error, CancellationToken stop) : IGameVisitor<int>
    {
        public int Visit<TGame, TMove>()
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            // 1. Participants and openings.
            var specs = new List<EngineSpec>();
            foreach (List<string> own in a.Engines)
            {
                try
                {
                    specs.Add(EngineSpec.Parse(a.Each, own));
                }
                catch (ZeroException e) when (e is not UsageException)
                {
                    throw new UsageException($"--engine {string.Join(' ', own)}: {e.Message}");
                }
            }
            if (specs.Select(s => s.Name).Distinct().Count() != specs.Count)
            {
                throw new UsageException("two participants have the same name: give each a name=");
            }
            var entrants = specs.Select((s, i) => Entrant<TGame, TMove>(s, a.Seed + 7919 * i)).ToList();
            int plies = a.OpeningPlies ?? (TGame.Name switch { "connect4" => 2, "tictactoe" => 1, _ => 0 });
            List<Opening<TGame, TMove>> openings = a.OpeningFile is { } file
                ? OpeningBook.Read<TGame, TMove>(file, a.OpeningFormat, a.OpeningPlies)
                : plies == 0 ? [Opening<TGame, TMove>.Initial] : OpeningBook.Random<TGame, TMove>(a.Rounds, plies, a.Seed);
            var order = new OpeningOrder(openings.Count, a.RandomOrder, a.Seed, a.OpeningStart);
            string bookName = a.OpeningFile is { } f ? Path.GetFileName(f) : plies == 0 ? "start position" : $"{openings.Count} random {plies}-ply openings";
            string signature = string.Join("; ", [
                TGame.Name, a.Kind.ToString(), $"games {a.GamesPerRound}",
                .. specs.Select(s => $"{s.Name}={s.Command ?? s.Player} {string.Join(' ', s.Arguments)} {s.Limit} {string.Join(',', s.Options.Select(o => o.Key + "=" + o.Value))}"),
                $"openings {bookName} order {(a.RandomOrder ? "random" : "sequential")} start {a.OpeningStart} seed {a.Seed}"]);
            var options = new TournamentOptions
            {
                Kind = a.Kind,
                Rounds = a.Rounds,
                GamesPerRound = a.GamesPerRound,
                Concurrency = a.Concurrency,
                Sprt = a.Sprt,
                Adjudication = a.Adjudication,
                Recover = a.Recover,
                UntimedBound = TimeSpan.FromMinutes(1), // an engine on nodes= that has not answered in a minute has stalled
                DatabasePath = a.Database,
                PgnPath = a.PgnOut,
                Signature = signature,
            };

            // 2. Progress: a line per game, a report every N games (to standard error with --json).
            TextWriter progress = a.Json ? error : output;
            string conditions = $"{entrants[0].Limit}, {bookName}";
            Tournament<TGame, TMove>? tournament = null;
            void Reports(Tournament<TGame, TMove> t)
            {
                foreach ((int i, int j) in t.Pairings)
                {
                    progress.Write(TournamentReport.Text(t.Entrants[i].Name, t.Entrants[j].Name, conditions, t.Tally(i, j), t.Pairings.Count == 1 ? a.Sprt : null));
                }
                progress.Flush();
            }
            tournament = new Tournament<TGame, TMove>(entrants, openings, order, options)
            {
                GameFinished = (n, report, first, second) =>
                {
                    progress.WriteLine($"Finished game {n} ({entrants[first].Name} vs {entrants[second].Name}): {report.ResultText} {{{report.Reason}}}");
                    progress.Flush();
                },
                RoundFinished = round =>
                {
                    int before = round.GamesFinished - round.Games.Count;
                    if (a.ReportEvery > 0 && round.GamesFinished / a.ReportEvery > before / a.ReportEvery)
                    {
                        Reports(tournament!);
                    }
                },
            };
            progress.WriteLine($"zero arena: {TGame.Name}, {string.Join(" vs ", entrants.Select(e => e.Name))}, {a.Rounds} rounds x {a.GamesPerRound} games, {conditions}, {a.Concurrency} at once");

            // 3. Play, then the final report.
            TournamentOutcome outcome = tournament.Run(stop);
            if (outcome.ResumedGames > 0)
            {
                progress.WriteLine($"Resumed: {outcome.ResumedGames} games were already in {a.Database}");
            }
            Reports(tournament);
            if (outcome.SprtDecided && tournament.SprtState() is { } state)
            {
                progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"SPRT: llr {state.Llr:F2}, {state.Decision} was accepted"));
            }
            if (outcome.Interrupted)
            {
                progress.WriteLine(a.Database is null
                    ? "Interrupted (give --db FILE to be able to resume)."
                    : $"Interrupted: {tournament.GamesFinished} games are stored in {a.Database}; run the same command to resume.");
            }
            if (outcome.Error is not null)
            {
                error.WriteLine($"zero: {outcome.Error}");
            }
            if (a.Json)
            {
                string second = entrants.Count == 2 ? entrants[1].Name : "field";
                MatchTally others = MatchTally.Empty;
                for (int j = 1; j < entrants.Count; j++)
                {
                    others += tournament.Tally(j, 0);
                }
                output.WriteLine(TournamentReport.Json(entrants[0].Name, second, tournament.Total(0), others, a.Sprt, outcome.Interrupted, outcome.Error));
            }
            output.Flush();
            return outcome.Error is null && !outcome.Interrupted ? ZeroCli.Success : ZeroCli.Failure;
        }
    }
}
