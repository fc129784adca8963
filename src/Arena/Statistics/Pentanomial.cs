namespace Zero.Arena.Statistics;

/// <summary>
/// The pentanomial counts of a match played in pairs (one opening, colours swapped), from the first participant's
/// view: a pair scores 0, ¼, ½, ¾ or 1 and falls in the bins LL, LD, WL+DD, WD, WW. Pairs are not independent games
/// but independent samples, which is why fishtest and fastchess count them this way (the variance of a pair is
/// smaller than twice a game's when the openings are unbalanced). Built by the tournament and by training's
/// evaluation; read by <see cref="EloStatistics"/> and <see cref="Sprt"/>.
/// </summary>
public readonly record struct Pentanomial(int LL, int LD, int Even, int WD, int WW)
{
    /// <summary>The number of pairs counted.</summary>
    public int Pairs => LL + LD + Even + WD + WW;

    /// <summary>The five counts in order LL, LD, WL+DD, WD, WW.</summary>
    public int[] Counts => [LL, LD, Even, WD, WW];

    /// <summary>The counts from an array of five (LL, LD, WL+DD, WD, WW).</summary>
    /// <exception cref="ArgumentException">Not five non-negative counts.</exception>
    public static Pentanomial FromCounts(IReadOnlyList<int> counts)
    {
        if (counts.Count != 5 || counts.Any(c => c < 0))
        {
            throw new ArgumentException("a pentanomial has five non-negative counts: LL, LD, WL+DD, WD, WW", nameof(counts));
        }
        return new Pentanomial(counts[0], counts[1], counts[2], counts[3], counts[4]);
    }

    /// <summary>
    /// This count plus one pair whose two games scored <paramref name="first"/> and <paramref name="second"/> for the
    /// first participant (+1 win, 0 draw, −1 loss).
    /// </summary>
    public Pentanomial AddPair(int first, int second)
    {
        int halfPoints = Math.Sign(first) + Math.Sign(second) + 2; // 0 (LL) .. 4 (WW)
        return halfPoints switch
        {
            0 => this with { LL = LL + 1 },
            1 => this with { LD = LD + 1 },
            2 => this with { Even = Even + 1 },
            3 => this with { WD = WD + 1 },
            _ => this with { WW = WW + 1 },
        };
    }

    /// <summary>The same pairs seen from the second participant.</summary>
    public Pentanomial Flip() => new(WW, WD, Even, LD, LL);

    public static Pentanomial operator +(Pentanomial a, Pentanomial b) =>
        new(a.LL + b.LL, a.LD + b.LD, a.Even + b.Even, a.WD + b.WD, a.WW + b.WW);

    public override string ToString() => $"[{LL}, {LD}, {Even}, {WD}, {WW}]";
}
