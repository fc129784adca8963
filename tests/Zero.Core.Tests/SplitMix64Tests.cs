namespace Zero.Core.Tests;

/// <summary>SplitMix64 against the reference generator's published output (Vigna's splitmix64.c, seed 1234567).</summary>
public sealed class SplitMix64Tests
{
    [Fact]
    public void Next_FromSeed1234567_GivesTheReferenceSequence()
    {
        ulong state = 1234567;
        ulong[] expected = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];
        foreach (ulong value in expected)
        {
            Assert.Equal(value, SplitMix64.Next(ref state));
        }
    }

    [Fact]
    public void Mix_IsTheFirstOutputOfTheGeneratorSeededWithTheKey()
    {
        for (ulong key = 0; key < 1000; key += 37)
        {
            ulong state = key;
            Assert.Equal(SplitMix64.Next(ref state), SplitMix64.Mix(key));
        }
    }

    [Fact]
    public void Mix_DistinctKeys_NeverCollide()
    {
        var seen = new HashSet<ulong>();
        for (ulong key = 0; key < 100_000; key++)
        {
            Assert.True(seen.Add(SplitMix64.Mix(key)));
        }
    }
}
