using System.Diagnostics;
using System.Numerics;
using Zero.Games;
using Zero.Games.ConnectFour;
using static Zero.Search.Baselines.ConnectFourBits;

namespace Zero.Search.Baselines;

/// <summary>
/// The strong Connect Four solver (Pascal Pons' technique, http://blog.gamesolver.org): negamax alpha-beta on
/// bitboards with a transposition table of bounds, centre-first move ordering refined by the number of winning
/// cells a move creates, pruning of moves that lose at once, score-range bounds, and an iterative null-window
/// search for the exact score. A second, depth-limited search with a heuristic evaluation
/// (ConnectFourSolver.Heuristic.cs) serves <see cref="AlphaBetaPlayer"/> at fixed depth or under a time limit.
/// Called by AlphaBetaPlayer, `zero bench solver`, and the tests that check it against the labelled positions.
/// </summary>
/// <remarks>
/// Scores follow Pons (and data/connect4/README.md): from the side to move, 0 a draw, 22 − k when the
/// side to move wins with its k-th stone at the latest, −(22 − k) when it loses to the opponent's k-th stone.
/// Not thread-safe: one solver per thread. The tables are kept between searches (their entries are facts about
/// positions, valid forever), so a game's later moves reuse the work of its earlier ones.
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
public sealed partial class ConnectFourSolver
{
    /// <summary>Cells on the board: the most plies a game can last.</summary>
    public const int Cells = ConnectFourBits.Cells;

    /// <summary>The value <see cref="SolveColumns"/> writes for a full column.</summary>
    public const int Unplayable = int.MinValue;

    // The score range used to code table bounds (Pons narrows it by 3 on each side; we keep the full range so that
    // an alpha below the true minimum, possible in the first plies, still codes correctly).
    private const int MinScore = -(Cells / 2);
    private const int MaxScore = (Cells + 1) / 2;
    private const int CancelCheckMask = (1 << 12) - 1;

    // Centre first: the columns in the order the search tries them when nothing else tells them apart.
    private static readonly int[] ColumnOrder = [3, 2, 4, 1, 5, 0, 6];

    private readonly ConnectFourTable _table;
    private CancellationToken _cancellation;

    /// <summary>Creates a solver whose exact table holds 2^<paramref name="tableBits"/> entries of 8 bytes (23: 64 MiB).</summary>
    public ConnectFourSolver(int tableBits = 23, int heuristicTableBits = 20)
    {
        _table = new ConnectFourTable(tableBits);
        _heuristicTable = new HeuristicTable(heuristicTableBits);
    }

    /// <summary>Positions visited since the solver was created or <see cref="ResetNodeCount"/> was called.</summary>
    public long Nodes { get; private set; }

    /// <summary>Sets <see cref="Nodes"/> back to zero.</summary>
    public void ResetNodeCount() => Nodes = 0;

    /// <summary>Empties both transposition tables (for reproducible node counts).</summary>
    public void Clear()
    {
        _table.Clear();
        _heuristicTable.Clear();
    }

    /// <summary>
    /// The exact score of <paramref name="position"/> for the side to move (Pons' convention). A finished game
    /// scores 0 (draw) or the loss it is.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired during the search.</exception>
    public int Solve(ConnectFourPosition position, CancellationToken cancellation = default)
    {
        if (position.Outcome is GameResult result)
        {
            return result == GameResult.Draw ? 0 : -(22 - (position.Ply + 1) / 2);
        }
        _cancellation = cancellation;
        return Solve(position.CurrentStones, position.Occupied, -Cells, Cells);
    }

    /// <summary>
    /// The exact value of playing each column (Pons' convention, for the side to move now) into
    /// <paramref name="values"/> (7 long); <see cref="Unplayable"/> for a full column or a finished game.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired during the search.</exception>
    public void SolveColumns(ConnectFourPosition position, Span<int> values, CancellationToken cancellation = default)
    {
        values = values[..Width];
        values.Fill(Unplayable);
        if (position.Outcome is not null)
        {
            return;
        }
        _cancellation = cancellation;
        ulong current = position.CurrentStones, mask = position.Occupied;
        int moves = BitOperations.PopCount(mask);
        ulong winning = WinningCells(current, mask);
        foreach (int column in ColumnOrder)
        {
            ulong move = Possible(mask) & ColumnMask(column);
            if (move == 0)
            {
                continue;
            }
            if ((move & winning) != 0)
            {
                values[column] = (Cells + 1 - moves) / 2;
                continue;
            }
            ulong childMask = mask | move;
            ulong childCurrent = current ^ mask;
            values[column] = childMask == BoardMask ? 0 : -Solve(childCurrent, childMask, -Cells, Cells);
        }
    }

    /// <summary>
    /// The columns (0-based) that keep the exact score of the position, written into <paramref name="columns"/>;
    /// returns how many. Faster than <see cref="SolveColumns"/>: each column is only tested against the known score.
    /// </summary>
    public int OptimalColumns(ConnectFourPosition position, Span<int> columns, out int score, CancellationToken cancellation = default)
    {
        score = Solve(position, cancellation);
        int count = 0;
        if (position.Outcome is not null)
        {
            return 0;
        }
        _cancellation = cancellation;
        ulong current = position.CurrentStones, mask = position.Occupied;
        int moves = BitOperations.PopCount(mask);
        ulong winning = WinningCells(current, mask);
        for (int column = 0; column < Width; column++)
        {
            ulong move = Possible(mask) & ColumnMask(column);
            if (move == 0)
            {
                continue;
            }
            int value;
            if ((move & winning) != 0)
            {
                value = (Cells + 1 - moves) / 2;
            }
            else if ((mask | move) == BoardMask)
            {
                value = 0;
            }
            else
            {
                // The column keeps the score iff the child is worth at most -score: one null-window test.
                value = -Solve(current ^ mask, mask | move, -score, -score + 1);
            }
            if (value >= score)
            {
                columns[count++] = column;
            }
        }
        return count;
    }

    /// <summary>
    /// Iterative null-window search (Pons' solve): narrows [min, max] to the exact score within
    /// [<paramref name="low"/>, <paramref name="high"/>]; the result is exact when it lies strictly inside, else a bound.
    /// </summary>
    private int Solve(ulong current, ulong mask, int low, int high)
    {
        int moves = BitOperations.PopCount(mask);
        if (CanWinNext(current, mask))
        {
            return (Cells + 1 - moves) / 2;
        }
        int min = Math.Max(-(Cells - moves) / 2, low);
        int max = Math.Min((Cells + 1 - moves) / 2, high);
        while (min < max)
        {
            // 1. Probe the middle, leaning towards 0 first (most positions are close to a draw).
            int med = min + (max - min) / 2;
            if (med <= 0 && min / 2 < med)
            {
                med = min / 2;
            }
            else if (med >= 0 && max / 2 > med)
            {
                med = max / 2;
            }

            // 2. A null window around med tells which side the score lies on.
            int r = Negamax(current, mask, moves, med, med + 1);
            if (r <= med)
            {
                max = r;
            }
            else
            {
                min = r;
            }
        }
        return min;
    }

    /// <summary>
    /// Negamax with alpha-beta (Pons): returns the exact score when it lies in (alpha, beta), an upper bound
    /// ≤ alpha or a lower bound ≥ beta otherwise. The side to move must not be able to win at once.
    /// </summary>
    private int Negamax(ulong current, ulong mask, int moves, int alpha, int beta)
    {
        Debug.Assert(alpha < beta);
        if ((++Nodes & CancelCheckMask) == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
        }

        // 1. No move that survives the opponent's reply: we lose to its next stone.
        ulong next = NonLosingMoves(current, mask);
        if (next == 0)
        {
            return -(Cells - moves) / 2;
        }

        // 2. Two cells or fewer left and no immediate win on either side: a draw.
        if (moves >= Cells - 2)
        {
            return 0;
        }

        // 3. The opponent cannot win with its next stone, so the score is at least this.
        int min = -(Cells - 2 - moves) / 2;
        if (alpha < min)
        {
            alpha = min;
            if (alpha >= beta)
            {
                return alpha;
            }
        }

        // 4. We cannot win with this stone, so the score is at most this (or the table's tighter bound).
        int max = (Cells - 1 - moves) / 2;
        if (beta > max)
        {
            beta = max;
            if (alpha >= beta)
            {
                return beta;
            }
        }
        ulong key = Key(current, mask);
        int stored = _table.Get(key);
        if (stored != 0)
        {
            if (stored > MaxScore - MinScore + 1)
            {
                int lower = stored + 2 * MinScore - MaxScore - 2;
                if (alpha < lower)
                {
                    alpha = lower;
                    if (alpha >= beta)
                    {
                        return alpha;
                    }
                }
            }
            else
            {
                int upper = stored + MinScore - 1;
                if (beta > upper)
                {
                    beta = upper;
                    if (alpha >= beta)
                    {
                        return beta;
                    }
                }
            }
        }

        // 5. Order the moves: most winning cells created first, centre first among equals.
        Span<ulong> ordered = stackalloc ulong[Width];
        int count = OrderMoves(current, mask, next, ordered);

        // 6. Search them.
        for (int i = 0; i < count; i++)
        {
            ulong move = ordered[i];
            int score = -Negamax(current ^ mask, mask | move, moves + 1, -beta, -alpha);
            if (score >= beta)
            {
                _table.Put(key, score + MaxScore - 2 * MinScore + 2);
                return score;
            }
            if (score > alpha)
            {
                alpha = score;
            }
        }
        _table.Put(key, alpha - MinScore + 1);
        return alpha;
    }

    /// <summary>
    /// Writes the moves of <paramref name="candidates"/> into <paramref name="ordered"/>, best first: more winning
    /// cells created for the mover first, centre columns first among equals (a stable insertion sort).
    /// </summary>
    private static int OrderMoves(ulong current, ulong mask, ulong candidates, Span<ulong> ordered)
    {
        Span<int> scores = stackalloc int[Width];
        int count = 0;
        foreach (int column in ColumnOrder)
        {
            ulong move = candidates & ColumnMask(column);
            if (move == 0)
            {
                continue;
            }
            int score = BitOperations.PopCount(WinningCells(current | move, mask | move));
            int j = count++;
            while (j > 0 && scores[j - 1] < score)
            {
                ordered[j] = ordered[j - 1];
                scores[j] = scores[j - 1];
                j--;
            }
            ordered[j] = move;
            scores[j] = score;
        }
        return count;
    }
}
