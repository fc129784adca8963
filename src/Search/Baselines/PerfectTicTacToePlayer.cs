using Zero.Games.TicTacToe;
using Zero.Search.Players;

namespace Zero.Search.Baselines;

/// <summary>
/// Plays a best move by the exact <see cref="TicTacToeSolver"/> scores: the fastest win, else a draw, else the
/// slowest loss; ties broken at random from a seeded source so games vary. Never loses. Offered as
/// `--opponent perfect` and used by tests as the strongest tic-tac-toe yardstick.
/// </summary>
public sealed class PerfectTicTacToePlayer : IPlayer<TicTacToePosition, TicTacToeMove>
{
    private readonly TicTacToeSolver _solver;
    private readonly Random _random;

    /// <summary>Creates the player; <paramref name="solver"/> may be shared (it is immutable).</summary>
    public PerfectTicTacToePlayer(Random random, TicTacToeSolver? solver = null)
    {
        _random = random;
        _solver = solver ?? new TicTacToeSolver();
    }

    public string Name => "perfect";

    public void NewGame()
    {
    }

    /// <exception cref="ArgumentException">The game is over.</exception>
    public TicTacToeMove ChooseMove(TicTacToePosition position, CancellationToken cancellation = default)
    {
        Span<int> scores = stackalloc int[9];
        _solver.MoveScores(position, scores);
        int best = TicTacToeSolver.Illegal, ties = 0, chosen = -1;
        for (int cell = 0; cell < 9; cell++)
        {
            if (scores[cell] == TicTacToeSolver.Illegal || scores[cell] < best)
            {
                continue;
            }
            if (scores[cell] > best)
            {
                best = scores[cell];
                ties = 0;
            }

            // Reservoir choice among the cells with the best score: each is chosen with equal probability.
            if (_random.Next(++ties) == 0)
            {
                chosen = cell;
            }
        }
        if (chosen < 0)
        {
            throw new ArgumentException("the game is over: there is no move to choose", nameof(position));
        }
        return new TicTacToeMove((byte)chosen);
    }
}
