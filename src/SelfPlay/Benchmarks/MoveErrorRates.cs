using Zero.Games.ConnectFour;

namespace Zero.SelfPlay.Benchmarks;

/// <summary>
/// The two error rates of data/connect4/README.md for a move chooser over solver-labelled positions
/// (<see cref="LabelledPosition"/>): outcome errors (the chosen move's result class — win, draw, loss — is worse than
/// the best move's, counted only over positions where the legal moves' classes differ) and exact errors (the chosen
/// move is not among the optimal columns, over all positions). `zero eval connect4` measures them for the raw
/// network and with search.
/// </summary>
public sealed record MoveErrorRates(int Positions, int OutcomePositions, int OutcomeErrors, int ExactErrors)
{
    /// <summary>Outcome errors / positions where the result classes differ.</summary>
    public double OutcomeErrorRate => OutcomePositions == 0 ? 0 : (double)OutcomeErrors / OutcomePositions;

    /// <summary>Exact errors / all positions.</summary>
    public double ExactErrorRate => Positions == 0 ? 0 : (double)ExactErrors / Positions;

    /// <summary>True when the legal moves of <paramref name="p"/> do not all have the same result class.</summary>
    public static bool DistinguishesOutcomes(LabelledPosition p) =>
        p.ColumnValues.Where(v => v is not null).Select(v => Math.Sign(v!.Value)).Distinct().Count() > 1;

    /// <summary>True when playing <paramref name="column"/> (0-based) gives a worse result class than the best move.</summary>
    public static bool IsOutcomeError(LabelledPosition p, int column) =>
        p.ColumnValues[column] is not int v || Math.Sign(v) < p.ColumnValues.Where(x => x is not null).Max(x => Math.Sign(x!.Value));

    /// <summary>True when <paramref name="column"/> (0-based) is not one of the optimal columns.</summary>
    public static bool IsExactError(LabelledPosition p, int column) => !p.OptimalColumns.Contains(column);

    /// <summary>
    /// Scores the choosers made by <paramref name="chooserFactory"/> (position → column 0–6) on
    /// <paramref name="positions"/> with <paramref name="threads"/> threads (the factory is called once per thread).
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
            if (DistinguishesOutcomes(p))
            {
                outcomePositions++;
                outcomeErrors += IsOutcomeError(p, chosen[i]) ? 1 : 0;
            }
            exactErrors += IsExactError(p, chosen[i]) ? 1 : 0;
        }
        return new MoveErrorRates(positions.Count, outcomePositions, outcomeErrors, exactErrors);
    }
}
