using Zero.Games.TicTacToe;

namespace Zero.Games.Tests.TicTacToe;

/// <summary>Tic-tac-toe rules: a win on each of the 8 lines, a draw, taken cells and bad text, features and symmetries against hand-written boards.</summary>
public sealed class TicTacToeTests
{
    private static TicTacToePosition Parse(string moves)
    {
        Assert.True(TicTacToePosition.TryParsePosition(moves, out TicTacToePosition p, out string? error), error);
        return p;
    }

    [Theory]
    [InlineData("14253", "top row 1-2-3")]
    [InlineData("41526", "middle row 4-5-6")]
    [InlineData("71829", "bottom row 7-8-9")]
    [InlineData("12437", "left column 1-4-7")]
    [InlineData("21538", "centre column 2-5-8")]
    [InlineData("31629", "right column 3-6-9")]
    [InlineData("12539", "diagonal 1-5-9")]
    [InlineData("31527", "diagonal 3-5-7")]
    [InlineData("152397", "O wins on 3-5-7")]
    public void Outcome_ThreeInALine_WinForTheLastMover(string moves, string line)
    {
        TicTacToePosition p = Parse(moves);
        Assert.True(p.Outcome == GameResult.Loss, line);
        Assert.Null(Parse(moves[..^1]).Outcome);
        Assert.Equal(0, p.GenerateMoves(new TicTacToeMove[9]));
        Assert.Equal(moves.Length % 2, p.SideToMove);
    }

    [Fact]
    public void Outcome_FullBoardWithoutLine_IsADraw()
    {
        TicTacToePosition p = Parse("123564897");
        Assert.Equal(GameResult.Draw, p.Outcome);
        Assert.Null(Parse("12356489").Outcome);
        Assert.Equal(0, p.GenerateMoves(new TicTacToeMove[9]));
    }

    [Fact]
    public void TryParseMove_TakenCell_SaysChooseAnEmptyCell()
    {
        Assert.False(Parse("5").TryParseMove("5", out _, out string? error));
        Assert.Equal("cell 5 is already taken: choose an empty cell", error);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10")]
    [InlineData("x")]
    [InlineData("")]
    public void TryParseMove_BadText_SaysWhatToType(string text)
    {
        Assert.False(TicTacToePosition.Initial.TryParseMove(text, out _, out string? error));
        Assert.Contains("type a number 1-9", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseMove_GameOver_SaysSo()
    {
        Assert.False(Parse("14253").TryParseMove("9", out _, out string? error));
        Assert.Equal("the game is over", error);
    }

    [Fact]
    public void TryParsePosition_RepeatedCell_NamesTheMove()
    {
        Assert.False(TicTacToePosition.TryParsePosition("515", out _, out string? error));
        Assert.Equal("move 3 of '515': cell 5 is already taken: choose an empty cell", error);
    }

    [Fact]
    public void WriteFeatures_HandWrittenBoard_MatchesPlanes()
    {
        // "5127": X on 5 and 2, O on 1 and 7, X to move.
        float[] f = new float[27];
        Parse("5127").WriteFeatures(f);
        Assert.Equal(new float[] { 0, 1, 0, 0, 1, 0, 0, 0, 0 }, f[..9]);
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 0, 1, 0, 0 }, f[9..18]);
        Assert.All(f[18..], v => Assert.Equal(1f, v));

        // O to move after X plays 9: O's marks come first and the colour plane is zero.
        Parse("51279").WriteFeatures(f);
        Assert.Equal(new float[] { 1, 0, 0, 0, 0, 0, 1, 0, 0 }, f[..9]);
        Assert.Equal(new float[] { 0, 1, 0, 0, 1, 0, 0, 0, 1 }, f[9..18]);
        Assert.All(f[18..], v => Assert.Equal(0f, v));
    }

    [Theory]
    [InlineData(0, "12")] // identity
    [InlineData(1, "36")] // a quarter turn clockwise: 1 -> 3, 2 -> 6
    [InlineData(2, "98")] // a half turn: 1 -> 9, 2 -> 8
    [InlineData(3, "74")] // three quarter turns: 1 -> 7, 2 -> 4
    [InlineData(4, "32")] // mirror left-right: 1 -> 3, 2 stays
    public void ApplySymmetry_HandWrittenBoards_Match(int symmetry, string expected)
    {
        Assert.Equal(Parse(expected), Parse("12").ApplySymmetry(symmetry));
        Assert.Equal(expected[0] - '1', TicTacToePosition.TransformAction(0, symmetry));
    }

    [Fact]
    public void ApplySymmetry_AllEight_AreDistinctOnAnAsymmetricBoard()
    {
        TicTacToePosition p = Parse("126");
        var images = Enumerable.Range(0, 8).Select(s => p.ApplySymmetry(s)).ToHashSet();
        Assert.Equal(8, images.Count);
    }

    [Fact]
    public void Render_ShowsMarksAndFreeCellNumbers()
    {
        Assert.Equal(" O | X | 3 \n---+---+---\n 4 | X | 6 \n---+---+---\n O | 8 | 9 \n", Parse("5127").Render());
    }
}
