using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Zero.Games.Chess;

/// <summary>One square's slice of a <see cref="SliderTable"/>: its relevant-occupancy mask and where its block starts.</summary>
internal readonly struct SliderEntry(ulong mask, ulong magic, int offset, int shift)
{
    public readonly ulong Mask = mask;
    public readonly ulong Magic = magic;
    public readonly int Offset = offset;
    public readonly int Shift = shift;

    /// <summary>The index of the attack set for <paramref name="occupied"/> (PEXT or magic layout).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Index(ulong occupied, bool pext) => pext && Bmi2.X64.IsSupported
        ? Offset + (int)Bmi2.X64.ParallelBitExtract(occupied, Mask)
        : Offset + (int)(((occupied & Mask) * Magic) >> Shift);
}
