using System.Runtime.Intrinsics.X86;

namespace Zero.Games.Tests.Chess;

/// <summary>A fact reported as skipped, with the reason, on a CPU without BMI2 (PEXT), where the magic table is the one in use.</summary>
public sealed class Bmi2FactAttribute : FactAttribute
{
    public Bmi2FactAttribute()
    {
        if (!Bmi2.X64.IsSupported)
        {
            Skip = "this CPU has no BMI2 (PEXT): the magic slider table is the one in use, and its tests run";
        }
    }
}
