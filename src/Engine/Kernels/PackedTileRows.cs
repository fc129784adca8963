namespace Zero.Engine.Kernels;

/// <summary>
/// A packed A sliver of <see cref="Gemm"/>: per k step the 8 values of the tile's rows, contiguous (zero-padded past
/// the matrix). Used by <see cref="GemmMicroKernels.Kernel512"/>.
/// </summary>
internal readonly unsafe struct PackedTileRows(float* sliver) : ITileRows
{
    private readonly float* _sliver = sliver;

    public float At(int row, int p) => _sliver[(nint)p * 8 + row];
}
