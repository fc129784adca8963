namespace Zero.Games.Go;

/// <summary>The 13×13 network frame: the game "go13" in the catalog, boards up to 13×13 (default 13×13).</summary>
public readonly struct Go13 : IGoFrame
{
    public static int Size => 13;
    public static string Name => "go13";
}
