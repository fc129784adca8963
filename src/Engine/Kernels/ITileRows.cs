namespace Zero.Engine.Kernels;

/// <summary>
/// How the 8×32 micro-kernel (<see cref="GemmMicroKernels.Kernel8x32{TRows, TEpilogue}"/>) reads A: value (row, k) of
/// the 8 rows of the tile. An operator struct (the pattern of TensorPrimitives): the JIT specialises the kernel for
/// each implementation and inlines <see cref="At"/>, so the row index, a constant in the unrolled body, folds away.
/// Implementations: <see cref="PackedTileRows"/> (Gemm's packed A sliver), <see cref="StridedTileRows"/> (rows read in
/// place through a stride, the packed-weight GEMM of inference and Winograd).
/// </summary>
internal unsafe interface ITileRows
{
    /// <summary>A(row, p) for row in [0, 8) and k step p.</summary>
    float At(int row, int p);
}
