using Zero.Games;

namespace Zero.Search.Players;

/// <summary>
/// Anything that picks moves: the random player, the perfect tic-tac-toe player, the alpha-beta Connect Four
/// player, the MCTS player, a network. The game runner (self-play, arena, `zero play`) talks to every opponent
/// through this seam.
/// </summary>
public interface IPlayer<TGame, TMove>
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>A short description shown to people ("alphabeta:6", "mcts:800").</summary>
    string Name { get; }

    /// <summary>Forgets everything about the previous game (trees, caches keyed by game).</summary>
    void NewGame();

    /// <summary>Chooses a legal move in <paramref name="position"/>, which must not be over. Blocks until chosen.</summary>
    TMove ChooseMove(TGame position, CancellationToken cancellation = default);
}
