namespace Zero.Games.Go;

/// <summary>The 9×9 network frame: the game "go9" in the catalog, boards up to 9×9 (default 9×9).</summary>
public readonly struct Go9 : IGoFrame
{
    public static int Size => 9;
    public static string Name => "go9";
}
