namespace Zero.Arena.Openings;

/// <summary>
/// Which opening round r plays: in file order from <c>start</c> (fastchess's order=sequential start=N), or in a
/// seeded shuffled order (order=random; an unbiased Fisher–Yates shuffle of the whole book, repeated when the book
/// runs out, so no opening repeats before every one was used). The same seed gives the same sequence, which is
/// what lets an interrupted tournament resume with the same openings.
/// </summary>
public sealed class OpeningOrder
{
    private readonly int[] _order;

    public OpeningOrder(int count, bool random, int seed, int start = 0)
    {
        _order = Enumerable.Range(0, count).Select(i => (i + start) % Math.Max(1, count)).ToArray();
        if (random)
        {
            var rng = new Random(seed);
            for (int i = _order.Length - 1; i > 0; i--)
            {
                int j = rng.Next(i + 1);
                (_order[i], _order[j]) = (_order[j], _order[i]);
            }
        }
    }

    /// <summary>The index of round <paramref name="round"/>'s opening (rounds count from 0).</summary>
    public int For(int round) => _order[round % _order.Length];
}
