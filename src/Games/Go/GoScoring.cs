namespace Zero.Games.Go;

/// <summary>
/// Dead-stone estimation for scoring a finished game without a human (GTP final_score, final_status_list,
/// SGF RE): Monte-Carlo ownership. From the final position, <c>playouts</c> random games (<see cref="GoPlayout.Run"/>:
/// uniform legal moves that never fill a one-point eye) are played to the end, alternately starting with each
/// player, and each point's final owner (Tromp–Taylor) is tallied. A string is dead when its ownership seen
/// from its own colour (P(own) − P(opponent's), averaged over its stones) is below −<c>deadThreshold</c>
/// (default 0.3): a lone invader inside a territory ends in the owner's area far more often than not, while
/// strings in seki are lost about as often as they win (whoever fills a shared liberty first is captured), so
/// they stay near 0 and alive. Uniform playouts are weak in wide open areas, so the margin is relative, not a
/// majority of playouts (measured: a white invader in a 3×9 black area ends Black's +0.64; a single-column wall
/// around it stays its own +0.72).
/// </summary>
public static class GoScoring
{
    /// <summary>Ownership estimate per point (row-major N×N): P(Black owns) − P(White owns) at the end of random playouts.</summary>
    public static float[] Ownership(GoBoard board, int playouts, ulong seed, out float[] blackShare, out float[] whiteShare)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(playouts, 1);
        int n = board.Size;
        var black = new int[n * n];
        var white = new int[n * n];
        var random = new GoRandom(seed);
        GoBoard work = board.Clone();
        Span<GoColor> owners = stackalloc GoColor[board.PointCount];
        for (int i = 0; i < playouts; i++)
        {
            work.CopyFrom(board);
            work.ClearPasses();
            if ((i & 1) == 1)
            {
                work.SetToMove(board.ToMove.Opponent());
            }
            GoPlayout.Run(work, ref random, 3 * n * n);
            work.AreaOwners(owners);
            for (int row = 0; row < n; row++)
            {
                for (int col = 0; col < n; col++)
                {
                    GoColor o = owners[board.Point(row, col)];
                    if (o == GoColor.Black) black[row * n + col]++;
                    else if (o == GoColor.White) white[row * n + col]++;
                }
            }
        }
        var ownership = new float[n * n];
        blackShare = new float[n * n];
        whiteShare = new float[n * n];
        for (int i = 0; i < n * n; i++)
        {
            blackShare[i] = black[i] / (float)playouts;
            whiteShare[i] = white[i] / (float)playouts;
            ownership[i] = blackShare[i] - whiteShare[i];
        }
        return ownership;
    }

    /// <summary>Scores a (usually finished) game with dead stones estimated by <paramref name="playouts"/> random playouts.</summary>
    public static GoFinalScore Final<TFrame>(GoPosition<TFrame> position, int playouts = 1000, ulong seed = 1, double deadThreshold = 0.3)
        where TFrame : struct, IGoFrame
    {
        GoBoard board = position.Board;
        int n = board.Size;
        float[] ownership = Ownership(board, playouts, seed, out float[] blackShare, out float[] whiteShare);
        var dead = new bool[board.PointCount];
        var deadMoves = new List<GoMove>();
        var done = new bool[board.PointCount];
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                int p = board.Point(row, col);
                GoColor c = board[p];
                if (c == GoColor.Empty || done[p])
                {
                    continue;
                }
                // average the ownership from the string's own side, negated: how clearly the opponent gets it
                double lost = 0;
                int stones = 0;
                int q = p;
                do
                {
                    done[q] = true;
                    int i = board.Row(q) * n + board.Col(q);
                    lost += c == GoColor.Black ? whiteShare[i] - blackShare[i] : blackShare[i] - whiteShare[i];
                    stones++;
                    q = board.NextInChain(q);
                }
                while (q != p);
                if (lost / stones > deadThreshold)
                {
                    q = p;
                    do
                    {
                        dead[q] = true;
                        deadMoves.Add(GoMove.At(board.Row(q), board.Col(q)));
                        q = board.NextInChain(q);
                    }
                    while (q != p);
                }
            }
        }
        (int blackArea, int whiteArea) = board.AreaScore(dead);
        double score = blackArea - whiteArea - position.Rules.Komi - position.Setup.WhiteHandicapBonus;
        return new GoFinalScore(score, Sorted(deadMoves), Sorted(SekiStones(board, dead, blackShare, whiteShare)), ownership);
    }

    // Living strings next to an empty point that, with the dead stones removed, touches both colours, whose own
    // share stays uncertain (below 0.6: random playouts lose a seki about as often as they win it).
    private static List<GoMove> SekiStones(GoBoard board, bool[] dead, float[] blackShare, float[] whiteShare)
    {
        int n = board.Size, s = board.Stride;
        var seki = new List<GoMove>();
        var marked = new bool[board.PointCount];
        GoColor At(int p) => dead[p] ? GoColor.Empty : board[p];
        float OwnShare(int p)
        {
            int i = board.Row(p) * n + board.Col(p);
            return board[p] == GoColor.Black ? blackShare[i] : whiteShare[i];
        }
        for (int row = 0; row < n; row++)
        {
            for (int col = 0; col < n; col++)
            {
                int p = board.Point(row, col);
                if (board[p] != GoColor.Empty)
                {
                    continue;
                }
                bool b = false, w = false;
                foreach (int nb in (ReadOnlySpan<int>)[p - s, p - 1, p + 1, p + s])
                {
                    if (At(nb) == GoColor.Black) b = true;
                    else if (At(nb) == GoColor.White) w = true;
                }
                if (!(b && w))
                {
                    continue;
                }
                foreach (int nb in (ReadOnlySpan<int>)[p - s, p - 1, p + 1, p + s])
                {
                    if (At(nb) is GoColor.Black or GoColor.White && !marked[nb] && OwnShare(nb) < 0.6)
                    {
                        int q = nb;
                        do
                        {
                            marked[q] = true;
                            seki.Add(GoMove.At(board.Row(q), board.Col(q)));
                            q = board.NextInChain(q);
                        }
                        while (q != nb);
                    }
                }
            }
        }
        return seki;
    }

    private static GoMove[] Sorted(List<GoMove> moves) => moves.OrderBy(m => m.Row).ThenBy(m => m.Col).ToArray();
}
