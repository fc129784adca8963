using Zero.Games;
using Zero.Games.TicTacToe;

namespace Zero.Search.Baselines;

/// <summary>
/// The exact minimax value of every reachable tic-tac-toe position (5,478 of them, finished ones included), built
/// once by a memoised depth-first walk, and the value of every move. Scores prefer faster wins and slower losses:
/// from the side to move, a win that ends the game at ply e scores 10 − e, a loss −(10 − e), a draw 0; the sign
/// alone is the game-theoretic result. Used by <see cref="PerfectTicTacToePlayer"/> and by tests that need the
/// truth ("never picks a worse move where a better one exists, from any reachable position"). Immutable once built,
/// so one instance may be shared between threads.
/// </summary>
public sealed class TicTacToeSolver
{
    /// <summary>The value <see cref="MoveScores"/> writes for a taken cell or a finished game.</summary>
    public const int Illegal = int.MinValue;

    private const sbyte Unknown = sbyte.MinValue;

    private readonly sbyte[] _scores = new sbyte[1 << 18];
    private readonly List<TicTacToePosition> _positions = [];

    /// <summary>Solves the whole game (a few milliseconds).</summary>
    public TicTacToeSolver()
    {
        Array.Fill(_scores, Unknown);
        Solve(TicTacToePosition.Initial);
    }

    /// <summary>Every reachable position, the initial and the finished ones included, in discovery order.</summary>
    public IReadOnlyList<TicTacToePosition> ReachablePositions => _positions;

    private static int Index(TicTacToePosition position) => position.XMask | (position.OMask << 9);

    private int Solve(TicTacToePosition position)
    {
        int index = Index(position);
        if (_scores[index] != Unknown)
        {
            return _scores[index];
        }
        _positions.Add(position);
        int score;
        if (position.Outcome is GameResult result)
        {
            score = result == GameResult.Draw ? 0 : -(10 - position.Ply);
        }
        else
        {
            score = int.MinValue;
            Span<TicTacToeMove> moves = stackalloc TicTacToeMove[9];
            int count = position.GenerateMoves(moves);
            for (int i = 0; i < count; i++)
            {
                score = Math.Max(score, -Solve(position.Play(moves[i])));
            }
        }
        _scores[index] = (sbyte)score;
        return score;
    }

    /// <summary>The exact score of a reachable position for the side to move (see the type's remarks).</summary>
    /// <exception cref="ArgumentException">The position cannot arise in a legal game.</exception>
    public int Score(TicTacToePosition position)
    {
        sbyte score = _scores[Index(position)];
        if (score == Unknown)
        {
            throw new ArgumentException($"position '{position.Render()}' cannot arise in a legal game", nameof(position));
        }
        return score;
    }

    /// <summary>The game-theoretic result of a reachable position for the side to move, with best play.</summary>
    public GameResult Result(TicTacToePosition position) => (GameResult)Math.Sign(Score(position));

    /// <summary>
    /// The score of playing each cell (for the side to move now) into <paramref name="scores"/> (9 long, cell 0 =
    /// top-left); <see cref="Illegal"/> for taken cells or when the game is over.
    /// </summary>
    public void MoveScores(TicTacToePosition position, Span<int> scores)
    {
        scores = scores[..9];
        scores.Fill(Illegal);
        Span<TicTacToeMove> moves = stackalloc TicTacToeMove[9];
        int count = position.GenerateMoves(moves);
        for (int i = 0; i < count; i++)
        {
            scores[moves[i].Cell] = -Score(position.Play(moves[i]));
        }
    }
}
