using Zero.Games;

namespace Zero.Arena.Play;

/// <summary>
/// A game played by <see cref="GameRunner"/>: the moves, the final position and the result for the first player
/// (+1 win, 0 draw, −1 loss; a game stopped at the ply limit counts as a draw and is marked truncated).
/// </summary>
public sealed record PlayedGame<TGame, TMove>(IReadOnlyList<TMove> Moves, TGame Final, int FirstPlayerResult, bool Truncated)
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>;
