using System.Runtime.CompilerServices;

namespace Zero.Games.Chess;

/// <summary>
/// Perft: the number of leaf positions of the legal-move tree to a given depth, the standard check of a move
/// generator against known counts. The last ply is bulk-counted (the number of legal moves is the number of
/// leaves), as Stockfish's <c>go perft</c> does. Called by <c>zero perft</c>, <c>zero bench perft</c> and the tests.
/// </summary>
public static class Perft
{
    /// <summary>Leaf count of the tree of depth <paramref name="depth"/> below <paramref name="board"/> (1 at depth 0).</summary>
    [SkipLocalsInit]
    public static long Count(in ChessBoard board, int depth)
    {
        Span<ChessMove> moves = stackalloc ChessMove[MoveGenerator.MaxMoves];
        int n = MoveGenerator.Generate(in board, moves);
        if (depth <= 1)
        {
            return depth == 1 ? n : 1;
        }
        long total = 0;
        for (int i = 0; i < n; i++)
        {
            ChessBoard next = board.Play(moves[i]);
            total += Count(in next, depth - 1);
        }
        return total;
    }

    /// <summary>
    /// The count under each root move (the "divide" of perft tools), in generation order. With more than one thread
    /// the root moves are shared among them; the counts are the same either way.
    /// </summary>
    public static IReadOnlyList<(ChessMove Move, long Nodes)> Divide(ChessBoard board, int depth, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(depth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var moves = new ChessMove[MoveGenerator.MaxMoves];
        int n = board.GenerateMoves(moves);
        var counts = new long[n];
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads };
        Parallel.For(0, n, options, i =>
        {
            ChessBoard next = board.Play(moves[i]);
            counts[i] = Count(in next, depth - 1);
        });
        var result = new (ChessMove, long)[n];
        for (int i = 0; i < n; i++)
        {
            result[i] = (moves[i], counts[i]);
        }
        return result;
    }

    /// <summary>The total count, shared over <paramref name="threads"/> threads at the root (1 = this thread only).</summary>
    public static long Run(ChessBoard board, int depth, int threads = 1)
    {
        if (threads <= 1 || depth <= 1)
        {
            return Count(in board, depth);
        }
        long total = 0;
        foreach (var (_, nodes) in Divide(board, depth, threads))
        {
            total += nodes;
        }
        return total;
    }
}
