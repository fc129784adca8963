using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>A 5×5 frame for the contract tests: small enough that every symmetry check replays games quickly.</summary>
public readonly struct Go5 : IGoFrame
{
    public static int Size => 5;
    public static string Name => "go5";
}
