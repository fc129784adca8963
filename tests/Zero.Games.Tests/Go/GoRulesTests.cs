using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>Go rules from known positions: captures, snapback, ko, superko, suicide, scoring, handicap.</summary>
public sealed class GoRulesTests
{
    [Fact]
    public void Play_CornerStoneWithoutLiberties_IsCaptured()
    {
        var p = GoPictures.Parse([
            "O X . . .",
            ". . . . .",
            ". . . . .",
            ". . . . .",
            ". . . . ."]);
        p = GoPictures.PlayAll(p, "A4");
        Assert.Equal(GoColor.Empty, p[0, 0]);
        Assert.Equal(1, p.Board.CapturedByBlack);
    }

    [Fact]
    public void Play_EdgeStringWithoutLiberties_IsCaptured()
    {
        var p = GoPictures.Parse([
            ". X O O X",
            ". . X . .",
            ". . . . .",
            ". . . . .",
            ". . . . ."]);
        p = GoPictures.PlayAll(p, "D4");
        Assert.Equal(GoColor.Empty, p[0, 2]);
        Assert.Equal(GoColor.Empty, p[0, 3]);
        Assert.Equal(2, p.Board.CapturedByBlack);
    }

    [Fact]
    public void Play_Snapback_RecapturesThreeStones()
    {
        var p = GoPictures.Parse([
            ". . X . .",
            "O O X . .",
            "X X . . .",
            ". . . . .",
            ". . . . ."]);
        p = GoPictures.PlayAll(p, "A5", "B5");
        Assert.Equal(GoColor.Empty, p[0, 0]);
        Assert.Equal(0, p.Board.KoPoint); // white captured one stone but its string has three: no ko
        p = GoPictures.PlayAll(p, "A5");
        Assert.Equal(3, p.Board.CapturedByBlack);
        Assert.Equal(GoColor.Empty, p[0, 1]);
        Assert.Equal(GoColor.Empty, p[1, 0]);
        Assert.Equal(GoColor.Empty, p[1, 1]);
    }

    [Fact]
    public void Play_KoCapture_ForbidsTheImmediateRecapture()
    {
        var p = GoPictures.Parse([
            ". X O . .",
            "X O . O .",
            ". X O . .",
            ". . . . .",
            ". . . . ."]);
        p = GoPictures.PlayAll(p, "C4"); // Black takes the ko
        Assert.Equal(GoColor.Empty, p[1, 1]);
        Assert.False(p.TryParseMove("B4", out _, out string? error));
        Assert.Contains("ko", error);
        p = GoPictures.PlayAll(p, "E1", "E2"); // a ko threat elsewhere and an answer
        p = GoPictures.PlayAll(p, "B4"); // now White may retake
        Assert.Equal(GoColor.Empty, p[1, 2]);
    }

    private static readonly string[] TripleKo =
    [
        ". X O . . X O . . X O .",
        "X O . O X . X O X O . O",
        ". X O . . X O . . X O .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
        ". . . . . . . . . . . .",
    ];

    // Three kos: A (columns A-D) and C (J-M) held by White, B (E-H) held by Black. Each move takes a ko, never the
    // one just taken; after six moves the whole board is back to the start with Black to move.
    private static readonly string[] TripleKoCycle = ["C11", "F11", "L11", "B11", "G11"];

    [Theory]
    [InlineData(GoKoRule.Positional)]
    [InlineData(GoKoRule.Situational)]
    public void Play_TripleKoCycle_SuperkoForbidsTheRepetition(GoKoRule ko)
    {
        var start = GoPictures.Parse(TripleKo, ko: ko);
        var p = GoPictures.PlayAll(start, TripleKoCycle);
        Assert.False(p.TryParseMove("K11", out _, out string? error));
        Assert.Contains("superko", error);
        Assert.DoesNotContain(GoMove.At(1, 9), LegalMoves(p));
    }

    [Fact]
    public void Play_TripleKoCycle_SimpleKoAllowsTheRepetition()
    {
        var start = GoPictures.Parse(TripleKo, ko: GoKoRule.Simple);
        var p = GoPictures.PlayAll(start, TripleKoCycle);
        p = GoPictures.PlayAll(p, "K11");
        Assert.Equal(GoPictures.Picture(start), GoPictures.Picture(p));
        Assert.Equal(start.Board.StoneHash, p.Board.StoneHash);
        Assert.NotEqual(start.Hash, p.Hash); // White's retake left a ko point the start did not have
    }

    [Fact]
    public void IsLegal_SuicideUnderChinese_IsIllegal()
    {
        var p = GoPictures.Parse([
            "O . X . .",
            "X X . . .",
            ". . . . .",
            ". . . . .",
            ". . . . ."], first: GoColor.White);
        Assert.False(p.TryParseMove("B5", out _, out string? error));
        Assert.Contains("suicide", error);
    }

    [Fact]
    public void Play_SuicideUnderTrompTaylor_RemovesTheOwnString()
    {
        var p = GoPictures.Parse([
            "O . X . .",
            "X X . . .",
            ". . . . .",
            ". . . . .",
            ". . . . ."], first: GoColor.White, rules: GoRuleSet.TrompTaylor);
        p = GoPictures.PlayAll(p, "B5");
        Assert.Equal(GoColor.Empty, p[0, 0]);
        Assert.Equal(GoColor.Empty, p[0, 1]);
        Assert.Equal(3, p.Board.BlackStones);
        Assert.Equal(0, p.Board.WhiteStones);
    }

    [Fact]
    public void Play_SingleStoneSuicideUnderTrompTaylor_IsForbiddenByPositionalSuperko()
    {
        var p = GoPictures.Parse([
            ". X . . .",
            "X . . . .",
            ". . . . .",
            ". . . . .",
            ". . . . ."], first: GoColor.White, rules: GoRuleSet.TrompTaylor);
        Assert.False(p.TryParseMove("A5", out _, out string? error));
        Assert.Contains("superko", error);
    }

    [Fact]
    public void Score_TwoPasses_EndTheGameWithAreaScoring()
    {
        var p = GoPictures.Parse([
            ". X O . .",
            ". X O . .",
            ". X O . .",
            ". X O . .",
            ". X O . ."], komi: 0.5);
        // Black: 5 stones + 5 points; White: 5 stones + 10 points, minus nothing; komi 0.5
        Assert.Equal(10 - 15 - 0.5, p.Score());
        p = GoPictures.PlayAll(p, "pass");
        Assert.Null(p.Outcome);
        p = GoPictures.PlayAll(p, "pass");
        Assert.Equal(GoColor.White, p.Winner);
        Assert.Equal(GameResult.Loss, p.Outcome); // Black to move has lost
    }

    [Fact]
    public void Score_IntegerKomi_CanDraw()
    {
        var p = GoPictures.Parse([
            ". X O .",
            ". X O .",
            ". X O .",
            ". X O ."], komi: 0);
        p = GoPictures.PlayAll(p, "pass", "pass");
        Assert.Equal(0, p.Score());
        Assert.Equal(GameResult.Draw, p.Outcome);
    }

    [Fact]
    public void Score_SekiLiberties_CountForNobody()
    {
        // Strings sharing liberties: B5, D5 and C1 touch both colours and count for nobody; A1 is Black's, E1 White's.
        var p = GoPictures.Parse([
            "X . O . X",
            "X O X O X",
            "O O X O O",
            "X X X O O",
            ". X . O ."], komi: 0);
        (int black, int white) = p.Board.AreaScore();
        Assert.Equal(10 + 1, black);
        Assert.Equal(10 + 1, white);
    }

    [Fact]
    public void Resign_EndsTheGameForTheOpponent()
    {
        GoPosition<Go9> p = GoPosition<Go9>.Initial.Play(GoMove.At(4, 4));
        p = p.Play(GoMove.Resign);
        Assert.True(p.IsResigned);
        Assert.Equal(GoColor.Black, p.Winner);
        Assert.Equal(GameResult.Win, p.Outcome); // Black, to move, has won
        Assert.Equal(0, p.GenerateMoves(new GoMove[GoPosition<Go9>.MaxMoves]));
    }

    [Theory]
    [InlineData(19, 2, "Q16 D4")]
    [InlineData(19, 3, "Q16 D4 D16")]
    [InlineData(19, 4, "Q16 D4 D16 Q4")]
    [InlineData(19, 5, "Q16 D4 D16 Q4 K10")]
    [InlineData(19, 6, "Q16 D4 D16 Q4 Q10 D10")]
    [InlineData(19, 9, "Q16 D4 D16 Q4 Q10 D10 K16 K4 K10")]
    [InlineData(9, 4, "G7 C3 C7 G3")]
    [InlineData(13, 5, "K10 D4 D10 K4 G7")]
    public void Fixed_Handicap_MatchesTheGtpPlacement(int size, int stones, string expected)
    {
        var placed = GoHandicap.Fixed(size, stones).Select(m => GoCoordinates.Format(m, size));
        Assert.Equal(expected.Split(' '), placed);
    }

    [Theory]
    [InlineData(5, 2)]
    [InlineData(7, 5)]
    [InlineData(10, 5)]
    [InlineData(19, 10)]
    [InlineData(19, 1)]
    public void Fixed_Handicap_RejectsCountsTheBoardDoesNotTake(int size, int stones)
    {
        Assert.Throws<ZeroException>(() => GoHandicap.Fixed(size, stones));
    }

    [Fact]
    public void CreateWithHandicap_WhiteMovesFirstAndChineseCompensates()
    {
        var p = GoPosition<Go19>.CreateWithHandicap(new GoRules(19, 0.5), 2);
        Assert.Equal(GoColor.White, p.ToMove);
        Assert.Equal(1, p.SideToMove);
        Assert.Equal(2, p.Board.BlackStones);
        // Black: 2 stones + all empty points reach only black; minus komi 0.5 and White's 2 handicap points
        Assert.Equal(361 - 0.5 - 2, p.Score());
        Assert.Equal("size 19 komi 0.5 rules chinese handicap Q16,D4", p.FormatPosition());
        Assert.True(GoPosition<Go19>.TryParsePosition(p.FormatPosition(), out var back, out _));
        Assert.Equal(p.Hash, back.Hash);
        Assert.Equal(GoColor.White, back.ToMove);
    }

    [Fact]
    public void TryParsePosition_SizeAboveTheFrame_SaysWhichGameToUse()
    {
        Assert.False(GoPosition<Go9>.TryParsePosition("size 13", out _, out string? error));
        Assert.Contains("go25", error);
        Assert.True(GoPosition<Go25>.TryParsePosition("size 13 komi 6 rules tromp-taylor moves D4 pass", out var p, out error), error);
        Assert.Equal(13, p.Size);
        Assert.Equal(6, p.Rules.Komi);
        Assert.True(p.Rules.SuicideAllowed);
    }

    [Theory]
    [InlineData("size 9 komi 7.3")]
    [InlineData("size 1")]
    [InlineData("rules japanese")]
    [InlineData("moves D4 D4")]
    [InlineData("moves Z99")]
    [InlineData("handicap D4,D4")]
    public void TryParsePosition_BadText_GivesAnError(string text)
    {
        Assert.False(GoPosition<Go19>.TryParsePosition(text, out _, out string? error));
        Assert.False(string.IsNullOrWhiteSpace(error));
    }

    [Fact]
    public void GenerateMoves_OffBoardActions_AreNeverLegal()
    {
        Assert.True(GoPosition<Go19>.TryParsePosition("size 7", out var p, out _));
        var moves = new GoMove[GoPosition<Go19>.MaxMoves];
        int n = p.GenerateMoves(moves);
        Assert.Equal(7 * 7 + 1, n);
        Assert.All(moves[..n], m => Assert.True(m.IsPass || (m.Row < 7 && m.Col < 7)));
        Assert.Contains(GoPosition<Go19>.PassAction, moves[..n].Select(p.ActionIndex));
    }

    private static List<GoMove> LegalMoves<TFrame>(GoPosition<TFrame> p) where TFrame : struct, IGoFrame
    {
        var moves = new GoMove[GoPosition<TFrame>.MaxMoves];
        return moves[..p.GenerateMoves(moves)].ToList();
    }
}
