using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>PGN: what Zero writes reads back identically; comments, NAGs and variations are skipped; errors say where.</summary>
public sealed class PgnTests
{
    [Fact]
    public void WriteThenRead_RandomGames_AreIdentical()
    {
        var written = new List<PgnGame>();
        int i = 0;
        foreach (var (start, moves, positions) in ChessTestGames.Games(30, 300, 5))
        {
            var game = new PgnGame { Start = start, Result = PgnGame.ResultOf(positions[^1]) };
            game["Event"] = $"random game {++i}";
            game["White"] = "Zero \"random\" \\ test";
            game["Annotator"] = "tests";
            game.Moves.AddRange(moves);
            written.Add(game);
        }
        // one game from a FEN with Black to move, to check the "N..." start and the SetUp/FEN tags
        var fromFen = new PgnGame { Start = ChessTestGames.Parse("r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 3 17") };
        ChessPosition p = fromFen.Start;
        foreach (string uci in new[] { "e8c8", "e1g1", "h8h1" })
        {
            Assert.True(p.TryParseMove(uci, out ChessMove m, out _));
            fromFen.Moves.Add(m);
            p = p.Play(m);
        }
        written.Add(fromFen);

        string text = string.Concat(written.Select(PgnWriter.Write));
        Assert.True(PgnReader.TryReadAll(text, out List<PgnGame> read, out string? error), error);
        Assert.Equal(written.Count, read.Count);
        for (int g = 0; g < written.Count; g++)
        {
            Assert.Equal(written[g].Moves, read[g].Moves);
            Assert.Equal(written[g].Result, read[g].Result);
            Assert.Equal(written[g].Start.Fen, read[g].Start.Fen);
            Assert.Equal(written[g].Final.FormatPosition(), read[g].Final.FormatPosition());
            Assert.Equal(written[g]["White"] ?? "?", read[g]["White"]); // a missing roster tag is written as "?"
            Assert.Equal(PgnWriter.Write(written[g]), PgnWriter.Write(read[g]));
        }
        string fenText = PgnWriter.Write(fromFen);
        Assert.True(fenText.Contains("17... O-O-O 18. O-O Rh1+", StringComparison.Ordinal), fenText);
        Assert.All(text.Split('\n'), line => Assert.True(line.Length <= 80, line));
    }

    [Fact]
    public void Read_CommentsNagsAndVariations_AreSkipped()
    {
        const string text = """
            [Event "Casual"]
            [Site "?"]
            [Result "1-0"]
            % an escape line
            1. e4 {best by test} e5 $1 2. Nf3 (2. f4 exf4 (2... d5) 3. Nf3) Nc6 ; a rest-of-line comment
            3.Bb5 a6!? 4. Ba4 Nf6 5. O-O Be7 6. Re1 b5 7. Bb3 d6 8. c3 O-O 9. h3 Nb8 10. d4 Nbd7 1-0

            [Event "Second"]
            1. d4 d5 *
            """;
        Assert.True(PgnReader.TryReadAll(text, out List<PgnGame> games, out string? error), error);
        Assert.Equal(2, games.Count);
        Assert.Equal(20, games[0].Moves.Count);
        Assert.Equal("1-0", games[0].Result);
        Assert.Equal("Casual", games[0]["Event"]);
        Assert.Equal("r1bq1rk1/2pnbppp/p2p1n2/1p2p3/3PP3/1BP2N1P/PP3PP1/RNBQR1K1 w - - 1 11", games[0].Final.Fen);
        Assert.Equal(2, games[1].Moves.Count);
        Assert.Equal("*", games[1].Result);
    }

    [Fact]
    public void Read_IllegalMove_NamesGameMoveAndText()
    {
        const string text = "[Event \"x\"]\n\n1. e4 e5 2. Nf3 Nf3 *\n";
        Assert.False(PgnReader.TryReadAll(text, out _, out string? error));
        Assert.Contains("game 1, move 2...", error, StringComparison.Ordinal);
        Assert.Contains("'Nf3'", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_BadFenTag_SaysSo()
    {
        Assert.False(PgnReader.TryRead("[SetUp \"1\"]\n[FEN \"8/8 w - - 0 1\"]\n\n*\n", out _, out string? error));
        Assert.Contains("FEN tag", error, StringComparison.Ordinal);
    }
}
