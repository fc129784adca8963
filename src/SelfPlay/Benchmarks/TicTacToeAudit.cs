using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Evaluation;
using Zero.SelfPlay.Matches;

namespace Zero.SelfPlay.Benchmarks;

/// <summary>
/// The tic-tac-toe strength check: in every reachable position where the game is not over (4,520), does
/// the player choose a move whose exact result (win, draw, loss by <see cref="TicTacToeSolver"/>) is worse than the
/// best move's? Counted for the raw network (most probable legal move) and with MCTS at a given number of
/// playouts (sequential search, no noise, the most visited move). Zero worse moves with search means the player
/// can never lose a game (it never leaves a drawn or won position for a worse one). `zero eval tictactoe` and the
/// tests run it.
/// </summary>
public sealed record TicTacToeAudit(int Positions, int RawWorse, int SearchWorse, IReadOnlyList<string> SearchExamples)
{
    /// <summary>Audits <paramref name="model"/> over all reachable positions with <paramref name="threads"/> threads.</summary>
    public static TicTacToeAudit Run(IBatchModel model, int playouts, int threads, TicTacToeSolver? solver = null,
        CancellationToken cancellation = default)
    {
        solver ??= new TicTacToeSolver();
        TicTacToePosition[] positions = solver.ReachablePositions.Where(p => p.Outcome is null).ToArray();

        // 1. Raw network: one batched call over all positions, then the best legal logit.
        int inputSize = TicTacToePosition.InputShape.Size;
        var inputs = new float[positions.Length * inputSize];
        for (int i = 0; i < positions.Length; i++)
        {
            positions[i].WriteFeatures(inputs.AsSpan(i * inputSize, inputSize));
        }
        var logits = new float[positions.Length * 9];
        var values = new float[positions.Length];
        model.Evaluate(inputs, positions.Length, logits, values, []);
        int rawWorse = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            int best = -1;
            for (int cell = 0; cell < 9; cell++)
            {
                bool legal = ((positions[i].XMask | positions[i].OMask) >> cell & 1) == 0;
                if (legal && (best < 0 || logits[i * 9 + cell] > logits[i * 9 + best]))
                {
                    best = cell;
                }
            }
            rawWorse += IsWorse(solver, positions[i], best) ? 1 : 0;
        }

        // 2. With search: each thread its own player; the leaves of all threads share network batches.
        using var batching = new BatchingModel(model, Math.Max(1, threads), TimeSpan.FromMilliseconds(0.2));
        var evaluator = new ModelEvaluator<TicTacToePosition, TicTacToeMove>(batching);
        var chosen = new int[positions.Length];
        int next = -1;
        var workers = Enumerable.Range(0, Math.Max(1, threads)).Select(t => new Thread(() =>
        {
            var player = NetworkPlayers.Create(evaluator, playouts, 0, 1, t, $"mcts:{playouts}");
            int i;
            while ((i = Interlocked.Increment(ref next)) < positions.Length && !cancellation.IsCancellationRequested)
            {
                player.NewGame();
                chosen[i] = player.ChooseMove(positions[i], cancellation).Cell;
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        cancellation.ThrowIfCancellationRequested();
        var examples = new List<string>();
        int searchWorse = 0;
        for (int i = 0; i < positions.Length; i++)
        {
            if (IsWorse(solver, positions[i], chosen[i]))
            {
                searchWorse++;
                if (examples.Count < 10)
                {
                    examples.Add($"{positions[i].FormatPosition()}: played {chosen[i] + 1}");
                }
            }
        }
        return new TicTacToeAudit(positions.Length, rawWorse, searchWorse, examples);
    }

    /// <summary>True when <paramref name="cell"/> has a worse exact result than the best move of <paramref name="position"/>.</summary>
    public static bool IsWorse(TicTacToeSolver solver, TicTacToePosition position, int cell)
    {
        Span<int> scores = stackalloc int[9];
        solver.MoveScores(position, scores);
        int best = int.MinValue;
        foreach (int s in scores)
        {
            if (s != TicTacToeSolver.Illegal)
            {
                best = Math.Max(best, Math.Sign(s));
            }
        }
        return cell < 0 || scores[cell] == TicTacToeSolver.Illegal || Math.Sign(scores[cell]) < best;
    }
}
