namespace Zero.Games.Go;

/// <summary>
/// Random playouts on a <see cref="GoBoard"/> in place: each move is drawn uniformly from the empty points that
/// are legal (no suicide, simple ko) and do not fill the player's own one-point eye (<see cref="GoBoard.IsEye"/>);
/// with none left the player passes; two passes (or the move cap) end it. Used by `zero bench go`, the rollout
/// evaluator and the dead-stone estimate (<see cref="GoScoring"/>).
/// <para>Drawing without replacement: pick a random index among the first n entries of the board's empty list;
/// if that point is rejected, swap it to position n − 1 and shrink n. Every acceptable point is equally likely
/// and a full scan happens only when nearly nothing is playable.</para>
/// </summary>
public static class GoPlayout
{
    /// <summary>Plays random moves until two passes or <paramref name="maxMoves"/>; returns the number of moves played.</summary>
    public static int Run(GoBoard board, ref GoRandom random, int maxMoves)
    {
        int moves = 0;
        while (board.Passes < 2 && moves < maxMoves)
        {
            int point = PickMove(board, ref random);
            if (point == 0)
            {
                board.Pass();
            }
            else
            {
                board.PlayFast(point, board.ToMove);
            }
            moves++;
        }
        return moves;
    }

    /// <summary>
    /// Plays a light-policy playout until two passes or <paramref name="maxMoves"/>; returns the moves played. Before
    /// the uniform draw, each move looks at the previous one: capture the string just played if it has one
    /// liberty; else save an own string next to it that has one liberty by extending where the extension has two
    /// empty neighbours. Used by the dead-stone estimate and the rollout evaluator (invaders get captured instead
    /// of living by chance).
    /// </summary>
    public static int RunLight(GoBoard board, ref GoRandom random, int maxMoves)
    {
        int moves = 0;
        int last = 0;
        while (board.Passes < 2 && moves < maxMoves)
        {
            int point = last != 0 ? Tactical(board, last) : 0;
            if (point == 0)
            {
                point = PickMove(board, ref random);
            }
            if (point == 0)
            {
                board.Pass();
            }
            else
            {
                board.PlayFast(point, board.ToMove);
            }
            last = point;
            moves++;
        }
        return moves;
    }

    /// <summary>The capture or atari escape the light policy answers <paramref name="last"/> with, or 0.</summary>
    public static int Tactical(GoBoard board, int last)
    {
        GoColor me = board.ToMove;
        Span<int> liberty = stackalloc int[2];
        if (board[last] == me.Opponent() && board.LibertyPoints(last, liberty) == 1 &&
            board.IsLegalFast(liberty[0], me, suicideAllowed: false))
        {
            return liberty[0];
        }
        int s = board.Stride;
        foreach (int nb in (ReadOnlySpan<int>)[last - s, last - 1, last + 1, last + s])
        {
            if (board[nb] != me || board.LibertyPoints(nb, liberty) != 1)
            {
                continue;
            }
            int l = liberty[0];
            int empty = 0;
            foreach (int q in (ReadOnlySpan<int>)[l - s, l - 1, l + 1, l + s])
            {
                if (board[q] == GoColor.Empty) empty++;
            }
            if (empty >= 2 && board.IsLegalFast(l, me, suicideAllowed: false))
            {
                return l;
            }
        }
        return 0;
    }

    /// <summary>A uniformly random acceptable point for the player to move, or 0 when only a pass is left.</summary>
    public static int PickMove(GoBoard board, ref GoRandom random)
    {
        GoColor color = board.ToMove;
        ReadOnlySpan<short> empties = board.Empties;
        int n = empties.Length;
        while (n > 0)
        {
            int i = random.Below(n);
            int p = empties[i];
            if (!board.IsEyeFast(p, color) && board.IsLegalFast(p, color, suicideAllowed: false))
            {
                return p;
            }
            board.SwapEmpties(i, n - 1);
            n--;
        }
        return 0;
    }
}
