using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// <see cref="Gemm"/>'s epilogue: C = tile (<c>overwrite</c>) or C += tile, for a full 8×32 tile (Gemm handles edges
/// by running the kernel into a scratch tile).
/// </summary>
internal readonly unsafe struct StoreTileEpilogue(float* c, int ldc, bool overwrite) : ITileEpilogue
{
    private readonly float* _c = c;
    private readonly nint _ldc = ldc;
    private readonly bool _overwrite = overwrite;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Row(int row, Vector512<float> low, Vector512<float> high)
    {
        float* c = _c + row * _ldc;
        if (!_overwrite)
        {
            low += Vector512.Load(c);
            high += Vector512.Load(c + 16);
        }
        Vector512.Store(low, c);
        Vector512.Store(high, c + 16);
    }
}
