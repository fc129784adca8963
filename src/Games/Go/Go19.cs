namespace Zero.Games.Go;

/// <summary>The 19×19 network frame: the game "go" in the catalog, boards up to 19×19 (default 19×19).</summary>
public readonly struct Go19 : IGoFrame
{
    public static int Size => 19;
    public static string Name => "go";
}
