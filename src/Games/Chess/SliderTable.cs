using System.Runtime.Intrinsics.X86;

namespace Zero.Games.Chess;

/// <summary>
/// The attack sets of rooks and bishops for every square and every relevant occupancy, in one array, indexed
/// either by PEXT (BMI2: the occupied bits under the square's mask, packed) or by magic multiplication (the
/// portable fallback: <c>(occupied &amp; mask) * magic &gt;&gt; shift</c>). Both layouts give each square a block of
/// 2^popcount(mask) entries; only the order inside a block differs. <see cref="Attacks"/> holds the instance for
/// this CPU; the tests build both kinds and compare them with the ray-walking reference.
/// </summary>
internal sealed class SliderTable
{
    public ulong[] Table { get; }
    public SliderEntry[] Rook { get; }
    public SliderEntry[] Bishop { get; }
    public bool UsesPext { get; }

    private SliderTable(ulong[] table, SliderEntry[] rook, SliderEntry[] bishop, bool usesPext)
    {
        Table = table;
        Rook = rook;
        Bishop = bishop;
        UsesPext = usesPext;
    }

    /// <summary>
    /// Builds the table: 1. the relevant mask of each square (its empty-board rays without the edge squares);
    /// 2. for magics, a seeded search for a multiplier that maps every subset of the mask to a distinct slot or to a
    /// slot with the same attack set; 3. every subset's attack set, computed by walking rays, stored at its index.
    /// </summary>
    /// <param name="usePext">PEXT layout (needs BMI2) or magic layout.</param>
    /// <param name="searchMagics">Search the magics again (seeded) instead of using the stored <see cref="Magics"/>.</param>
    /// <exception cref="PlatformNotSupportedException">PEXT was asked for on a CPU without BMI2.</exception>
    public static SliderTable Build(bool usePext, bool searchMagics = false)
    {
        if (usePext && !Bmi2.X64.IsSupported)
        {
            throw new PlatformNotSupportedException("PEXT sliding attacks need a CPU with BMI2; build the magic table instead");
        }
        var rook = new SliderEntry[64];
        var bishop = new SliderEntry[64];
        int offset = 0;
        var random = new MagicRandom(0x5EED_C0DE_2026UL);
        var attacks = new List<ulong>(107_648);
        foreach (bool isRook in new[] { true, false })
        {
            var directions = isRook ? Bitboards.RookDirections : Bitboards.BishopDirections;
            SliderEntry[] entries = isRook ? rook : bishop;
            for (int s = 0; s < 64; s++)
            {
                ulong mask = RelevantMask(s, directions);
                int bits = Bitboards.Count(mask);
                int size = 1 << bits;
                var subsets = new ulong[size];
                var reference = new ulong[size];
                ulong subset = 0;
                for (int i = 0; i < size; i++)
                {
                    subsets[i] = subset;
                    reference[i] = Bitboards.SlidingAttacksSlow(s, subset, directions);
                    subset = (subset - mask) & mask; // carry-rippler: the next subset of mask
                }
                ulong magic = usePext ? 0
                    : searchMagics ? FindMagic(mask, subsets, reference, bits, random)
                    : (isRook ? Magics.Rook : Magics.Bishop)[s];
                var entry = new SliderEntry(mask, magic, offset, 64 - bits);
                var block = new ulong[size];
                for (int i = 0; i < size; i++)
                {
                    int index = entry.Index(subsets[i], usePext) - offset;
                    if (block[index] != 0 && block[index] != reference[i])
                    {
                        throw new InvalidOperationException($"magic for square {Squares.Name(s)} maps two attack sets to one slot");
                    }
                    block[index] = reference[i];
                }
                attacks.AddRange(block);
                entries[s] = entry;
                offset += size;
            }
        }
        return new SliderTable([.. attacks], rook, bishop, usePext);
    }

    /// <summary>Rook attacks looked up in this table (the generic path the tests use).</summary>
    public ulong RookAttacks(int square, ulong occupied) => Table[Rook[square].Index(occupied, UsesPext)];

    /// <summary>Bishop attacks looked up in this table (the generic path the tests use).</summary>
    public ulong BishopAttacks(int square, ulong occupied) => Table[Bishop[square].Index(occupied, UsesPext)];

    private static ulong RelevantMask(int square, ReadOnlySpan<(int File, int Rank)> directions)
    {
        ulong mask = 0;
        foreach (var (df, dr) in directions)
        {
            int f = Squares.File(square) + df, r = Squares.Rank(square) + dr;
            // a ray square counts only when the ray goes on beyond it (the last square is attacked whatever it holds)
            while (f + df is >= 0 and < 8 && r + dr is >= 0 and < 8)
            {
                mask |= Bitboards.Bit(Squares.Make(f, r));
                f += df;
                r += dr;
            }
        }
        return mask;
    }

    private static ulong FindMagic(ulong mask, ulong[] subsets, ulong[] reference, int bits, MagicRandom random)
    {
        int size = subsets.Length;
        var used = new ulong[size];
        var epoch = new int[size];
        for (int attempt = 1; ; attempt++)
        {
            ulong magic = random.Sparse();
            if (Bitboards.Count((mask * magic) & 0xFF00_0000_0000_0000UL) < 6)
            {
                continue; // too few bits reach the index: this candidate cannot spread the subsets (the usual quick reject)
            }
            bool ok = true;
            for (int i = 0; i < size && ok; i++)
            {
                int index = (int)((subsets[i] * magic) >> (64 - bits));
                if (epoch[index] != attempt)
                {
                    epoch[index] = attempt;
                    used[index] = reference[i];
                }
                else if (used[index] != reference[i])
                {
                    ok = false;
                }
            }
            if (ok)
            {
                return magic;
            }
        }
    }

    /// <summary>xorshift64* for the magic search: seeded, so every run builds the same table.</summary>
    private sealed class MagicRandom(ulong seed)
    {
        private ulong _state = seed;

        private ulong Next()
        {
            _state ^= _state >> 12;
            _state ^= _state << 25;
            _state ^= _state >> 27;
            return _state * 2685821657736338717UL;
        }

        public ulong Sparse() => Next() & Next() & Next();
    }
}
