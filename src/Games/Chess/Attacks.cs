using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics.X86;

namespace Zero.Games.Chess;

/// <summary>
/// Sliding-piece attacks for the move generator: PEXT lookups (BMI2) on CPUs that have it, magic bitboards
/// otherwise; the choice is a JIT-time constant (<c>Bmi2.X64.IsSupported</c>), so the hot path has no branch.
/// The table is built once per process (about 860 KB). The lookups skip bounds checks: every square is 0..63 and
/// every index lands inside its square's block by construction (the tests check all of them against the
/// ray-walking reference).
/// </summary>
public static class Attacks
{
    private static readonly SliderTable Tables = SliderTable.Build(Bmi2.X64.IsSupported);
    private static readonly ulong[] Table = Tables.Table;
    private static readonly SliderEntry[] RookEntries = Tables.Rook;
    private static readonly SliderEntry[] BishopEntries = Tables.Bishop;

    /// <summary>True when this process uses PEXT lookups, false when it uses magic multiplication.</summary>
    public static bool UsesPext => Bmi2.X64.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Rook(int square, ulong occupied)
    {
        ref readonly SliderEntry e = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(RookEntries), square);
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table), e.Index(occupied, true));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Bishop(int square, ulong occupied)
    {
        ref readonly SliderEntry e = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(BishopEntries), square);
        return Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(Table), e.Index(occupied, true));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Queen(int square, ulong occupied) => Rook(square, occupied) | Bishop(square, occupied);
}
