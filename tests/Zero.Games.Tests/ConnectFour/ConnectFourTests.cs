using Zero.Games.ConnectFour;

namespace Zero.Games.Tests.ConnectFour;

/// <summary>
/// Connect Four rules: wins in every direction and at every edge and corner, no false wins across the column
/// wrap (the sentinel bit), draws on a full board, clear errors for illegal moves, features and the mirror
/// symmetry against hand-written boards, and a cross-check of the bitboard win test against a plain reference.
/// </summary>
public sealed class ConnectFourTests
{
    private static ConnectFourPosition Parse(string moves)
    {
        Assert.True(ConnectFourPosition.TryParsePosition(moves, out ConnectFourPosition p, out string? error), error);
        return p;
    }

    /// <summary>Asserts that the last move of the picture won: the side to move has lost, and not one move earlier.</summary>
    private static void AssertLastMoveWins(string moves)
    {
        ConnectFourPosition p = Parse(moves);
        Assert.Equal(GameResult.Loss, p.Outcome);
        Assert.Null(Parse(moves[..^1]).Outcome);
        Assert.Equal(0, p.GenerateMoves(new ConnectFourMove[7]));
    }

    [Theory]
    [InlineData("1122334", "horizontal, bottom row, left corner")]
    [InlineData("7766554", "horizontal, bottom row, right corner")]
    [InlineData("1212121", "vertical, left column, bottom")]
    [InlineData("3747576", "horizontal in the middle of the bottom row")]
    public void Outcome_SimpleLines_WinForTheLastMover(string moves, string why)
    {
        _ = why;
        AssertLastMoveWins(moves);
    }

    public static TheoryData<string, string[]> Pictures() => new()
    {
        {
            "vertical, right column, top four rows",
            [
                "......X",
                "......X",
                "......X",
                "......X",
                "OO....O",
                "XXO...O",
            ]
        },
        {
            "diagonal /, from the bottom-left corner",
            [
                ".......",
                ".......",
                "...X...",
                "..XO...",
                ".XOX...",
                "XOXO..O",
            ]
        },
        {
            "diagonal \\, from the bottom-right corner",
            [
                ".......",
                ".......",
                "...X...",
                "...OX..",
                "...XOX.",
                "O..OXOX",
            ]
        },
        {
            "diagonal \\, from the top-left corner",
            [
                "X......",
                "OX.....",
                "XOX....",
                "OXOX...",
                "OXOX...",
                "XOXO..O",
            ]
        },
        {
            "horizontal, top row, right corner",
            [
                "...XXXX",
                "...XXOO",
                "...OOXX",
                "O..XXOO",
                "O..OOXX",
                "O..XXOO",
            ]
        },
        {
            "diagonal /, into the top-right corner",
            [
                "......X",
                ".....XX",
                "....XOX",
                "O..XOXO",
                "O..XOXO",
                "O..OXOX",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public void Outcome_EdgeAndCornerLines_WinForTheLastMover(string why, string[] picture)
    {
        _ = why;
        AssertLastMoveWins(ConnectFourPicture.Moves(picture));
    }

    [Fact]
    public void HasFour_EveryOneOfThe69Lines_IsAWinAndNoThreeOfItIs()
    {
        int lines = 0;
        foreach ((int dc, int dr) in new[] { (1, 0), (0, 1), (1, 1), (1, -1) })
        {
            for (int c = 0; c < 7; c++)
            {
                for (int r = 0; r < 6; r++)
                {
                    int endC = c + 3 * dc, endR = r + 3 * dr;
                    if (endC is < 0 or > 6 || endR is < 0 or > 5)
                    {
                        continue;
                    }
                    ulong line = 0;
                    for (int k = 0; k < 4; k++)
                    {
                        line |= Cell(c + k * dc, r + k * dr);
                    }
                    Assert.True(ConnectFourPosition.HasFour(line), $"line from column {c + 1} row {r + 1} direction ({dc},{dr})");
                    for (ulong rest = line; rest != 0; rest &= rest - 1)
                    {
                        Assert.False(ConnectFourPosition.HasFour(line & ~(rest & (0 - rest))));
                    }
                    lines++;
                }
            }
        }
        Assert.Equal(69, lines);
    }

    [Theory]
    [InlineData(0, 4, 0, 5, 1, 0, 1, 1)] // top of column 1 then bottom of column 2: bits 4,5,(sentinel 6),7,8
    [InlineData(0, 3, 0, 4, 0, 5, 1, 0)] // three at the top of column 1 and the bottom of column 2
    [InlineData(5, 5, 6, 0, 6, 1, 6, 2)] // top of column 6, bottom of column 7
    [InlineData(0, 2, 1, 3, 2, 4, 3, 0)] // a / diagonal that would continue at row 1 of the next column if rows wrapped
    [InlineData(0, 2, 1, 1, 2, 0, 2, 5)] // a \ diagonal running off the bottom into the column before's top
    public void HasFour_LinesThatWouldWrapAcrossColumns_AreNotWins(int c0, int r0, int c1, int r1, int c2, int r2, int c3, int r3)
    {
        ulong stones = Cell(c0, r0) | Cell(c1, r1) | Cell(c2, r2) | Cell(c3, r3);
        Assert.False(ConnectFourPosition.HasFour(stones));
    }

    [Fact]
    public void HasFour_RandomBoards_AgreeWithAPlainReference()
    {
        var random = new Random(42);
        for (int trial = 0; trial < 20000; trial++)
        {
            ulong stones = 0;
            double density = random.NextDouble() * 0.5;
            for (int c = 0; c < 7; c++)
            {
                for (int r = 0; r < 6; r++)
                {
                    if (random.NextDouble() < density)
                    {
                        stones |= Cell(c, r);
                    }
                }
            }
            Assert.Equal(ReferenceHasFour(stones), ConnectFourPosition.HasFour(stones));
        }
    }

    [Fact]
    public void Outcome_FullBoardWithoutFour_IsADraw()
    {
        string[] drawn =
        [
            "OOXXOOX",
            "XXOOXXO",
            "OOXXOOX",
            "XXOOXXO",
            "OOXXOOX",
            "XXOOXXO",
        ];
        ConnectFourPosition p = ConnectFourPicture.Position(drawn);
        Assert.Equal(42, p.Ply);
        Assert.Equal(GameResult.Draw, p.Outcome);
        Assert.Equal(0, p.GenerateMoves(new ConnectFourMove[7]));
        Assert.False(p.TryParseMove("1", out _, out string? error));
        Assert.Contains("over", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseMove_FullColumn_SaysChooseAnother()
    {
        ConnectFourPosition p = Parse("111111");
        Assert.False(p.CanPlay(0));
        Assert.False(p.TryParseMove("1", out _, out string? error));
        Assert.Equal("column 1 is full: choose another column", error);
        Assert.True(p.TryParseMove("2", out ConnectFourMove move, out _));
        Assert.Equal(1, move.Column);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("8")]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("12")]
    [InlineData("-1")]
    public void TryParseMove_BadText_SaysWhatToType(string text)
    {
        Assert.False(ConnectFourPosition.Initial.TryParseMove(text, out _, out string? error));
        Assert.Contains("type a number 1-7", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParseMove_GameOver_SaysSo()
    {
        Assert.False(Parse("1212121").TryParseMove("3", out _, out string? error));
        Assert.Equal("the game is over", error);
    }

    [Theory]
    [InlineData("1111111", "move 7 of '1111111': column 1 is full: choose another column")]
    [InlineData("12121212", "move 8 of '12121212': the game is over")]
    [InlineData("44x", "move 3 of '44x': 'x' is not a column: type a number 1-7 (1 is the leftmost column)")]
    public void TryParsePosition_IllegalSequence_NamesTheMove(string text, string expected)
    {
        Assert.False(ConnectFourPosition.TryParsePosition(text, out _, out string? error));
        Assert.Equal(expected, error);
    }

    [Fact]
    public void WriteFeatures_HandWrittenBoard_MatchesPlanes()
    {
        // "4453": X on d1 and e1, O on d2 and c1; X to move. Rows are written top first.
        float[] f = new float[3 * 42];
        Parse("4453").WriteFeatures(f);
        float[] own = Board(
            ".......",
            ".......",
            ".......",
            ".......",
            ".......",
            "...XX..");
        float[] other = Board(
            ".......",
            ".......",
            ".......",
            ".......",
            "...X...",
            "..X....");
        Assert.Equal(own, f[..42]);
        Assert.Equal(other, f[42..84]);
        Assert.All(f[84..], v => Assert.Equal(1f, v));

        // After X plays column 1 it is O's turn: planes swap owner and the colour plane is zero.
        Parse("44531").WriteFeatures(f);
        Assert.Equal(other, f[..42]);
        Assert.Equal(1f, f[42 + 35]);
        Assert.All(f[84..], v => Assert.Equal(0f, v));
    }

    [Fact]
    public void ApplySymmetry_Mirror_MatchesTheHandMirroredSequence()
    {
        Assert.Equal(Parse("4435"), Parse("4453").ApplySymmetry(1));
        Assert.Equal(Parse("7162"), Parse("1726").ApplySymmetry(1));
        Assert.Equal(Parse("4453"), Parse("4453").ApplySymmetry(1).ApplySymmetry(1));
        Assert.Equal(6, ConnectFourPosition.TransformAction(0, 1));
        Assert.Equal(3, ConnectFourPosition.TransformAction(3, 1));
    }

    [Fact]
    public void Render_ShowsStonesAndColumnNumbers()
    {
        string text = Parse("4453").Render();
        string[] lines = text.Split('\n');
        Assert.Equal("| . . . O . . . |", lines[4]);
        Assert.Equal("| . . O X X . . |", lines[5]);
        Assert.Contains("1 2 3 4 5 6 7", text, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatPosition_ParsesBackToTheSamePosition()
    {
        ConnectFourPosition p = Parse("33347455151222275");
        string text = p.FormatPosition();
        Assert.Equal(p, Parse(text));
    }

    private static ulong Cell(int column, int row) => 1UL << (column * 7 + row);

    private static float[] Board(params string[] rows) =>
        rows.SelectMany(r => r.Select(ch => ch == '.' ? 0f : 1f)).ToArray();

    private static bool ReferenceHasFour(ulong stones)
    {
        bool At(int c, int r) => c is >= 0 and < 7 && r is >= 0 and < 6 && (stones & Cell(c, r)) != 0;
        for (int c = 0; c < 7; c++)
        {
            for (int r = 0; r < 6; r++)
            {
                foreach ((int dc, int dr) in new[] { (1, 0), (0, 1), (1, 1), (1, -1) })
                {
                    if (At(c, r) && At(c + dc, r + dr) && At(c + 2 * dc, r + 2 * dr) && At(c + 3 * dc, r + 3 * dr))
                    {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
