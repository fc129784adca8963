using System.Runtime.CompilerServices;
using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>The sliding-attack tables (PEXT and magic layouts) against the ray-walking reference, and struct sizes.</summary>
public sealed class AttackTests
{
    private static IEnumerable<ulong> Occupancies(int count)
    {
        var rng = new Random(42);
        for (int i = 0; i < count; i++)
        {
            ulong a = (ulong)rng.NextInt64(), b = (ulong)rng.NextInt64(), c = (ulong)rng.NextInt64();
            yield return (i % 3) switch { 0 => a & b, 1 => a & b & c, _ => a };
        }
    }

    private static void CheckTable(Func<int, ulong, ulong> rook, Func<int, ulong, ulong> bishop)
    {
        foreach (ulong occupied in Occupancies(300))
        {
            for (int s = 0; s < 64; s++)
            {
                Assert.Equal(Bitboards.SlidingAttacksSlow(s, occupied, Bitboards.RookDirections), rook(s, occupied));
                Assert.Equal(Bitboards.SlidingAttacksSlow(s, occupied, Bitboards.BishopDirections), bishop(s, occupied));
            }
        }
    }

    [Fact]
    public void MagicTable_MatchesRayWalkingReference()
    {
        SliderTable table = SliderTable.Build(usePext: false);
        CheckTable(table.RookAttacks, table.BishopAttacks);
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void MagicSearch_FromTheSeed_BuildsAWorkingTable()
    {
        SliderTable table = SliderTable.Build(usePext: false, searchMagics: true);
        CheckTable(table.RookAttacks, table.BishopAttacks);
    }

    [Bmi2Fact]
    public void PextTable_MatchesRayWalkingReference()
    {
        SliderTable table = SliderTable.Build(usePext: true);
        CheckTable(table.RookAttacks, table.BishopAttacks);
    }

    [Fact]
    public void Attacks_InUse_MatchRayWalkingReference() => CheckTable(Attacks.Rook, Attacks.Bishop);

    [Fact]
    public void BetweenAndLine_KnownSquares_AreRight()
    {
        Assert.Equal(Bitboards.Bit(1) | Bitboards.Bit(2) | Bitboards.Bit(3), Bitboards.Between(0, 4));       // a1-e1
        Assert.Equal(Bitboards.Bit(9) | Bitboards.Bit(18), Bitboards.Between(0, 27));                        // a1-d4
        Assert.Equal(0UL, Bitboards.Between(0, 17));                                                          // a1-b3: not aligned
        Assert.Equal(0x8040201008040201UL, Bitboards.Line(9, 27));                                            // b2-d4: a1-h8
        Assert.Equal(Bitboards.FileA, Bitboards.Line(8, 40));
    }

    [Fact]
    public void StructSizes_StaySmallForCopyMake()
    {
        Assert.Equal(88, Unsafe.SizeOf<ChessBoard>());
        Assert.Equal(104, Unsafe.SizeOf<ChessPosition>());
        Assert.Equal(2, Unsafe.SizeOf<ChessMove>());
    }
}
