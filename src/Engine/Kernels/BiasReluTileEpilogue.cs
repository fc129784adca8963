using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Zero.Engine.Kernels;

/// <summary>
/// <see cref="PackedGemm"/>'s epilogue: C = relu?(tile + bias) for the first <c>rows</c> rows and <c>cols</c> columns
/// (a partial tile at the matrix edge goes through the 32-float <c>scratch</c> row, so nothing past C's valid part is
/// written). It must not call anything: the accumulators of the rows still to come are live across it.
/// </summary>
internal readonly unsafe struct BiasReluTileEpilogue(float* c, int ldc, int rows, int cols, float* bias, bool relu, float* scratch) : ITileEpilogue
{
    private readonly float* _c = c;
    private readonly nint _ldc = ldc;
    private readonly int _rows = rows;
    private readonly int _cols = cols;
    private readonly float* _bias = bias;
    private readonly bool _relu = relu;
    private readonly float* _scratch = scratch;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Row(int row, Vector512<float> low, Vector512<float> high)
    {
        if (row >= _rows)
        {
            return;
        }
        low += Vector512.Load(_bias);
        high += Vector512.Load(_bias + 16);
        if (_relu)
        {
            low = Vector512.Max(low, Vector512<float>.Zero);
            high = Vector512.Max(high, Vector512<float>.Zero);
        }
        float* c = _c + row * _ldc;
        if (_cols == 32)
        {
            Vector512.Store(low, c);
            Vector512.Store(high, c + 16);
            return;
        }
        Vector512.Store(low, _scratch);
        Vector512.Store(high, _scratch + 16);
        // A plain loop, not Span.CopyTo: a call here would make the JIT spill all 16 accumulators inside the k loop.
        for (int j = 0; j < _cols; j++)
        {
            c[j] = _scratch[j];
        }
    }
}
