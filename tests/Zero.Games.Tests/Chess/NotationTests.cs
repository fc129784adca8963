using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>FEN, UCI and SAN: round-trips over random-game positions, known SAN cases, and clear FEN errors.</summary>
public sealed class NotationTests
{
    [Fact]
    public void Fen_RandomGamePositions_RoundTripExactly()
    {
        int checkedCount = 0;
        foreach (ChessPosition p in ChessTestGames.Positions(80, 300, 1))
        {
            string fen = p.Fen;
            Assert.True(Fen.TryParse(fen, out ChessBoard back, out string? error), $"{fen}: {error}");
            Assert.Equal(p.Board, back);
            Assert.Equal(fen, Fen.Format(in back));
            Assert.Equal(back.ComputeHash(), p.Board.Hash);
            checkedCount++;
        }
        Assert.True(checkedCount > 5000);
    }

    [Fact]
    public void San_RandomGamePositions_EveryLegalMoveRoundTrips()
    {
        var moves = new ChessMove[ChessPosition.MaxMoves];
        foreach (ChessPosition p in ChessTestGames.Positions(20, 200, 2))
        {
            int n = p.GenerateMoves(moves);
            var seen = new HashSet<string>();
            for (int i = 0; i < n; i++)
            {
                string san = p.FormatSan(moves[i]);
                Assert.True(seen.Add(san), $"two moves written {san} in {p.Fen}");
                Assert.True(p.TryParseSan(san, out ChessMove back, out string? error), $"{san} in {p.Fen}: {error}");
                Assert.Equal(moves[i], back);
            }
        }
    }

    [Theory]
    // disambiguation by file, by rank, and by both
    [InlineData("7k/8/8/8/8/8/8/1N3N1K w - - 0 1", "b1d2", "Nbd2")]
    [InlineData("7k/8/8/8/R7/8/8/R6K w - - 0 1", "a1a2", "R1a2")]
    [InlineData("7k/8/8/8/Q1Q5/8/Q7/7K w - - 0 1", "a4b3", "Qa4b3")]
    // a pinned knight does not need to be told apart
    [InlineData("4k3/4r3/8/8/8/8/4N3/2N1K3 w - - 0 1", "c1d3", "Nd3")]
    // pawn captures, en passant, promotion with capture, castling
    [InlineData("4k3/8/8/3pP3/8/8/8/4K3 w - d6 0 1", "e5d6", "exd6")]
    [InlineData("1n2k3/2P5/8/8/8/8/8/4K3 w - - 0 1", "c7b8q", "cxb8=Q+")]
    [InlineData("1n2k3/2P5/8/8/8/8/8/4K3 w - - 0 1", "c7c8n", "c8=N")]
    [InlineData("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1", "e1g1", "O-O")]
    [InlineData("r3k2r/8/8/8/8/8/8/R3K2R b KQkq - 0 1", "e8c8", "O-O-O")]
    // check and mate marks
    [InlineData("rnbqkbnr/pppp1ppp/8/4p3/6P1/5P2/PPPPP2P/RNBQKBNR b KQkq - 0 2", "d8h4", "Qh4#")]
    [InlineData("4k3/8/8/8/8/8/8/R3K3 w Q - 0 1", "a1a8", "Ra8+")]
    public void San_KnownMoves_FormatAndParse(string fen, string uci, string san)
    {
        ChessPosition p = ChessTestGames.Parse(fen);
        Assert.True(p.TryParseMove(uci, out ChessMove move, out string? error), error);
        Assert.Equal(san, p.FormatSan(move));
        Assert.True(p.TryParseSan(san, out ChessMove back, out error), error);
        Assert.Equal(move, back);
    }

    [Theory]
    [InlineData("0-0", "e1g1")]
    [InlineData("O-O!?", "e1g1")]
    [InlineData("Rab1", "a1b1")]
    [InlineData("Ra1b1", "a1b1")]
    public void San_LooseForms_AreAccepted(string san, string uci)
    {
        ChessPosition p = ChessTestGames.Parse("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1");
        Assert.True(p.TryParseSan(san, out ChessMove move, out string? error), error);
        Assert.Equal(uci, move.ToString());
    }

    [Fact]
    public void San_FormatLine_NumbersTheMoves()
    {
        ChessPosition p = ChessTestGames.Parse("startpos moves e2e4");
        var moves = new List<ChessMove>();
        ChessPosition q = p;
        foreach (string uci in new[] { "e7e5", "g1f3", "b8c6" })
        {
            Assert.True(q.TryParseMove(uci, out ChessMove m, out _));
            moves.Add(m);
            q = q.Play(m);
        }
        Assert.Equal("1... e5 2. Nf3 Nc6", San.FormatLine(p, moves));
    }

    [Fact]
    public void TryParseMove_AlgebraicText_IsAcceptedToo()
    {
        Assert.True(ChessPosition.Initial.TryParseMove("Nf3", out ChessMove move, out string? error), error);
        Assert.Equal("g1f3", move.ToString());
        Assert.False(ChessPosition.Initial.TryParseMove("Nf6", out _, out error));
        Assert.Contains("not a legal move", error, StringComparison.Ordinal);
        Assert.False(ChessPosition.Initial.TryParseMove("hello", out _, out error));
        Assert.Contains("UCI notation", error, StringComparison.Ordinal);
    }

    [Fact]
    public void San_IllegalMove_ExplainsAndListsLegalMoves()
    {
        Assert.False(ChessPosition.Initial.TryParseSan("Nf6", out _, out string? error));
        Assert.Contains("not a legal move", error, StringComparison.Ordinal);
        Assert.Contains("Nf3", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR", "6 fields")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP w KQkq - 0 1", "field 1 (pieces)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNX w KQkq - 0 1", "'X' in rank 1 is not a piece")]
    [InlineData("rnbqkbnr/pppppppp/9/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 1", "field 1 (pieces)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQ1BNR w kq - 0 1", "White has 0 kings")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNP w kq - 0 1", "pawns cannot stand")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR x KQkq - 0 1", "field 2 (side to move)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkX - 0 1", "field 3 (castling)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBN1 w KQkq - 0 1", "rook on h1")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq e3 0 1", "field 4 (en passant)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq e6 0 1", "field 4 (en passant)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - x 1", "field 5 (halfmove clock)")]
    [InlineData("rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq - 0 0", "field 6 (move number)")]
    [InlineData("4k3/8/8/8/8/8/8/4K2R w - - 0 1 extra", "6 fields")]
    [InlineData("4k2R/8/8/8/8/8/8/4K3 w - - 0 1", "Black's king is in check")]
    public void Fen_BadInput_NamesTheWrongField(string fen, string expected)
    {
        Assert.False(Fen.TryParse(fen, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Fen_WithoutClocks_DefaultsToZeroAndOne()
    {
        Assert.True(Fen.TryParse("4k3/8/8/8/8/8/8/4K2R w K -", out ChessBoard board, out string? error), error);
        Assert.Equal("4k3/8/8/8/8/8/8/4K2R w K - 0 1", Fen.Format(in board));
    }

    [Fact]
    public void Fen_EnPassantWithoutACapturer_IsDroppedSoHashesAgree()
    {
        Assert.True(Fen.TryParse("rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq e3 0 1", out ChessBoard withEp, out _));
        Assert.True(Fen.TryParse("rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1", out ChessBoard without, out _));
        Assert.Equal(without.Hash, withEp.Hash);
        Assert.Equal(ChessPosition.Initial.Play(Move(ChessPosition.Initial, "e2e4")).Board.Hash, withEp.Hash);
    }

    [Theory]
    [InlineData("", Fen.StartPosition)]
    [InlineData("-", Fen.StartPosition)]
    [InlineData("startpos", Fen.StartPosition)]
    [InlineData("startpos moves e2e4 e7e5", "rnbqkbnr/pppp1ppp/8/4p3/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2")]
    [InlineData("position startpos moves e2e4", "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - 0 1")]
    [InlineData("fen 4k3/8/8/8/8/8/8/4K2R w K - 0 1 moves e1g1", "4k3/8/8/8/8/8/8/5RK1 b - - 1 1")]
    [InlineData("4k3/8/8/8/8/8/8/4K2R w K - 0 1", "4k3/8/8/8/8/8/8/4K2R w K - 0 1")]
    [InlineData("4k3/8/8/8/8/8/8/4K2R w K - 0 1 moves h1h2", "4k3/8/8/8/8/8/7R/4K3 b - - 1 1")]
    public void TryParsePosition_AcceptedForms_GiveTheFen(string text, string fen)
    {
        Assert.Equal(fen, ChessTestGames.Parse(text).Fen);
    }

    [Theory]
    [InlineData("startpos moves e2e5", "move 1 of the list")]
    [InlineData("startpos moves e2e4 e7e5 e1e3", "not a legal move")]
    [InlineData("startpos e2e4", "expected 'moves'")]
    [InlineData("fen 8/8/8 w - - 0 1", "field 1 (pieces)")]
    [InlineData("fen 4k3/1P6/8/8/8/8/8/4K3 w - - 0 1 moves b7b8", "add the piece")]
    public void TryParsePosition_BadInput_Explains(string text, string expected)
    {
        Assert.False(ChessPosition.TryParsePosition(text, out _, out string? error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void FormatPosition_AfterReversibleMoves_CarriesThemFromTheLastPawnMove()
    {
        ChessPosition p = ChessTestGames.Parse("startpos moves e2e4 e7e5 g1f3 b8c6");
        Assert.Equal("fen rnbqkbnr/pppp1ppp/8/4p3/4P3/8/PPPP1PPP/RNBQKBNR w KQkq - 0 2 moves g1f3 b8c6", p.FormatPosition());
        Assert.Equal(p.FormatPosition(), ChessTestGames.Parse(p.FormatPosition()).FormatPosition());
    }

    private static ChessMove Move(ChessPosition p, string uci)
    {
        Assert.True(p.TryParseMove(uci, out ChessMove move, out string? error), error);
        return move;
    }
}
