using Zero.Games;

namespace Zero.Arena.Openings;

/// <summary>
/// Where a game starts: a position (a FEN from an EPD line, or the initial position) and the opening moves played
/// from it before the participants take over (a PGN's first plies, a Connect Four move string, random plies). The
/// moves are part of the game record and of every engine's `position ... moves` line, but no participant chose
/// them. Made by <see cref="OpeningBook"/>; each opening is played twice with the colours swapped.
/// </summary>
public sealed record Opening<TGame, TMove>(TGame Start, IReadOnlyList<TMove> Moves, string Label)
    where TGame : struct, IGame<TGame, TMove>
    where TMove : struct, IEquatable<TMove>
{
    /// <summary>The initial position with no moves.</summary>
    public static Opening<TGame, TMove> Initial { get; } = new(TGame.Initial, [], "start");

    /// <summary>The position after the opening moves.</summary>
    public TGame Position
    {
        get
        {
            TGame p = Start;
            foreach (TMove m in Moves)
            {
                p = p.Play(m);
            }
            return p;
        }
    }
}
