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
