using Zero.Games;
using Zero.Games.ConnectFour;

namespace Zero.SelfPlay.Benchmarks;

/// <summary>
/// The two error rates of ../shared/data/connect4/README.md for a move chooser: outcome errors (the chosen move's
/// result class is worse than the best move's, counted only over positions where the classes differ) and exact
/// errors (the chosen move is not among the optimal columns, over all positions). `zero eval connect4` measures
/// them for the raw network and with search.
/// </summary>
public sealed record MoveErrorRates(int Positions, int OutcomePositions, int OutcomeErrors, int ExactErrors)
{
    /// <summary>Outcome errors / positions where the result classes differ.</summary>
    public double OutcomeErrorRate => OutcomePositions == 0 ? 0 : (double)OutcomeErrors / OutcomePositions;

    /// <summary>Exact errors / all positions.</summary>
    public double ExactErrorRate => Positions == 0 ? 0 : (double)ExactErrors / Positions;

    /// <summary>Reads a labelled file; every malformed line is an error naming the file and line.</summary>
    /// <exception cref="ZeroException">The file is missing or a line is malformed.</exception>
    public static IReadOnlyList<LabelledPosition> ReadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ZeroException($"labelled position file '{path}' not found: give --file a file in the format of ../shared/data/connect4/README.md");
        }
        var list = new List<LabelledPosition>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }
            if (!LabelledPosition.TryParse(line, out LabelledPosition? p, out string? error))
            {
                throw new ZeroException($"{path}:{number}: {error}");
            }
            list.Add(p!);
        }
        return list;
    }

    /// <summary>
    /// Scores <paramref name="choose"/> (position → column 0–6) on <paramref name="positions"/>, using
    /// <paramref name="threads"/> threads (the chooser factory is called once per thread).
    /// </summary>
    public static MoveErrorRates Measure(IReadOnlyList<LabelledPosition> positions, Func<Func<ConnectFourPosition, int>> chooserFactory,
        int threads = 1, CancellationToken cancellation = default)
    {
        var chosen = new int[positions.Count];
        int next = -1;
        Exception? failure = null;
        var workers = Enumerable.Range(0, Math.Max(1, threads)).Select(_ => new Thread(() =>
        {
            try
            {
                Func<ConnectFourPosition, int> choose = chooserFactory();
                int i;
                while ((i = Interlocked.Increment(ref next)) < positions.Count)
                {
                    cancellation.ThrowIfCancellationRequested();
                    chosen[i] = choose(positions[i].Position);
                }
            }
            catch (Exception e)
            {
                Interlocked.CompareExchange(ref failure, e, null);
            }
        }) { IsBackground = true }).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        if (failure is OperationCanceledException)
        {
            throw failure;
        }
        if (failure is not null)
        {
            throw new InvalidOperationException($"choosing moves failed: {failure.Message}", failure);
        }
        int outcomePositions = 0, outcomeErrors = 0, exactErrors = 0;
        for (int i = 0; i < positions.Count; i++)
        {
            LabelledPosition p = positions[i];
            if (p.DistinguishesOutcomes)
            {
                outcomePositions++;
                outcomeErrors += p.IsOutcomeError(chosen[i]) ? 1 : 0;
            }
            exactErrors += p.IsExactError(chosen[i]) ? 1 : 0;
        }
        return new MoveErrorRates(positions.Count, outcomePositions, outcomeErrors, exactErrors);
    }
}
