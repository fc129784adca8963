using Zero.Games.Go;
using Zero.Search.Evaluation;

namespace Zero.Uci.Gtp;

/// <summary>
/// The Go evaluator `zero gtp` plays with until a trained Go network ships: value = the result of one light-policy
/// playout (<see cref="GoPlayout.RunLight"/>: capture a string the last move left in atari, save an own string in
/// atari, else a uniform non-eye-filling move) scored by area and komi, plus a little of the margin so the search
/// prefers safer wins; policy = a few cheap shape rules as logits (captures and atari escapes up, own eyes, self-atari
/// and the first line down, moves near the last one slightly up, pass down). It sits behind the same
/// <see cref="IEvaluator{TGame,TMove}"/> seam as a network. Created by <see cref="GoEvaluatorFactory"/>.
/// </summary>
public sealed class GoLightEvaluator<TFrame>(int seed) : IEvaluator<GoPosition<TFrame>, GoMove>
    where TFrame : struct, IGoFrame
{
    private int _batches;

    public string Name => "light-rollout";

    public bool HasPolicy => true;

    public IEvaluationBatch<GoPosition<TFrame>, GoMove> CreateBatch(int capacity)
    {
        int number = Interlocked.Increment(ref _batches);
        return new Batch(capacity, new GoRandom(((ulong)(uint)seed << 32) | (uint)number));
    }

    /// <summary>One light playout from <paramref name="position"/>: the value for its side to move in [-1, 1].</summary>
    public static float Rollout(in GoPosition<TFrame> position, GoBoard work, ref GoRandom random)
    {
        GoBoard board = position.Board;
        work.CopyFrom(board);
        int n = board.Size;
        GoPlayout.RunLight(work, ref random, 3 * n * n);
        (int black, int white) = work.AreaScore();
        double score = black - white - position.Rules.Komi - position.Setup.WhiteHandicapBonus;
        double mine = board.ToMove == GoColor.Black ? score : -score;
        double sign = mine > 0 ? 1 : mine < 0 ? -1 : 0;
        return (float)(0.7 * sign + 0.3 * Math.Tanh(mine / (n * n / 8.0)));
    }

    /// <summary>Writes the shape-rule logits of every legal move of <paramref name="position"/> (others are left alone).</summary>
    public static void Priors(in GoPosition<TFrame> position, Span<GoMove> moves, Span<float> logits)
    {
        GoBoard board = position.Board;
        GoColor me = board.ToMove;
        GoColor them = me.Opponent();
        int size = board.Size;
        int s = board.Stride;
        int count = position.GenerateMoves(moves);
        int last = position.LastMove is { IsPoint: true } lm ? board.Point(lm.Row, lm.Col) : 0;
        int filled = board.BlackStones + board.WhiteStones;
        bool opening = filled < size * size / 4;
        for (int i = 0; i < count; i++)
        {
            GoMove move = moves[i];
            int action = position.ActionIndex(move);
            if (move.IsPass)
            {
                logits[action] = -3f;
                continue;
            }
            int p = board.Point(move.Row, move.Col);
            float logit = 0;
            if (board.IsEye(p, me))
            {
                logits[action] = -6f;
                continue;
            }
            int line = Math.Min(Math.Min(move.Row, move.Col), Math.Min(size - 1 - move.Row, size - 1 - move.Col));
            if (size >= 7)
            {
                logit += line switch { 0 => opening ? -2f : -1f, 1 => opening ? -0.5f : 0f, 2 or 3 => 0.4f, _ => 0.2f };
            }
            int libertiesAfter = 0;
            bool captures = false;
            foreach (int nb in (ReadOnlySpan<int>)[p - s, p - 1, p + 1, p + s])
            {
                GoColor c = board[nb];
                if (c == GoColor.Empty)
                {
                    libertiesAfter++;
                }
                else if (c == them && board.Liberties(nb, 2) == 1)
                {
                    captures = true;
                    logit += 2.5f + Math.Min(board.ChainSize(nb), 6) * 0.3f;
                }
                else if (c == me)
                {
                    int libs = board.Liberties(nb, 3);
                    if (libs == 1)
                    {
                        logit += 1.5f; // extends a string in atari
                    }
                    libertiesAfter += libs - 1;
                }
            }
            if (!captures && libertiesAfter <= 1)
            {
                logit -= 2f; // self-atari (counted loosely: shared liberties are counted twice)
            }
            if (last != 0)
            {
                int dr = Math.Abs(board.Row(last) - move.Row), dc = Math.Abs(board.Col(last) - move.Col);
                if (dr + dc <= 2)
                {
                    logit += 0.5f;
                }
            }
            logits[action] = logit;
        }
    }

    private sealed class Batch(int capacity, GoRandom random) : EvaluationBatch<GoPosition<TFrame>, GoMove>(capacity, hasWdl: false)
    {
        private readonly GoMove[] _moves = new GoMove[GoPosition<TFrame>.MaxMoves];
        private GoBoard _work = new(TFrame.Size);
        private GoRandom _random = random;

        protected override void EvaluateLeaf(int index)
        {
            GoPosition<TFrame> position = Positions[index];
            if (position.Size != _work.Size)
            {
                _work = new GoBoard(position.Size);
            }
            Values[index] = Rollout(position, _work, ref _random);
            Priors(position, _moves, LogitsAt(index));
        }
    }
}
