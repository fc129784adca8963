namespace Zero.Games.Go;

/// <summary>Small helpers on <see cref="GoColor"/> used by the rules, scoring and notation code.</summary>
public static class GoColors
{
    /// <summary>The other player's colour (Black ↔ White); Empty and Edge map to themselves.</summary>
    public static GoColor Opponent(this GoColor color) => color switch
    {
        GoColor.Black => GoColor.White,
        GoColor.White => GoColor.Black,
        _ => color,
    };

    /// <summary>The colour of player 0 (Black) or 1 (White).</summary>
    public static GoColor OfPlayer(int player) => player == 0 ? GoColor.Black : GoColor.White;

    /// <summary>Player index 0 (Black) or 1 (White) of a stone colour.</summary>
    public static int Player(this GoColor color) => color == GoColor.White ? 1 : 0;
}
