using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Zero.Engine.Kernels;

/// <summary>
/// The vector width a kernel runs with. <see cref="Gemm"/> and the convolution kernels pick <see cref="Best"/>; tests
/// force each narrower level to check it against the scalar reference on the same machine.
/// </summary>
public enum GemmIsa
{
    Scalar,
    Vector128,
    Vector256,
    Vector512,
}

/// <summary>Detects which <see cref="GemmIsa"/> levels this CPU runs at full speed.</summary>
public static class GemmIsaSupport
{
    /// <summary>The widest level with hardware fused multiply-add on this machine.</summary>
    public static GemmIsa Best { get; } =
        Vector512.IsHardwareAccelerated && Avx512F.IsSupported ? GemmIsa.Vector512
        : Vector256.IsHardwareAccelerated && Fma.IsSupported ? GemmIsa.Vector256
        : Vector128.IsHardwareAccelerated ? GemmIsa.Vector128
        : GemmIsa.Scalar;

    /// <summary>Whether <paramref name="isa"/> can run on this machine (the scalar level always can).</summary>
    public static bool IsSupported(GemmIsa isa) => isa switch
    {
        GemmIsa.Vector512 => Vector512.IsHardwareAccelerated && Avx512F.IsSupported,
        GemmIsa.Vector256 => Vector256.IsHardwareAccelerated && Fma.IsSupported,
        GemmIsa.Vector128 => Vector128.IsHardwareAccelerated,
        _ => true,
    };
}
