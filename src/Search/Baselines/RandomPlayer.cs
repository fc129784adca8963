using Zero.Games;
using Zero.Search.Players;

namespace Zero.Search.Baselines;

/// <summary>
/// Plays a uniformly random legal move from a seeded source: the weakest yardstick, used by tests ("beats random")
/// and offered as `--opponent random`.
/// </summary>
public sealed class RandomPlayer<TGame, TMove> : IPlayer<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    private readonly Random _random;
    private readonly TMove[] _moves = new TMove[TGame.MaxMoves];

    /// <summary>Creates the player; <paramref name="random"/> is its only source of randomness.</summary>
    public RandomPlayer(Random random) => _random = random;

    public string Name => "random";

    public void NewGame()
    {
    }

    /// <exception cref="ArgumentException">The game is over.</exception>
    public TMove ChooseMove(TGame position, CancellationToken cancellation = default)
    {
        int count = position.GenerateMoves(_moves);
        if (count == 0)
        {
            throw new ArgumentException("the game is over: there is no move to choose", nameof(position));
        }
        return _moves[_random.Next(count)];
    }
}
