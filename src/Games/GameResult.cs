namespace Zero.Games;

/// <summary>The result of a finished game from the point of view of the side to move.</summary>
public enum GameResult : sbyte
{
    Loss = -1,
    Draw = 0,
    Win = 1,
}

/// <summary>Helpers for <see cref="GameResult"/>.</summary>
public static class GameResultExtensions
{
    /// <summary>The result as a value in [-1, 1] for the side to move.</summary>
    public static float ToValue(this GameResult result) => (sbyte)result;

    /// <summary>The same result seen from the other player.</summary>
    public static GameResult Flip(this GameResult result) => (GameResult)(-(sbyte)result);
}
