using System.CommandLine;
using Zero.Cli.Opponents;
using Zero.Games;
using Zero.Search.Players;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero play GAME`: a person plays against an opponent in the terminal. The board is drawn after every move, the
/// prompt says whose turn it is, a bad entry gets a message and a new prompt (never a crash), and `quit` or the end
/// of input stops the game politely. Works from a script: `printf '4\n4\n' | zero play connect4`.
/// </summary>
internal static class PlayCommand
{
    public static Command Create(CliContext context)
    {
        var game = new Argument<string>("game") { Description = $"The game: {string.Join(", ", GameCatalog.Names)}" };
        var opponent = new Option<string?>("--opponent")
        {
            Description = $"Who you play against: {string.Join(", ", OpponentFactory.Choices)}. " +
                "Default: perfect for tictactoe, alphabeta:1000ms for connect4",
        };
        var side = new Option<string>("--side")
        {
            Description = "Your side: first (you move first), second, or random",
            DefaultValueFactory = _ => "first",
        };
        side.AcceptOnlyFromAmong("first", "second", "random");
        var seed = new Option<int>("--seed")
        {
            Description = "Seed of the opponent's random choices and of --side random",
            DefaultValueFactory = _ => 1,
        };
        var position = new Option<string?>("--position")
        {
            Description = "Start from this position in the game's notation (the moves played, e.g. 4453 for connect4)",
        };
        var command = new Command("play", "Play a game against an opponent in the terminal") { game, opponent, side, seed, position };
        command.SetAction(parse =>
        {
            string name = GameCatalog.Normalize(parse.GetValue(game)!);
            if (!GameCatalog.IsKnown(name))
            {
                throw new UsageException($"unknown game '{parse.GetValue(game)}': choose one of {string.Join(", ", GameCatalog.Names)}");
            }
            var settings = new PlaySettings(
                parse.GetValue(opponent) ?? OpponentFactory.DefaultFor(name),
                parse.GetValue(side)!,
                parse.GetValue(seed),
                parse.GetValue(position) ?? "");
            return GameCatalog.Dispatch(name, new PlayGame(settings, context, parse.InvocationConfiguration.Output));
        });
        return command;
    }

    private sealed record PlaySettings(string Opponent, string Side, int Seed, string Position);

    /// <summary>The game loop, generic over the game so every game plays through the same code.</summary>
    private sealed class PlayGame(PlaySettings settings, CliContext context, TextWriter output) : IGameVisitor<int>
    {
        public int Visit<TGame, TMove>()
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            // 1. Set up: opponent, start position, sides. Bad usage is reported before anything is drawn.
            IPlayer<TGame, TMove> opponent = OpponentFactory.Create<TGame, TMove>(settings.Opponent, new OpponentOptions(settings.Seed));
            if (!TGame.TryParsePosition(settings.Position, out TGame position, out string? positionError))
            {
                throw new UsageException($"bad --position '{settings.Position}': {positionError}");
            }
            var random = new Random(settings.Seed);
            int human = settings.Side switch
            {
                "first" => 0,
                "second" => 1,
                _ => random.Next(2),
            };
            string[] labels = SideLabels(TGame.Name);
            string hint = TGame.Name switch
            {
                "connect4" => "a column 1-7",
                "tictactoe" => "a cell 1-9 (1 top-left, 9 bottom-right)",
                "go" or "go9" or "go13" or "go25" => "a point such as D4 (column letter without I, row from the bottom), or pass",
                _ => "a move",
            };
            output.WriteLine($"{TGame.Name}: you play {labels[human]} ({(human == 0 ? "first" : "second")}) against {opponent.Name}.");
            output.WriteLine($"Type {hint} when asked; 'moves' lists the legal moves, 'quit' stops.");
            opponent.NewGame();
            string start = settings.Position.Trim();
            var played = new List<string>();
            var legal = new TMove[TGame.MaxMoves];

            // 2. Alternate moves until the game ends or the person stops.
            while (true)
            {
                output.WriteLine();
                output.Write(position.Render());
                if (position.Outcome is GameResult result)
                {
                    output.WriteLine($"Moves: {Record(start, played)}");
                    ReportResult(result, position.SideToMove, human, labels, opponent.Name);
                    return ZeroCli.Success;
                }
                int mover = position.SideToMove;
                TMove move;
                if (mover == human)
                {
                    TMove? chosen = AskMove(position, labels[mover], legal);
                    if (chosen is null)
                    {
                        string plies = position.Ply == 1 ? "1 ply" : $"{position.Ply} plies";
                        output.WriteLine($"Game stopped after {plies}. The moves so far: {Record(start, played)}");
                        output.WriteLine($"To go on later: zero play {TGame.Name} --position {Quote(ResumeText<TGame, TMove>(start, played, position))} " +
                            $"--side {(human == 0 ? "first" : "second")} --opponent {settings.Opponent}");
                        return ZeroCli.Success;
                    }
                    move = chosen.Value;
                }
                else
                {
                    move = opponent.ChooseMove(position);
                    string summary = opponent is IDescribesSearch described && described.LastSearchSummary is string text ? $"   ({text})" : "";
                    output.WriteLine($"{opponent.Name} ({labels[mover]}) plays {position.FormatMove(move)}{summary}");
                }
                played.Add(position.FormatMove(move));
                position = position.Play(move);
            }
        }

        /// <summary>Prompts until a legal move is typed; null when the person quits or the input ends.</summary>
        private TMove? AskMove<TGame, TMove>(TGame position, string label, TMove[] legal)
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            while (true)
            {
                output.Write($"Your move ({label}): ");
                string? line = context.Input.ReadLine();
                if (line is null)
                {
                    output.WriteLine();
                    output.WriteLine("End of input.");
                    return null;
                }
                if (context.EchoInput)
                {
                    output.WriteLine(line);
                }
                string text = line.Trim();
                if (text.Equals("quit", StringComparison.OrdinalIgnoreCase) || text.Equals("exit", StringComparison.OrdinalIgnoreCase))
                {
                    output.WriteLine("You stopped the game.");
                    return null;
                }
                if (text.Equals("moves", StringComparison.OrdinalIgnoreCase) || text is "?" or "help")
                {
                    int count = position.GenerateMoves(legal);
                    output.WriteLine($"Legal moves: {string.Join(' ', legal.Take(count).Select(position.FormatMove))}");
                    continue;
                }
                if (position.TryParseMove(text, out TMove move, out string? error))
                {
                    return move;
                }
                output.WriteLine($"Not a legal move: {error}. Try again.");
            }
        }

        /// <summary>The moves played, after the start position when there was one: "4 4 5 3", "(from 4453) 1 2".</summary>
        private static string Record(string start, List<string> played)
        {
            string moves = played.Count == 0 ? "none" : string.Join(' ', played);
            return start is "" or "-" ? moves : $"(from {start}) {moves}";
        }

        /// <summary>
        /// Text for --position that reaches <paramref name="current"/>: the start and the moves run together where the
        /// game's notation is a move sequence (tic-tac-toe, Connect Four: keeps the order of play), else the position's own text.
        /// </summary>
        private static string ResumeText<TGame, TMove>(string start, List<string> played, TGame current)
            where TGame : struct, IGame<TGame, TMove>
            where TMove : struct, IEquatable<TMove>
        {
            string joined = (start is "-" ? "" : start) + string.Concat(played);
            return TGame.TryParsePosition(joined, out TGame replayed, out _) && replayed.FormatPosition() == current.FormatPosition()
                ? joined
                : current.FormatPosition();
        }

        private static string Quote(string text) => text.Contains(' ', StringComparison.Ordinal) ? $"\"{text}\"" : text;

        private void ReportResult(GameResult result, int sideToMove, int human, string[] labels, string opponentName)
        {
            if (result == GameResult.Draw)
            {
                output.WriteLine("Result: draw.");
                return;
            }
            int winner = result == GameResult.Win ? sideToMove : 1 - sideToMove;
            string who = winner == human ? "you win" : $"{opponentName} wins";
            output.WriteLine($"Result: {labels[winner]} wins ({who}).");
        }

        private static string[] SideLabels(string game) => game switch
        {
            "chess" => ["White", "Black"],
            "go" or "go9" or "go13" or "go25" => ["Black (X)", "White (O)"],
            _ => ["X", "O"],
        };
    }
}
