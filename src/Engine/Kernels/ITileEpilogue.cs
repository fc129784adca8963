using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// What the 8×32 micro-kernel (<see cref="GemmMicroKernels.Kernel8x32{TRows, TEpilogue}"/>) does with each finished
/// row of its tile: the 32 accumulated values as two vectors. An operator struct the JIT specialises and inlines (the
/// row index is a constant in the unrolled epilogue). Implementations: <see cref="StoreTileEpilogue"/> (Gemm: store or
/// add into C), <see cref="BiasReluTileEpilogue"/> (inference: add the bias, ReLU, store the valid part).
/// </summary>
internal interface ITileEpilogue
{
    /// <summary>Finishes row <paramref name="row"/> of the tile: columns 0-15 in <paramref name="low"/>, 16-31 in <paramref name="high"/>.</summary>
    void Row(int row, Vector512<float> low, Vector512<float> high);
}
