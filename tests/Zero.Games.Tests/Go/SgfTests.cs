using Zero.Games.Go;

namespace Zero.Games.Tests.Go;

/// <summary>SGF FF[4]: real-looking records read, replay and survive a write/read round trip; malformed files name the line and property.</summary>
public sealed class SgfTests
{
    private static string Data(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Go", "Data", name));

    [Fact]
    public void Read_ProRecord_ReadsGameInformationAndMoves()
    {
        SgfGame game = SgfReader.Read(Data("opening19.sgf"));
        Assert.Equal(19, game.Setup.Rules.Size);
        Assert.Equal(6.5, game.Setup.Rules.Komi);
        Assert.Equal("Japanese", game.RulesText);
        Assert.Equal("Gennan Inseki", game.PlayerBlack);
        Assert.Equal("Shusaku", game.PlayerWhite);
        Assert.Equal("B+2.5", game.Result);
        Assert.Equal("2026-01-01", game.Date);
        Assert.Contains("brackets ] and backslashes \\ and\nline breaks.", game.Comment);
        Assert.Equal(40, game.Moves.Count);
        Assert.Equal(new SgfMove(GoColor.Black, GoMove.At(3, 15), "Komoku would be the classic choice."), game.Moves[0]);
        GoPosition<Go19> p = game.ToPosition<Go19>();
        Assert.Equal(40, p.Ply);
    }

    [Fact]
    public void Read_HandicapGame_PlacesStonesWhiteFirstAndBothPassForms()
    {
        SgfGame game = SgfReader.Read(Data("handicap9.sgf"));
        Assert.Equal(new[] { GoMove.At(2, 6), GoMove.At(6, 2) }, game.Setup.Handicap);
        Assert.Equal(GoColor.White, game.Setup.First);
        Assert.True(game.Moves[^2].Move.IsPass); // B[]
        Assert.True(game.Moves[^1].Move.IsPass); // W[tt]
        GoPosition<Go9> p = game.ToPosition<Go9>();
        Assert.True(p.IsOver);
        Assert.Equal(GoColor.Empty, p[0, 0]); // B[ba] captured W[aa]
    }

    [Fact]
    public void Read_Variations_FollowsTheMainLine()
    {
        SgfGame game = SgfReader.Read(Data("variations13.sgf"));
        Assert.Equal(new[] { "K10", "D4", "K4", "D10", "G7", "C11", "L3" },
            game.Moves.Select(m => GoCoordinates.Format(m.Move, 13)));
        Assert.Equal(new[] { GoMove.At(0, 0), GoMove.At(1, 0) }, game.Setup.White);
        Assert.Equal(GoRuleSet.TrompTaylor, game.Setup.Rules.RuleSet);
        Assert.Equal("Main line.", game.Moves[2].Comment);
    }

    [Theory]
    [InlineData("opening19.sgf")]
    [InlineData("handicap9.sgf")]
    [InlineData("variations13.sgf")]
    public void WriteThenRead_RoundTripsTheRecord(string name)
    {
        SgfGame game = SgfReader.Read(Data(name));
        string written = SgfWriter.Write(game);
        SgfGame back = SgfReader.Read(written);
        Assert.Equal(game.Setup, back.Setup);
        Assert.Equal(game.Moves, back.Moves);
        Assert.Equal((game.PlayerBlack, game.PlayerWhite, game.Date, game.Result, game.Comment, game.RulesText),
            (back.PlayerBlack, back.PlayerWhite, back.Date, back.Result, back.Comment, back.RulesText));
        Assert.Equal(written, SgfWriter.Write(back));
        Assert.Equal(game.ToPosition<Go25>().Hash, back.ToPosition<Go25>().Hash);
    }

    [Fact]
    public void FromPosition_PlayedGame_WritesPassesAsEmptyValues()
    {
        GoPosition<Go9> p = GoPictures.PlayAll(GoPosition<Go9>.Initial, "E5", "C3", "pass", "pass");
        string sgf = SgfWriter.Write(SgfGame.FromPosition(p, "B+6.5"));
        Assert.StartsWith("(;GM[1]FF[4]CA[UTF-8]SZ[9]KM[7.5]RU[Chinese]RE[B+6.5]", sgf);
        Assert.Contains(";B[ee];W[cg];B[];W[])", sgf);
        Assert.Equal(p.Hash, SgfReader.Read(sgf).ToPosition<Go9>().Hash);
    }

    [Theory]
    [InlineData("(;GM[1]SZ[9]\n;B[ee];W[zz])", "line 2", "property W")]
    [InlineData("(;GM[3]SZ[9])", "line 1", "property GM")]
    [InlineData("(;GM[1]SZ[9]\n\n;B[ee]C[never closed)", "line 3", "property C")]
    [InlineData("(;GM[1]SZ[9];B[ee]", "line 1", "never closed")]
    [InlineData("(;GM[1]\nSZ[30])", "line 2", "property SZ")]
    [InlineData("(;GM[1]SZ[9]KM[six])", "line 1", "property KM")]
    [InlineData("GM[1]", "line 1", "'('")]
    [InlineData("(;GM[1]SZ[9];B[ee];W[ee])", "move 2", "occupied")]
    public void Read_MalformedFile_NamesTheLineAndProperty(string text, string where, string what)
    {
        var e = Assert.Throws<ZeroException>(() => SgfReader.Read(text).ToPosition<Go19>());
        Assert.Contains(where, e.Message);
        Assert.Contains(what, e.Message);
    }
}
