using Zero.Arena.Play;
using Zero.Arena.Statistics;
using Zero.Network;
using System.CommandLine;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Evaluation;
using Zero.Search.Players;
using Zero.SelfPlay.Benchmarks;
using Zero.SelfPlay.Matches;
using Zero.SelfPlay.Training;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero eval connect4 [--weights FILE] [--playouts N] [--file F ...]`: how often a Connect Four network picks a bad
/// move on positions labelled by a perfect solver (data/connect4/README.md): the outcome error rate and
/// the exact error rate, for the raw network (most probable legal move) and with MCTS at N playouts.
/// `zero eval tictactoe [--weights FILE] [--playouts N]`: the same question asked of every reachable tic-tac-toe
/// position against the exact solver (<see cref="TicTacToeAudit"/>), plus games against the perfect player.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var game = new Argument<string>("game") { Description = "The game: connect4 (solver-labelled positions) or tictactoe (every reachable position)" };
        var weights = new Option<string?>("--weights") { Description = "Weights file; default weights/<game>.weights of the repository" };
        var playouts = new Option<int?>("--playouts") { Description = "MCTS playouts per move for the search measurement (default 800 for connect4, 200 for tictactoe)" };
        var files = new Option<string[]>("--file")
        {
            Description = "Labelled position file(s); default both files of data/connect4 in the repository",
            AllowMultipleArgumentsPerToken = true,
        };
        var threads = new Option<int>("--threads") { Description = "Positions searched at once (their leaves share network batches)", DefaultValueFactory = _ => 8 };
        var command = new Command("eval", "Measure a network's move errors on solver-labelled positions (raw network and with search).")
        {
            game, weights, playouts, files, threads,
        };
        command.SetAction(parse =>
        {
            string name = GameCatalog.Normalize(parse.GetValue(game)!);
            if (name is not ("connect4" or "tictactoe"))
            {
                throw new UsageException($"zero eval measures connect4 and tictactoe, not '{parse.GetValue(game)}'");
            }
            int n = parse.GetValue(playouts) ?? (name == "connect4" ? 800 : 200);
            if (n < 1)
            {
                throw new UsageException("--playouts must be at least 1");
            }
            int threadCount = Math.Clamp(parse.GetValue(threads), 1, 256);
            string weightsPath = parse.GetValue(weights) ?? ShippedNetworks.Find(name) ?? Path.Combine("weights", name + ".weights");
            if (!File.Exists(weightsPath))
            {
                throw new ZeroException($"weights file '{weightsPath}' not found: pass --weights FILE (a run's generations/gen-NNNN.weights)");
            }
            if (name == "tictactoe")
            {
                return TicTacToe(parse.InvocationConfiguration.Output, weightsPath, n, threadCount);
            }
            string[] paths = parse.GetValue(files) is { Length: > 0 } given
                ? given
                : [RepositoryRoot.Path("data", "connect4", "positions_ply10-16.txt"),
                   RepositoryRoot.Path("data", "connect4", "positions_ply17-28.txt")];
            IBatchModel model = new EngineNetworkFactory(ConnectFourPosition.InputShape, ConnectFourPosition.ActionCount).LoadWeights(weightsPath);
            TextWriter output = parse.InvocationConfiguration.Output;
            output.WriteLine($"weights {weightsPath}; outcome error = worse result class than the best move (positions where classes differ); exact error = not an optimal column");
            output.WriteLine($"{"file",-26} {"player",-16} {"outcome error",16} {"exact error",16}");
            using var batching = new BatchingModel(model, threadCount * 8, TimeSpan.FromMilliseconds(1));
            var evaluator = new ModelEvaluator<ConnectFourPosition, ConnectFourMove>(batching);
            foreach (string path in paths)
            {
                IReadOnlyList<LabelledPosition> positions = LabelledPosition.ReadFile(path);
                MoveErrorRates raw = MoveErrorRates.Measure(positions, () => RawChooser(model), threads: 1);
                Print(output, Path.GetFileName(path), "network (raw)", raw);
                MoveErrorRates searched = MoveErrorRates.Measure(positions, () =>
                {
                    MctsPlayer<ConnectFourPosition, ConnectFourMove> player = NetworkPlayers.Create(evaluator, n, 0, 8, 1, $"mcts:{n}");
                    return position =>
                    {
                        player.NewGame();
                        return player.ChooseMove(position).Column;
                    };
                }, threadCount);
                Print(output, Path.GetFileName(path), $"mcts:{n}", searched);
            }
            return ZeroCli.Success;
        });
        return command;
    }

    private static int TicTacToe(TextWriter output, string weightsPath, int playouts, int threads)
    {
        IBatchModel model = new EngineNetworkFactory(TicTacToePosition.InputShape, TicTacToePosition.ActionCount).LoadWeights(weightsPath);
        var solver = new TicTacToeSolver();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        TicTacToeAudit audit = TicTacToeAudit.Run(model, playouts, threads, solver);
        output.WriteLine($"weights {weightsPath}: {audit.Positions} reachable positions (game not over), each compared with the exact solver");
        output.WriteLine($"  network (raw):  {audit.RawWorse} positions where the chosen move is worse (win > draw > loss) than the best");
        output.WriteLine($"  mcts:{playouts,-8} {audit.SearchWorse} positions where the chosen move is worse than the best ({clock.Elapsed.TotalSeconds:0.0}s)");
        foreach (string example in audit.SearchExamples)
        {
            output.WriteLine($"    {example}");
        }
        using var batching = new BatchingModel(model, 1, TimeSpan.Zero);
        var evaluator = new ModelEvaluator<TicTacToePosition, TicTacToeMove>(batching);
        var me = NetworkPlayers.Create(evaluator, playouts, 0, 1, 1, $"mcts:{playouts}");
        var perfect = new PerfectTicTacToePlayer(new Random(7), solver);
        MatchResult match = Match.Play(me, perfect, 100);
        output.WriteLine($"  100 games against the perfect player (colours alternate, its ties broken at random): {match}");
        return ZeroCli.Success;
    }

    private static void Print(TextWriter output, string file, string player, MoveErrorRates r) =>
        output.WriteLine($"{file,-26} {player,-16} {$"{r.OutcomeErrorRate * 100:0.0}% ({r.OutcomeErrors}/{r.OutcomePositions})",16} {$"{r.ExactErrorRate * 100:0.0}% ({r.ExactErrors}/{r.Positions})",16}");

    /// <summary>The legal column with the largest policy logit.</summary>
    private static Func<ConnectFourPosition, int> RawChooser(IBatchModel model)
    {
        var input = new float[ConnectFourPosition.InputShape.Size];
        var logits = new float[ConnectFourPosition.ActionCount];
        var value = new float[1];
        return position =>
        {
            position.WriteFeatures(input);
            model.Evaluate(input, 1, logits, value, []);
            int best = -1;
            for (int c = 0; c < 7; c++)
            {
                if (position.CanPlay(c) && (best < 0 || logits[c] > logits[best]))
                {
                    best = c;
                }
            }
            return best;
        };
    }
}
