using System.CommandLine;
using System.Globalization;
using Zero.Cli.Opponents;
using Zero.Cli.Validation;
using Zero.Games;
using Zero.Search.Players;
using Zero.SelfPlay.Matches;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero match connect4 net alphabeta:4 --games 100`: a match between two opponents of `zero play`'s kinds (a trained
/// network with MCTS, alpha-beta, the perfect player, pure MCTS, random). Deterministic players would repeat one game,
/// so every game starts from a distinct random opening of --opening-plies plies, and each opening is played twice with
/// the colours swapped (the usual arena practice). Games run on --threads threads, each with its own players. Prints a
/// line per game pair and the score with an Elo estimate (95% interval) for the first opponent.
/// </summary>
internal static class MatchCommand
{
    public static Command Create()
    {
        var game = new Argument<string>("game") { Description = $"The game: {string.Join(", ", GameCatalog.Names)}" };
        var first = new Argument<string>("a") { Description = $"The opponent measured: {string.Join(", ", OpponentFactory.Choices)}" };
        var second = new Argument<string>("b") { Description = "The opponent it plays against (same forms)" };
        var games = Checked.Int("--games", "Games to play (an even number: each opening with both colours)", 100, 2, 1_000_000);
        var plies = Checked.OptionalInt("--opening-plies", "Random plies before the players take over (default 2 for connect4, 1 for tictactoe, 0 otherwise)", 0, 1000);
        var threads = Checked.Int("--threads", "Games played at once", Math.Clamp(Environment.ProcessorCount, 1, 64), 1, 64);
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
            if (n % 2 != 0)
            {
                throw new UsageException($"--games {n}: give an even number of 2 or more (each opening is played with both colours)");
            }
            int openingPlies = parse.GetValue(plies) ?? name switch { "connect4" => 2, "tictactoe" => 1, _ => 0 };
            var settings = new Settings(parse.GetValue(first)!, parse.GetValue(second)!, n, openingPlies,
                parse.GetValue(threads), parse.GetValue(seed));
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
            TGame[] openings = Openings<TGame, TMove>(settings.Games / 2, settings.OpeningPlies, new Random(settings.Seed));
            output.WriteLine($"{TGame.Name}: {probeA.Name} vs {probeB.Name}, {settings.Games} games from {openings.Length} openings " +
                $"of {settings.OpeningPlies} random plies, colours swapped, {settings.Threads} at once");

            // 2. Play the pairs on the worker threads; each worker owns its players.
            int pairs = settings.Games / 2;
            var results = new int[settings.Games];
            int next = -1, done = 0;
            Exception? failure = null;
            var gate = new object();
            var workers = new Thread[Math.Min(settings.Threads, pairs)];
            for (int t = 0; t < workers.Length; t++)
            {
                int worker = t;
                workers[t] = new Thread(() =>
                {
                    try
                    {
                        IPlayer<TGame, TMove> a = worker == 0 ? probeA : OpponentFactory.Create<TGame, TMove>(settings.A, new OpponentOptions(settings.Seed + (2 * worker)));
                        IPlayer<TGame, TMove> b = worker == 0 ? probeB : OpponentFactory.Create<TGame, TMove>(settings.B, new OpponentOptions(settings.Seed + (2 * worker) + 1));
                        int p;
                        while ((p = Interlocked.Increment(ref next)) < pairs && failure is null)
                        {
                            TGame start = openings[p % openings.Length];
                            PlayedGame<TGame, TMove> g1 = GameRunner.Play(a, b, start);
                            PlayedGame<TGame, TMove> g2 = GameRunner.Play(b, a, start);
                            results[2 * p] = g1.FirstPlayerResult;
                            results[(2 * p) + 1] = -g2.FirstPlayerResult;
                            lock (gate)
                            {
                                done++;
                                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                                    $"  opening {p + 1,3} {start.FormatPosition(),-10} {Word(results[2 * p])} as first, {Word(results[(2 * p) + 1])} as second   ({done}/{pairs} pairs)"));
                            }
                        }
                    }
                    catch (Exception e)
                    {
                        Interlocked.CompareExchange(ref failure, e, null);
                    }
                })
                { IsBackground = true, Name = $"zero-match-{t}" };
                workers[t].Start();
            }
            foreach (Thread worker in workers)
            {
                worker.Join();
            }
            if (failure is not null)
            {
                throw failure is ZeroException or UsageException ? failure : new ZeroException($"a match game failed: {failure.Message}", failure);
            }

            // 3. The score, for the first opponent.
            int wins = results.Count(r => r > 0), losses = results.Count(r => r < 0), draws = results.Length - wins - losses;
            double score = (wins + (0.5 * draws)) / results.Length;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{probeA.Name} vs {probeB.Name}: +{wins} ={draws} -{losses}  score {score:P1}  Elo {EloEstimate.FromResults(wins, draws, losses)}"));
            return ZeroCli.Success;
        }

        private static string Word(int result) => result > 0 ? "won " : result < 0 ? "lost" : "drew";

        /// <summary>
        /// Up to <paramref name="count"/> distinct positions after <paramref name="plies"/> random legal moves that do not
        /// end the game (fewer when the game has fewer; the match then cycles through them).
        /// </summary>
        private static TGame[] Openings<TGame, TMove>(int count, int plies, Random random)
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            var seen = new HashSet<string>();
            var openings = new List<TGame>();
            var legal = new TMove[TGame.MaxMoves];
            for (int attempt = 0; attempt < count * 50 && openings.Count < count; attempt++)
            {
                TGame position = TGame.Initial;
                for (int i = 0; i < plies && position.Outcome is null; i++)
                {
                    int moves = position.GenerateMoves(legal);
                    position = position.Play(legal[random.Next(moves)]);
                }
                if (position.Outcome is null && seen.Add(position.FormatPosition()))
                {
                    openings.Add(position);
                }
            }
            return openings.Count > 0
                ? [.. openings]
                : throw new UsageException(
                    $"--opening-plies {plies}: no {plies}-ply random opening of {TGame.Name} leaves the game open (every one ended it); give fewer plies");
        }
    }
}
