using Zero.Engine.Kernels;

namespace Zero.Engine.Tests.Kernels;

/// <summary>A fact about one GEMM micro-kernel width, reported as skipped with the reason on a CPU that cannot run it.</summary>
public sealed class GemmIsaFactAttribute : FactAttribute
{
    public GemmIsaFactAttribute(GemmIsa isa)
    {
        if (!GemmIsaSupport.IsSupported(isa))
        {
            Skip = $"this CPU cannot run the {isa} micro-kernel (the widths it can run are tested)";
        }
    }
}
