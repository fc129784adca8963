using System.Runtime.CompilerServices;

namespace Zero.Engine.Kernels;

/// <summary>
/// Eight rows of A read in place through a row stride (NHWC activations, Winograd tiles, im2col rows — never packed).
/// Rows past <c>rows</c> repeat the last valid row, so the kernel never reads outside A; the epilogue does not store
/// them. Used by <see cref="PackedGemm"/>.
/// </summary>
internal readonly unsafe struct StridedTileRows : ITileRows
{
    private readonly float* _r0, _r1, _r2, _r3, _r4, _r5, _r6, _r7;

    /// <summary>Rows a, a + lda, … (the first <paramref name="rows"/> of them, at least 1).</summary>
    public StridedTileRows(float* a, int lda, int rows)
    {
        int last = rows - 1;
        _r0 = a;
        _r1 = a + (long)lda * Math.Min(1, last);
        _r2 = a + (long)lda * Math.Min(2, last);
        _r3 = a + (long)lda * Math.Min(3, last);
        _r4 = a + (long)lda * Math.Min(4, last);
        _r5 = a + (long)lda * Math.Min(5, last);
        _r6 = a + (long)lda * Math.Min(6, last);
        _r7 = a + (long)lda * Math.Min(7, last);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public float At(int row, int p) => row switch
    {
        0 => _r0[p],
        1 => _r1[p],
        2 => _r2[p],
        3 => _r3[p],
        4 => _r4[p],
        5 => _r5[p],
        6 => _r6[p],
        _ => _r7[p],
    };
}
