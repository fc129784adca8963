using Zero.Games.Chess;
using Zero.Search.Mcts;
using Zero.Uci.Evaluation;

namespace Zero.Uci.Tests.Evaluation;

public sealed class ChessHeuristicTests
{
    private static ChessBoard Board(string fen)
    {
        Assert.True(Fen.TryParse(fen, out ChessBoard board, out string? error), error);
        return board;
    }

    /// <summary>The same position with colours swapped and the board mirrored top to bottom.</summary>
    private static ChessBoard ColourFlip(string fen)
    {
        string[] f = fen.Split(' ');
        string placement = string.Join('/', f[0].Split('/').Reverse().Select(r => new string(r.Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).ToArray())));
        string side = f[1] == "w" ? "b" : "w";
        string castling = f[2] == "-" ? "-" : new string(f[2].Select(c => char.IsUpper(c) ? char.ToLowerInvariant(c) : char.ToUpperInvariant(c)).OrderBy(c => c is 'K' or 'Q' ? 0 : 1).ToArray());
        string ep = f[3] == "-" ? "-" : $"{f[3][0]}{(char)('9' - f[3][1] + '0')}";
        return Board($"{placement} {side} {castling} {ep} {f[4]} {f[5]}");
    }

    [Fact]
    public void Evaluate_StartPosition_IsZero() => Assert.Equal(0, ChessHeuristic.Evaluate(ChessBoard.Start));

    [Theory]
    [InlineData("r1bqkbnr/pppp1ppp/2n5/4p3/4P3/5N2/PPPP1PPP/RNBQKB1R w KQkq - 2 3")]
    [InlineData("r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1")]
    [InlineData("8/2p5/3p4/KP5r/1R3p1k/8/4P1P1/8 w - - 0 1")]
    [InlineData("6k1/8/8/8/8/8/8/3QK3 b - - 0 1")]
    public void Evaluate_ColourFlippedPosition_IsTheSame(string fen) =>
        Assert.Equal(ChessHeuristic.Evaluate(Board(fen)), ChessHeuristic.Evaluate(ColourFlip(fen)));

    [Fact]
    public void Evaluate_ExtraQueen_IsWorthAboutAQueen()
    {
        int withQueen = ChessHeuristic.Evaluate(Board("4k3/8/8/8/8/8/8/3QK3 w - - 0 1"));
        Assert.InRange(withQueen, 800, 1400);
        Assert.Equal(-withQueen, ChessHeuristic.Evaluate(Board("4k3/8/8/8/8/8/8/3QK3 b - - 0 1")));
    }

    [Fact]
    public void Quiescence_HangingQueen_CountsTheCapture()
    {
        // White to move can take the undefended queen on d5 with the knight on c3.
        ChessBoard board = Board("4k3/8/8/3q4/8/2N5/8/4K3 w - - 0 1");
        Assert.True(ChessHeuristic.Evaluate(board) < -400);
        Assert.InRange(ChessHeuristic.Quiescence(board, -32000, 32000, ChessHeuristic.QuiescenceDepth), 150, 600);
    }

    [Fact]
    public void Quiescence_DefendedPawnTakenByQueen_IsNotCounted()
    {
        // Qxd5 would lose the queen to exd5: standing pat is better.
        ChessBoard board = Board("4k3/8/4p3/3p4/8/8/8/3QK3 w - - 0 1");
        Assert.Equal(ChessHeuristic.Evaluate(board), ChessHeuristic.Quiescence(board, -32000, 32000, ChessHeuristic.QuiescenceDepth));
    }

    [Fact]
    public void MoveLogit_CapturePromotionCheck_RankAboveQuietMoves()
    {
        ChessBoard board = Board("3r2k1/1P6/8/2q5/8/8/8/R3K2R w KQ - 0 1");
        float Logit(string uci)
        {
            Assert.True(ChessPosition.FromBoard(board).TryParseMove(uci, out ChessMove move, out string? e), e);
            return ChessHeuristic.MoveLogit(board, move);
        }
        Assert.True(Logit("b7b8q") > Logit("b7b8n"));
        Assert.True(Logit("b7b8q") > Logit("e1e2"));
        Assert.True(Logit("b7b8q") > Logit("a1a2")); // promotion
        Assert.True(Logit("h1h8") > Logit("h1h7")); // check
        Assert.True(Logit("b7b8n") < Logit("a1a2")); // under-promotion
    }

    [Theory]
    [InlineData(0)]
    [InlineData(35)]
    [InlineData(-250)]
    [InlineData(900)]
    public void CentipawnsToValue_ThenBack_RoundTrips(int cp) =>
        Assert.InRange(ChessHeuristic.ValueToCentipawns(ChessHeuristic.CentipawnsToValue(cp)), cp - 1, cp + 1);

    [Fact]
    public void ValueToCentipawns_MatchesLc0Formula() =>
        Assert.Equal((int)Math.Round(111.714640912 * Math.Tan(1.5620688421 * 0.5)), ChessHeuristic.ValueToCentipawns(0.5));

    [Theory]
    [InlineData("6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1", "a1a8")] // back-rank mate
    [InlineData("4k3/8/8/3q4/8/2N5/8/4K3 w - - 0 1", "c3d5")] // win the queen
    [InlineData("r1bqkbnr/pppp1ppp/2n5/4p2Q/2B1P3/8/PPPP1PPP/RNB1K1NR w KQkq - 4 4", "h5f7")] // scholar's mate
    public void Search_WithHeuristic_FindsTheTacticalMove(string fen, string expected)
    {
        Assert.True(ChessPosition.TryParsePosition(fen, out ChessPosition position, out string? error), error);
        var search = new PuctSearch<ChessPosition, ChessMove>(new ChessHeuristicEvaluator(), new MctsOptions { Threads = 1 });
        search.SetPosition(position);
        SearchResult<ChessMove> result = search.Search(SearchLimits.FromPlayouts(2000));
        Assert.Equal(expected, result.BestMove.ToString());
    }
}
