using System.Globalization;
using Zero.Games.ConnectFour;
using Zero.Search.Players;

namespace Zero.Search.Baselines;

/// <summary>
/// The Connect Four alpha-beta yardstick, by depth (`alphabeta:6`: a fixed-depth search with the heuristic
/// evaluation, reproducible node for node) or by time (`alphabeta:500ms`): iterative deepening for the first 40% of
/// the budget, then an attempt to solve the position exactly in the rest; when the solver finishes, the player
/// plays an optimal column (fastest win, slowest loss, centre first among equals). Offered by `zero play` and used
/// by the arena as the strong non-learning opponent.
/// </summary>
public sealed class AlphaBetaPlayer : IPlayer<ConnectFourPosition, ConnectFourMove>, IDescribesSearch
{
    private const double IterativeShare = 0.4;
    private static readonly int[] CentreFirst = [3, 2, 4, 1, 5, 0, 6];

    private readonly ConnectFourSolver _solver;
    private readonly int _depth;
    private readonly TimeSpan _timeLimit;
    private readonly TimeProvider _time;

    private AlphaBetaPlayer(ConnectFourSolver solver, int depth, TimeSpan timeLimit, TimeProvider time)
    {
        _solver = solver;
        _depth = depth;
        _timeLimit = timeLimit;
        _time = time;
    }

    /// <summary>A fixed-depth player (depth in plies, at least 1).</summary>
    public static AlphaBetaPlayer WithDepth(int depth, ConnectFourSolver? solver = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        return new AlphaBetaPlayer(solver ?? new ConnectFourSolver(), depth, TimeSpan.Zero, TimeProvider.System);
    }

    /// <summary>A player that thinks for <paramref name="limit"/> per move, measured with <paramref name="time"/>.</summary>
    public static AlphaBetaPlayer WithTime(TimeSpan limit, ConnectFourSolver? solver = null, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(limit, TimeSpan.Zero);
        return new AlphaBetaPlayer(solver ?? new ConnectFourSolver(), 0, limit, time ?? TimeProvider.System);
    }

    public string Name => _depth > 0
        ? $"alphabeta:{_depth}"
        : $"alphabeta:{((long)_timeLimit.TotalMilliseconds).ToString(CultureInfo.InvariantCulture)}ms";

    /// <summary>What the last <see cref="ChooseMove"/> found (for display).</summary>
    public AlphaBetaResult LastResult { get; private set; }

    public string? LastSearchSummary => LastResult.Depth == 0 ? null : LastResult.Describe();

    public void NewGame()
    {
    }

    /// <summary>
    /// Searches and returns the chosen column. By time, a cancellation ends the thinking early and the best move so
    /// far is played; by depth, the search cannot be cut short without losing its answer, so it throws.
    /// </summary>
    /// <exception cref="ArgumentException">The game is over.</exception>
    /// <exception cref="OperationCanceledException">Depth mode only: <paramref name="cancellation"/> fired.</exception>
    public ConnectFourMove ChooseMove(ConnectFourPosition position, CancellationToken cancellation = default)
    {
        LastResult = _depth > 0 ? _solver.SearchDepth(position, _depth, cancellation) : SearchTimed(position, cancellation);
        return new ConnectFourMove((byte)LastResult.Column);
    }

    private AlphaBetaResult SearchTimed(ConnectFourPosition position, CancellationToken cancellation)
    {
        long start = _time.GetTimestamp();

        // 1. Iterative deepening for a share of the budget: always yields a move.
        AlphaBetaResult heuristic;
        using (var timer = new CancellationTokenSource(_timeLimit * IterativeShare, _time))
        using (var deepening = CancellationTokenSource.CreateLinkedTokenSource(cancellation, timer.Token))
        {
            heuristic = _solver.SearchIterative(position, deepening.Token);
        }
        if (heuristic.Exact || cancellation.IsCancellationRequested)
        {
            return heuristic;
        }

        // 2. The rest of the budget: try to solve exactly; keep the heuristic move if the solver runs out of time.
        TimeSpan left = _timeLimit - _time.GetElapsedTime(start);
        if (left <= TimeSpan.Zero)
        {
            return heuristic;
        }
        using var solvingTimer = new CancellationTokenSource(left, _time);
        using var solving = CancellationTokenSource.CreateLinkedTokenSource(cancellation, solvingTimer.Token);
        long nodes = _solver.Nodes;
        try
        {
            Span<int> columns = stackalloc int[ConnectFourPosition.Width];
            int count = _solver.OptimalColumns(position, columns, out int score, solving.Token);
            int column = PickCentreMost(columns[..count]);
            return new AlphaBetaResult(column, score * ConnectFourSolver.ProvenScale, ConnectFourSolver.Cells - position.Ply, true,
                heuristic.Nodes + _solver.Nodes - nodes);
        }
        catch (OperationCanceledException)
        {
            return heuristic with { Nodes = heuristic.Nodes + _solver.Nodes - nodes };
        }
    }

    private static int PickCentreMost(ReadOnlySpan<int> columns)
    {
        foreach (int column in CentreFirst)
        {
            if (columns.Contains(column))
            {
                return column;
            }
        }
        throw new InvalidOperationException("the solver found no optimal column");
    }
}
