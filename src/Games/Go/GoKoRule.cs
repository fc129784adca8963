namespace Zero.Games.Go;

/// <summary>
/// How repetition is forbidden. <see cref="Simple"/> bans only the immediate recapture of a single-stone ko;
/// <see cref="Positional"/> (the default) bans any move that recreates an earlier whole-board colouring;
/// <see cref="Situational"/> bans recreating an earlier colouring with the same player to move.
/// Superko checks walk the position's history of Zobrist hashes (see <see cref="GoPosition{TFrame}"/>).
/// </summary>
public enum GoKoRule : byte
{
    Positional = 0,
    Situational = 1,
    Simple = 2,
}
