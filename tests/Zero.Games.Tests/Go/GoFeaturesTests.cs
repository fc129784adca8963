using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>The Go input planes on a known position: mask, stones, liberties, ko ban, last moves, side, komi.</summary>
public sealed class GoFeaturesTests
{
    private const int F = 9;
    private const int Area = F * F;

    private static float[] Features(GoPosition<Go9> p)
    {
        var f = new float[GoPosition<Go9>.InputShape.Size];
        p.WriteFeatures(f);
        return f;
    }

    private static float At(float[] f, int plane, int row, int col) => f[plane * Area + row * F + col];

    [Fact]
    public void WriteFeatures_KoPosition_MarksStonesLibertiesBanAndHistory()
    {
        Assert.True(GoPosition<Go9>.TryParsePosition("size 9 komi 7.5 black B9,A8,B7 white C9,B8,D8,C7", out var p, out string? error), error);
        p = GoPictures.PlayAll(p, "C8"); // Black takes the ko at B8
        float[] f = Features(p);
        // White to move: own = white stones
        Assert.Equal(1f, At(f, 1, 0, 2)); // C9 white (own)
        Assert.Equal(1f, At(f, 2, 1, 2)); // C8 black (opponent)
        Assert.Equal(1f, At(f, 3, 1, 2)); // the ko stone has one liberty
        Assert.Equal(1f, At(f, 6, 1, 1)); // B8 is banned by ko
        Assert.Equal(0f, At(f, 6, 5, 5)); // an ordinary empty point is not
        Assert.Equal(1f, At(f, 7, 1, 2)); // the last move
        Assert.Equal(0f, At(f, 11, 0, 0)); // the last move was not a pass
        Assert.Equal(0f, At(f, 12, 4, 4)); // White to move
        Assert.Equal(7.5f / 15f, At(f, 13, 4, 4), 5); // komi in White's favour
    }

    [Fact]
    public void WriteFeatures_SmallBoardInTheFrame_MasksTheRest()
    {
        Assert.True(GoPosition<Go9>.TryParsePosition("size 5 moves C3 pass", out var p, out _));
        float[] f = Features(p);
        Assert.Equal(25f, f[..Area].Sum());
        Assert.Equal(1f, At(f, 0, 4, 4));
        Assert.Equal(0f, At(f, 0, 5, 0));
        Assert.Equal(1f, At(f, 8, 2, 2)); // C3 two moves ago
        Assert.Equal(1f, At(f, 11, 0, 0)); // the last move was a pass
        Assert.Equal(1f, At(f, 12, 0, 0)); // Black to move
        Assert.Equal(0f, At(f, 12, 6, 6)); // whole-board planes stay off the frame outside the board
        Assert.Equal(-7.5f / 15f, At(f, 13, 0, 0), 5);
    }
}
