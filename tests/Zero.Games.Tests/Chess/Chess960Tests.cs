using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>
/// Chess960 castling: perft from published Chess960 positions and hand-made castling cases, every count checked
/// with Stockfish 15.1 (<c>setoption name UCI_Chess960 value true</c>, <c>go perft</c>); Shredder- and X-FEN; UCI
/// castling as king-takes-rook.
/// </summary>
public sealed class Chess960Tests
{
    [Theory]
    // positions 1-5 of the chessprogramming.org Chess960 perft list
    [InlineData("bqnb1rkr/pp3ppp/3ppn2/2p5/5P2/P2P4/NPP1P1PP/BQ1BNRKR w HFhf - 2 9", 4, 326_672L)]
    [InlineData("2nnrbkr/p1qppppp/8/1ppb4/6PP/3PP3/PPP2P2/BQNNRBKR w HEhe - 1 9", 4, 667_366L)]
    [InlineData("b1q1rrkb/pppppppp/3nn3/8/P7/1PPP4/4PPPP/BQNNRKRB w GE - 1 9", 4, 273_318L)]
    [InlineData("qbbnnrkr/2pp2pp/p7/1p2pp2/8/P3PP2/1PPP1KPP/QBBNNR1R w hf - 0 9", 4, 382_958L)]
    [InlineData("1nbbnrkr/p1p1ppp1/3p4/1p3P1p/3Pq2P/8/PPP1P1P1/QNBBNRKR w HFhf - 0 9", 4, 1_171_749L)]
    // king on b1 castles both ways (queenside the king moves one square, kingside five)
    [InlineData("rk5r/8/8/8/8/8/8/RK5R w HAha - 0 1", 1, 24L)]
    [InlineData("rk5r/8/8/8/8/8/8/RK5R w HAha - 0 1", 4, 242_723L)]
    // king on g1 castles kingside without moving (only the rook moves)
    [InlineData("1r4kr/8/8/8/8/8/8/1R4KR w HBhb - 0 1", 1, 24L)]
    [InlineData("1r4kr/8/8/8/8/8/8/1R4KR w HBhb - 0 1", 4, 237_166L)]
    // Chess960 start position 3: king f1 and rook g1 may castle (swap) at once
    [InlineData("bqnnrkrb/pppppppp/8/8/8/8/PPPPPPPP/BQNNRKRB w KQkq - 0 1", 1, 21L)]
    [InlineData("bqnnrkrb/pppppppp/8/8/8/8/PPPPPPPP/BQNNRKRB w KQkq - 0 1", 4, 235_990L)]
    // the castling rook shields the king's destination from a rook or queen on the rank: castling is illegal
    [InlineData("4k3/8/8/8/8/8/8/5KRr w G - 0 1", 1, 5L)]
    [InlineData("4k3/8/8/8/8/8/8/5KRr w G - 0 1", 3, 821L)]
    [InlineData("4k3/8/8/8/8/8/8/qRK5 w B - 0 1", 1, 4L)]
    [InlineData("4k3/8/8/8/8/8/8/qRK5 w B - 0 1", 3, 876L)]
    public void Count_Chess960Positions_MatchStockfish(string fen, int depth, long expected)
    {
        Assert.True(Fen.TryParse(fen, out ChessBoard board, out string? error), error);
        Assert.Equal(expected, Perft.Count(in board, depth));
    }

    [Fact]
    public void Castling_KingThatStaysPut_IsWrittenKingTakesRook()
    {
        ChessPosition p = ChessTestGames.Parse("1r4kr/8/8/8/8/8/8/1R4KR w HBhb - 0 1");
        Assert.True(p.Board.IsChess960Castling);
        Assert.True(p.TryParseMove("g1h1", out ChessMove castle, out string? error), error);
        Assert.Equal(MoveKind.Castling, castle.Kind);
        Assert.Equal("g1h1", p.FormatMove(castle));
        Assert.Equal("O-O", p.FormatSan(castle));
        ChessPosition after = p.Play(castle);
        Assert.Equal("1r4kr/8/8/8/8/8/8/1R3RK1 b kq - 1 1", after.Fen);
        Assert.Equal(after.Board.ComputeHash(), after.Board.Hash);
        Assert.Equal(after.FormatPosition(), ChessTestGames.Parse(after.FormatPosition()).FormatPosition());
    }

    [Fact]
    public void Castling_StandardChess_AcceptsBothUciForms()
    {
        ChessPosition p = ChessTestGames.Parse("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1");
        Assert.False(p.Board.IsChess960Castling);
        Assert.True(p.TryParseMove("e1g1", out ChessMove a, out _));
        Assert.True(p.TryParseMove("e1h1", out ChessMove b, out _));
        Assert.Equal(a, b);
        Assert.Equal("e1g1", p.FormatMove(a));
        Assert.Equal("r3k2r/8/8/8/8/8/8/R4RK1 b kq - 1 1", p.Play(a).Fen);
    }

    [Theory]
    [InlineData("bqnb1rkr/pp3ppp/3ppn2/2p5/5P2/P2P4/NPP1P1PP/BQ1BNRKR w HFhf - 2 9", "bqnb1rkr/pp3ppp/3ppn2/2p5/5P2/P2P4/NPP1P1PP/BQ1BNRKR w KQkq - 2 9")]
    [InlineData("rr2k3/8/8/8/8/8/8/RR2K3 w Bb - 0 1", "rr2k3/8/8/8/8/8/8/RR2K3 w Bb - 0 1")] // b1 is not the outermost rook
    [InlineData("rr2k3/8/8/8/8/8/8/RR2K3 w Qq - 0 1", "rr2k3/8/8/8/8/8/8/RR2K3 w Qq - 0 1")] // X-FEN Q: the a1 rook
    public void Fen_Chess960Castling_WritesXFenWhereItCanAndRoundTrips(string input, string expected)
    {
        Assert.True(Fen.TryParse(input, out ChessBoard board, out string? error), error);
        Assert.Equal(expected, Fen.Format(in board));
        Assert.True(Fen.TryParse(expected, out ChessBoard back, out error), error);
        Assert.Equal(board, back);
    }

    [Fact]
    public void Fen_CastlingFileWithoutARook_NamesTheSquare()
    {
        Assert.False(Fen.TryParse("4k3/8/8/8/8/8/8/R3K3 w C - 0 1", out _, out string? error));
        Assert.Contains("no rook on c1", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Chess960_StartPositions_AreAllDistinctAndWellFormed()
    {
        Assert.Equal(ChessBoard.Start, ChessBoard.Chess960(518));
        var seen = new HashSet<string>();
        for (int n = 0; n < 960; n++)
        {
            ChessBoard b = ChessBoard.Chess960(n);
            string rank = Fen.Format(in b).Split('/')[7].Split(' ')[0];
            Assert.True(seen.Add(rank), rank);
            Assert.Matches("^[^R]*R[^K]*K[^R]*R[^R]*$", rank);                       // king between the rooks
            Assert.NotEqual(rank.IndexOf('B', StringComparison.Ordinal) % 2, rank.LastIndexOf('B') % 2); // opposite colours
            Assert.True(Fen.TryParse(Fen.Format(in b), out ChessBoard back, out string? error), error);
            Assert.Equal(b, back);
        }
    }

    [Fact]
    public void TryParsePosition_Chess960Number_StartsThatPosition()
    {
        ChessPosition p = ChessTestGames.Parse("chess960 0 moves e2e4");
        Assert.Equal("bbqnnrkr/pppppppp/8/8/4P3/8/PPPP1PPP/BBQNNRKR b KQkq - 0 1", p.Fen);
        Assert.False(ChessPosition.TryParsePosition("chess960 960", out _, out string? error));
        Assert.Contains("0 to 959", error, StringComparison.Ordinal);
    }
}
