namespace Zero.Games.Go;

/// <summary>The 25×25 network frame: the game "go25" in the catalog, boards up to 25×25 (default 25×25).</summary>
public readonly struct Go25 : IGoFrame
{
    public static int Size => 25;
    public static string Name => "go25";
}
