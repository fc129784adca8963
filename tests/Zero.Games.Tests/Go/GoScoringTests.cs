using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>Dead-stone estimation by Monte-Carlo ownership: clear positions, and a seki that must stay alive.</summary>
public sealed class GoScoringTests
{
    private static readonly string[] Invaders =
    [
        ". . . X O . . .",
        ". . . X O . . .",
        ". . . X O . . .",
        ". . . X O . . .",
        ". O . X O . X .",
        ". . . X O . . .",
        ". . . X O . . .",
        ". . . X O . . .",
    ];

    [Fact]
    public void Final_LoneInvaders_AreDeadAndScoredForTheOwner()
    {
        var p = GoPictures.Parse(Invaders, komi: 0.5);
        GoFinalScore final = GoScoring.Final(p, playouts: 400, seed: 3);
        Assert.Equal(new[] { GoMove.At(4, 1), GoMove.At(4, 6) }, final.Dead);
        Assert.Equal(-0.5, final.Score); // 32 points each after removing both invaders
        Assert.Equal("W+0.5", final.Result);
        Assert.Empty(final.Seki);
        // Tromp–Taylor counting without dead-stone removal sees neither territory
        Assert.Equal(8 - 8 - 0.5, p.Score());
    }

    // Two inner strings at the top share the liberty D7; each has one eye (A7, G7). Whoever fills D7 is captured:
    // a seki. The outer walls each have two eyes.
    private static readonly string[] Seki =
    [
        ". X X . O O .",
        "X X X X O O O",
        "O O O O X X X",
        "O . O O X . X",
        "O O O O X X X",
        ". O O O X . X",
        "O O O O X X X",
    ];

    [Fact]
    public void Final_Seki_StaysAliveAndItsSharedLibertyIsNeutral()
    {
        var p = GoPictures.Parse(Seki, komi: 0);
        GoFinalScore final = GoScoring.Final(p, playouts: 400, seed: 5);
        Assert.Empty(final.Dead);
        Assert.Contains(GoMove.At(0, 1), final.Seki);
        Assert.Contains(GoMove.At(0, 4), final.Seki);
        Assert.DoesNotContain(GoMove.At(6, 0), final.Seki);
        // Black: 6 + 9 + 2 eyes... counted by the rules: every stone plus single-colour regions, D7 for nobody
        (int black, int white) = p.Board.AreaScore();
        Assert.Equal(black - white, final.Score);
        Assert.Equal(GoColor.Empty, Owner(p, 0, 3));
    }

    [Fact]
    public void Ownership_SameSeed_IsReproducible()
    {
        var p = GoPictures.Parse(Invaders);
        float[] a = GoScoring.Ownership(p.Board, 400, 9, out _, out _);
        float[] b = GoScoring.Ownership(p.Board, 400, 9, out _, out _);
        Assert.Equal(a, b);
        Assert.True(a[4 * 8 + 1] > 0.25f, string.Join(" ", a)); // the white invader's point ends Black's
        Assert.True(a[4 * 8 + 6] < -0.25f, string.Join(" ", a));
    }

    private static GoColor Owner(GoPosition<Go25> p, int row, int col)
    {
        var owners = new GoColor[p.Board.PointCount];
        p.Board.AreaOwners(owners);
        return owners[p.Board.Point(row, col)];
    }
}
