namespace Zero.Games.Go;

/// <summary>
/// The network frame of a Go game type: the largest board edge it holds, which fixes the static action count
/// (Size² + 1) and input shape of <see cref="GoPosition{TFrame}"/>. Implemented by the empty marker structs
/// <see cref="Go9"/>, <see cref="Go13"/>, <see cref="Go19"/> and <see cref="Go25"/>.
/// </summary>
public interface IGoFrame
{
    /// <summary>Largest board edge; also the default board size of the type's initial position.</summary>
    static abstract int Size { get; }

    /// <summary>The game's name in <see cref="GameCatalog"/> ("go9", "go13", "go", "go25").</summary>
    static abstract string Name { get; }
}
