namespace Zero.Games;

/// <summary>Shape of one position's network input: planes × height × width, plane-major.</summary>
public readonly record struct InputShape(int Planes, int Height, int Width)
{
    /// <summary>Number of floats for one position.</summary>
    public int Size => Planes * Height * Width;

    public override string ToString() => $"{Planes}x{Height}x{Width}";
}
