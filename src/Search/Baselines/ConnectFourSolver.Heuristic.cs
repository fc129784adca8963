using System.Numerics;
using Zero.Games.ConnectFour;
using static Zero.Search.Baselines.ConnectFourBits;

namespace Zero.Search.Baselines;

/// <summary>
/// The depth-limited half of the solver, for <see cref="AlphaBetaPlayer"/>: the same bitboard negamax (immediate
/// wins, non-losing move pruning, threat-count ordering) cut off at a depth, where a heuristic evaluation scores the
/// leaf. Proven results found inside the horizon are kept exact as <see cref="ProvenScale"/> × the Pons score, so a
/// proven win always beats any estimate. <see cref="SearchIterative"/> deepens one ply at a time until cancelled.
/// </summary>
public sealed partial class ConnectFourSolver
{
    /// <summary>A proven Pons score s is reported as s × ProvenScale; estimates stay strictly inside ±ProvenScale.</summary>
    public const int ProvenScale = 1000;

    private const int MaxEstimate = ProvenScale - 1;
    private const int ThreatWeight = 12;
    private const int ParityThreatWeight = 6;

    // How many four-in-a-row lines pass through each cell (the classic evaluation table), bottom row first.
    private static readonly int[] CellLines =
    [
        3, 4, 5, 7, 5, 4, 3,
        4, 6, 8, 10, 8, 6, 4,
        5, 8, 11, 13, 11, 8, 5,
        5, 8, 11, 13, 11, 8, 5,
        4, 6, 8, 10, 8, 6, 4,
        3, 4, 5, 7, 5, 4, 3,
    ];

    // CellLines as four bit planes: plane b holds the cells whose line count has bit b set.
    private static readonly ulong[] CellLinePlanes = BuildCellLinePlanes();

    // Rows 1, 3, 5 counted from 1 at the bottom (bit rows 0, 2, 4): the first player's good threat rows.
    private static readonly ulong OddRows = BottomMask * 0b010101UL;

    private readonly HeuristicTable _heuristicTable;

    private static ulong[] BuildCellLinePlanes()
    {
        var planes = new ulong[4];
        for (int row = 0; row < Height; row++)
        {
            for (int column = 0; column < Width; column++)
            {
                int weight = CellLines[row * Width + column];
                for (int b = 0; b < 4; b++)
                {
                    if ((weight >> b & 1) != 0)
                    {
                        planes[b] |= 1UL << (column * (Height + 1) + row);
                    }
                }
            }
        }
        return planes;
    }

    /// <summary>
    /// The static evaluation from the side to move, strictly inside ±<see cref="ProvenScale"/>: the difference in
    /// winning cells (threats), a bonus for threats on the rows where parity favours their owner, and the
    /// difference in how many lines the stones sit on.
    /// </summary>
    public static int Evaluate(ConnectFourPosition position) =>
        Evaluate(position.CurrentStones, position.Occupied, position.Ply);

    private static int Evaluate(ulong current, ulong mask, int moves)
    {
        ulong opponent = current ^ mask;
        ulong ownThreats = WinningCells(current, mask);
        ulong opponentThreats = WinningCells(opponent, mask);
        ulong ownGoodRows = (moves & 1) == 0 ? OddRows : ~OddRows;
        int score = ThreatWeight * (BitOperations.PopCount(ownThreats) - BitOperations.PopCount(opponentThreats))
            + ParityThreatWeight * (BitOperations.PopCount(ownThreats & ownGoodRows) - BitOperations.PopCount(opponentThreats & ~ownGoodRows & BoardMask))
            + LineWeight(current) - LineWeight(opponent);
        return Math.Clamp(score, -MaxEstimate, MaxEstimate);
    }

    private static int LineWeight(ulong stones) =>
        BitOperations.PopCount(stones & CellLinePlanes[0])
        + 2 * BitOperations.PopCount(stones & CellLinePlanes[1])
        + 4 * BitOperations.PopCount(stones & CellLinePlanes[2])
        + 8 * BitOperations.PopCount(stones & CellLinePlanes[3]);

    /// <summary>
    /// A fixed-depth search from <paramref name="position"/> (which must not be over): the best column and its
    /// score. Exact when the depth reaches the end of the game.
    /// </summary>
    /// <exception cref="ArgumentException">The game is over.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellation"/> fired during the search.</exception>
    public AlphaBetaResult SearchDepth(ConnectFourPosition position, int depth, CancellationToken cancellation = default)
    {
        if (position.Outcome is not null)
        {
            throw new ArgumentException("the game is over: there is no move to search", nameof(position));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        _cancellation = cancellation;
        long start = Nodes;
        (int column, int score) = SearchRoot(position.CurrentStones, position.Occupied, depth, -1);
        int moves = position.Ply;
        return new AlphaBetaResult(column, score, depth, depth >= Cells - moves, Nodes - start);
    }

    /// <summary>
    /// Iterative deepening: depth 1, 2, ... until the search reaches the end of the game, finds a proven result, or
    /// <paramref name="cancellation"/> fires; returns the last completed depth's result (depth 1 always completes).
    /// </summary>
    public AlphaBetaResult SearchIterative(ConnectFourPosition position, CancellationToken cancellation, int maxDepth = Cells)
    {
        long start = Nodes;
        AlphaBetaResult best = SearchDepth(position, 1);
        for (int depth = 2; depth <= maxDepth && !best.Exact && best.ProvenScore is null && !cancellation.IsCancellationRequested; depth++)
        {
            try
            {
                _cancellation = cancellation;
                (int column, int score) = SearchRoot(position.CurrentStones, position.Occupied, depth, best.Column);
                best = new AlphaBetaResult(column, score, depth, depth >= Cells - position.Ply, Nodes - start);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        return best with { Nodes = Nodes - start };
    }

    /// <summary>Searches every root move to <paramref name="depth"/>, trying <paramref name="hint"/> first.</summary>
    private (int Column, int Score) SearchRoot(ulong current, ulong mask, int depth, int hint)
    {
        int moves = BitOperations.PopCount(mask);

        // 1. A win now ends the search.
        ulong winNow = WinningCells(current, mask) & Possible(mask);
        if (winNow != 0)
        {
            return (ColumnOf(winNow & (0 - winNow)), ProvenScale * ((Cells + 1 - moves) / 2));
        }

        // 2. Every move loses at once: block one threat anyway (a person may miss the other).
        ulong candidates = NonLosingMoves(current, mask);
        if (candidates == 0)
        {
            ulong block = Possible(mask) & WinningCells(current ^ mask, mask);
            ulong any = block != 0 ? block : Possible(mask);
            return (ColumnOf(any & (0 - any)), -ProvenScale * ((Cells - moves) / 2));
        }

        // 3. Search the candidates, the previous iteration's best first.
        Span<ulong> ordered = stackalloc ulong[Width];
        int count = OrderMoves(current, mask, candidates, ordered, hint);
        int alpha = -int.MaxValue, bestColumn = ColumnOf(ordered[0]);
        for (int i = 0; i < count; i++)
        {
            ulong move = ordered[i];
            int score = (mask | move) == BoardMask ? 0 : -HeuristicNegamax(current ^ mask, mask | move, moves + 1, depth - 1, -int.MaxValue, -alpha);
            if (score > alpha)
            {
                alpha = score;
                bestColumn = ColumnOf(move);
            }
        }
        return (bestColumn, alpha);
    }

    private int HeuristicNegamax(ulong current, ulong mask, int moves, int depth, int alpha, int beta)
    {
        if ((++Nodes & CancelCheckMask) == 0)
        {
            _cancellation.ThrowIfCancellationRequested();
        }

        // 1. Proven results: a win now, no surviving move, or a drawn end.
        if (CanWinNext(current, mask))
        {
            return ProvenScale * ((Cells + 1 - moves) / 2);
        }
        ulong next = NonLosingMoves(current, mask);
        if (next == 0)
        {
            return -ProvenScale * ((Cells - moves) / 2);
        }
        if (moves >= Cells - 2)
        {
            return 0;
        }

        // 2. The horizon.
        if (depth <= 0)
        {
            return Evaluate(current, mask, moves);
        }

        // 3. The table: a deep enough entry may settle the node; any entry suggests a first move.
        ulong key = Key(current, mask);
        int hint = -1;
        if (_heuristicTable.TryGet(key, out int stored, out int storedDepth, out byte bound, out int storedColumn))
        {
            hint = storedColumn;
            if (storedDepth >= depth &&
                (bound == HeuristicTable.Exact
                 || (bound == HeuristicTable.Lower && stored >= beta)
                 || (bound == HeuristicTable.Upper && stored <= alpha)))
            {
                return stored;
            }
        }

        // 4. Search the moves, best-looking first.
        Span<ulong> ordered = stackalloc ulong[Width];
        int count = OrderMoves(current, mask, next, ordered, hint);
        int originalAlpha = alpha, best = -int.MaxValue, bestColumn = ColumnOf(ordered[0]);
        for (int i = 0; i < count; i++)
        {
            ulong move = ordered[i];
            int score = -HeuristicNegamax(current ^ mask, mask | move, moves + 1, depth - 1, -beta, -alpha);
            if (score > best)
            {
                best = score;
                bestColumn = ColumnOf(move);
            }
            if (score > alpha)
            {
                alpha = score;
                if (alpha >= beta)
                {
                    break;
                }
            }
        }
        byte kind = best >= beta ? HeuristicTable.Lower : best <= originalAlpha ? HeuristicTable.Upper : HeuristicTable.Exact;
        _heuristicTable.Put(key, best, depth, kind, bestColumn);
        return best;
    }

    /// <summary>Like the solver's ordering, with the column <paramref name="hint"/> (if among the candidates) first.</summary>
    private static int OrderMoves(ulong current, ulong mask, ulong candidates, Span<ulong> ordered, int hint)
    {
        int count = OrderMoves(current, mask, candidates, ordered);
        if (hint < 0)
        {
            return count;
        }
        for (int i = 1; i < count; i++)
        {
            if (ColumnOf(ordered[i]) == hint)
            {
                ulong move = ordered[i];
                ordered[..i].CopyTo(ordered[1..]);
                ordered[0] = move;
                break;
            }
        }
        return count;
    }
}
