using System.Runtime.CompilerServices;

namespace Zero.Engine.Kernels;

/// <summary>
/// A constant right-hand GEMM operand B[K×N] (folded weights) with its bias, packed once when the network is built
/// so the inference GEMM never packs at run time. Callers: <see cref="PackedGemm"/>, <see cref="WinogradConv3x3"/>,
/// the inference network (Inference/).
/// <code>
/// Data: [N/32 slivers][K][32 columns], zero-padded to a multiple of 32 columns, 64-byte aligned
/// Bias: [N padded to 32], zero-padded
/// Plain: [K][N] row-major copy, for the non-AVX-512 fallback through Gemm.Sgemm
/// </code>
/// </summary>
internal sealed unsafe class PackedMatrix
{
    public const int SliverWidth = 32;

    private readonly float[] _data;
    private readonly float[] _bias;
    private readonly int _dataOffset;
    private readonly int _biasOffset;

    /// <summary>Packs B(p, j) = element(p, j) for p &lt; k, j &lt; n, with the given bias (or zeros when empty).</summary>
    public PackedMatrix(int k, int n, Func<int, int, float> element, ReadOnlySpan<float> bias)
        : this(k, n)
    {
        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < n; j++)
            {
                Set(p, j, element(p, j));
            }
        }
        for (int j = 0; j < n && j < bias.Length; j++)
        {
            _bias[_biasOffset + j] = bias[j];
        }
    }

    /// <summary>
    /// A zero K×N matrix to be filled with <see cref="Set"/> (the training convolution refills one per call); without
    /// <paramref name="keepPlain"/> only the packed copy exists (for users that never take the fallback path).
    /// </summary>
    public PackedMatrix(int k, int n, bool keepPlain = true)
    {
        K = k;
        N = n;
        Slivers = (n + SliverWidth - 1) / SliverWidth;
        _data = GC.AllocateArray<float>(Slivers * SliverWidth * k + 16, pinned: true);
        _bias = GC.AllocateArray<float>(Slivers * SliverWidth + 16, pinned: true);
        _dataOffset = AlignOffset(_data);
        _biasOffset = AlignOffset(_bias);
        Plain = keepPlain ? new float[k * n] : [];
    }

    /// <summary>B(p, j) = value, in both the packed and the plain copy.</summary>
    public void Set(int p, int j, float value)
    {
        if (Plain.Length != 0)
        {
            Plain[p * N + j] = value;
        }
        _data[_dataOffset + ((j / SliverWidth) * K + p) * SliverWidth + j % SliverWidth] = value;
    }

    public int K { get; }

    public int N { get; }

    public int Slivers { get; }

    /// <summary>B row-major [K][N] (the fallback path multiplies with it through <see cref="Kernels.Gemm"/>).</summary>
    public float[] Plain { get; }

    /// <summary>Start of sliver s: K rows of 32 floats.</summary>
    public float* Sliver(int s) => (float*)Unsafe.AsPointer(ref _data[_dataOffset]) + (long)s * K * SliverWidth;

    /// <summary>The bias, zero-padded to a multiple of 32.</summary>
    public float* Bias => (float*)Unsafe.AsPointer(ref _bias[_biasOffset]);

    private static int AlignOffset(float[] pinned)
    {
        nint address = (nint)Unsafe.AsPointer(ref pinned[0]);
        return (int)((64 - (address & 63)) & 63) / sizeof(float);
    }
}
