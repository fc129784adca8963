using Zero.Games;

namespace Zero.Arena.Participants;

/// <summary>
/// What the <see cref="Play.Referee"/> asks a participant for one move: the game from its start (position and the
/// moves in the game's notation, so an engine can be sent `position fen ... moves ...`), the position now, both
/// clocks as the engine should see them and how long the referee will wait before the move is late.
/// </summary>
/// <param name="Start">The position the game started from (after no moves; an opening's moves are in <paramref name="MoveTexts"/>).</param>
/// <param name="MoveTexts">Every move played since <paramref name="Start"/>, in the game's notation.</param>
/// <param name="Position">The position to move in.</param>
/// <param name="Limit">The mover's search limit (clock, fixed time or nodes).</param>
/// <param name="Remaining">Time left on each side's clock, indexed by side to move (0 = first player), or null without a clock.</param>
/// <param name="Increment">Each side's increment, indexed by side.</param>
/// <param name="MovesToGo">Moves until the mover's next time control, or 0 for sudden death.</param>
/// <param name="Deadline">How long the referee waits for the answer; later is a time loss.</param>
/// <param name="Cancellation">Set when the tournament stops (Ctrl+C, SPRT decided): an internal player stops thinking.</param>
public sealed record MoveRequest<TGame, TMove>(
    TGame Start,
    IReadOnlyList<string> MoveTexts,
    TGame Position,
    SearchLimit Limit,
    TimeSpan[]? Remaining,
    TimeSpan[] Increment,
    int MovesToGo,
    TimeSpan Deadline,
    CancellationToken Cancellation = default)
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>;
