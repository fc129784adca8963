using Zero.Arena.Play;
using Zero.Arena.Statistics;
using System.CommandLine;
using System.Globalization;
using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Tournaments;
using Zero.Cli.Opponents;
using Zero.Games;
using Zero.Search.Players;
using Zero.SelfPlay.Matches;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero match connect4 net alphabeta:4 --games 100`: a match between two opponents of `zero play`'s kinds (a trained
/// network with MCTS, alpha-beta, the perfect player, pure MCTS, random). Deterministic players would repeat one game,
/// so every game starts from a distinct random opening of --opening-plies plies, and each opening is played twice with
/// the colours swapped (the usual arena practice). Games run on --threads threads, each with its own players. Prints a
/// line per game pair and the score with an Elo estimate (95% interval) for the first opponent. A short form of `zero
/// arena`: the games run through the arena's tournament and referee.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var game = new Argument<string>("game") { Description = $"The game: {string.Join(", ", GameCatalog.Names)}" };
        var first = new Argument<string>("a") { Description = $"The opponent measured: {string.Join(", ", OpponentFactory.Choices)}" };
        var second = new Argument<string>("b") { Description = "The opponent it plays against (same forms)" };
        var games = new Option<int>("--games") { Description = "Games to play (an even number: each opening with both colours)", DefaultValueFactory = _ => 100 };
        var plies = new Option<int?>("--opening-plies") { Description = "Random plies before the players take over (default 2 for connect4, 1 for tictactoe, 0 otherwise)" };
        var threads = new Option<int>("--threads") { Description = "Games played at once", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount) };
        var seed = new Option<int>("--seed") { Description = "Seed of the openings and of the players' random choices", DefaultValueFactory = _ => 1 };
        var command = new Command("match", "Play a match between two opponents from distinct openings, colours swapped; prints the score and Elo")
        {
            game, first, second, games, plies, threads, seed,
        };
        command.SetAction(parse =>
        {
            string name = GameCatalog.Normalize(parse.GetValue(game)!);
            if (!GameCatalog.IsKnown(name))
            {
                throw new UsageException($"unknown game '{parse.GetValue(game)}': choose one of {string.Join(", ", GameCatalog.Names)}");
            }
            int n = parse.GetValue(games);
            if (n < 2 || n % 2 != 0)
            {
                throw new UsageException($"--games {n}: give an even number of 2 or more (each opening is played with both colours)");
            }
            int openingPlies = parse.GetValue(plies) ?? name switch { "connect4" => 2, "tictactoe" => 1, _ => 0 };
            if (openingPlies < 0)
            {
                throw new UsageException($"--opening-plies {openingPlies}: give 0 or more");
            }
            var settings = new Settings(parse.GetValue(first)!, parse.GetValue(second)!, n, openingPlies,
                Math.Clamp(parse.GetValue(threads), 1, 64), parse.GetValue(seed));
            return GameCatalog.Dispatch(name, new MatchRunner(settings, parse.InvocationConfiguration.Output));
        });
        return command;
    }

    private sealed record Settings(string A, string B, int Games, int OpeningPlies, int Threads, int Seed);

    private sealed class MatchRunner(Settings settings, TextWriter output) : IGameVisitor<int>
    {
        public int Visit<TGame, TMove>()
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            // 1. Build one pair of players first, so a bad spec is reported before any game starts.
            IPlayer<TGame, TMove> probeA = OpponentFactory.Create<TGame, TMove>(settings.A, new OpponentOptions(settings.Seed));
            IPlayer<TGame, TMove> probeB = OpponentFactory.Create<TGame, TMove>(settings.B, new OpponentOptions(settings.Seed + 1));
            List<Opening<TGame, TMove>> openings = settings.OpeningPlies == 0
                ? [Opening<TGame, TMove>.Initial]
                : OpeningBook.Random<TGame, TMove>(settings.Games / 2, settings.OpeningPlies, settings.Seed);
            output.WriteLine($"{TGame.Name}: {probeA.Name} vs {probeB.Name}, {settings.Games} games from {openings.Count} openings " +
                $"of {settings.OpeningPlies} random plies, colours swapped, {settings.Threads} at once");

            // 2. The arena's tournament: each opening is a round of two games; each game slot owns its players.
            int pairs = settings.Games / 2;
            Entrant<TGame, TMove> Entrant(string spec, IPlayer<TGame, TMove> probe, int offset)
            {
                int instance = -1;
                return new Entrant<TGame, TMove>(probe.Name, SearchLimit.Untimed, TimeSpan.Zero, () =>
                {
                    int k = Interlocked.Increment(ref instance);
                    return new PlayerParticipant<TGame, TMove>(k == 0 ? probe : OpponentFactory.Create<TGame, TMove>(spec, new OpponentOptions(settings.Seed + (2 * k) + offset)));
                });
            }
            var tournament = new Tournament<TGame, TMove>(
                [Entrant(settings.A, probeA, 0), Entrant(settings.B, probeB, 1)], openings, new OpeningOrder(openings.Count, false, 0),
                new TournamentOptions { Rounds = pairs, GamesPerRound = 2, Concurrency = settings.Threads, Event = "zero match" })
            {
                RoundFinished = round => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  opening {round.Round + 1,3} {round.Games[0].Opening.Label,-10} {Word(round.ResultForA(0))} as first, {Word(round.ResultForA(1))} as second   ({round.GamesFinished / 2}/{pairs} pairs)")),
            };
            tournament.Run();

            // 3. The score, for the first opponent, and the arena's report.
            MatchTally tally = tournament.Tally(0, 1);
            double score = tally.Games == 0 ? 0.5 : tally.Points / tally.Games;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{probeA.Name} vs {probeB.Name}: +{tally.Wins} ={tally.Draws} -{tally.Losses}  score {score:P1}  Elo {EloEstimate.FromResults(tally.Wins, tally.Draws, tally.Losses)}"));
            output.Write(TournamentReport.Text(probeA.Name, probeB.Name, $"{openings.Count} openings", tally, null));
            return ZeroCli.Success;
        }

        private static string Word(int result) => result > 0 ? "won " : result < 0 ? "lost" : "drew";
    }
}
