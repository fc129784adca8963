using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>The ways a chess game ends: mate, stalemate, threefold repetition, fifty moves, dead material.</summary>
public sealed class DrawRuleTests
{
    private static ChessPosition Parse(string text) => ChessTestGames.Parse(text);

    [Fact]
    public void Outcome_Checkmate_IsALossForTheSideToMove()
    {
        ChessPosition p = Parse("startpos moves f2f3 e7e5 g2g4 d8h4");
        Assert.Equal(GameResult.Loss, p.Outcome);
        Assert.Equal("checkmate", p.OutcomeReason);
        Assert.Equal(0, p.GenerateMoves(new ChessMove[ChessPosition.MaxMoves]));
        Assert.Equal("0-1", PgnGame.ResultOf(p));
    }

    [Fact]
    public void Outcome_Stalemate_IsADraw()
    {
        ChessPosition p = Parse("7k/5Q2/6K1/8/8/8/8/8 b - - 0 1");
        Assert.Equal(GameResult.Draw, p.Outcome);
        Assert.Equal("stalemate", p.OutcomeReason);
    }

    [Fact]
    public void Outcome_ThirdOccurrence_IsADrawButTheSecondIsNot()
    {
        const string twice = "startpos moves g1f3 g8f6 f3g1 f6g8";
        ChessPosition second = Parse(twice);
        Assert.Equal(1, second.Repetitions);
        Assert.Null(second.Outcome);
        Assert.Equal(ChessPosition.Initial.Board.Hash, second.Board.Hash);
        ChessPosition third = Parse(twice + " g1f3 g8f6 f3g1 f6g8");
        Assert.Equal(2, third.Repetitions);
        Assert.Equal(GameResult.Draw, third.Outcome);
        Assert.Equal("threefold repetition", third.OutcomeReason);
        Assert.Equal(0, third.GenerateMoves(new ChessMove[ChessPosition.MaxMoves]));
        Assert.NotEqual(second.Hash, third.Hash); // the draw is part of the hash
    }

    [Fact]
    public void Outcome_RepetitionCutByAPawnMove_StartsCountingAgain()
    {
        ChessPosition p = Parse("startpos moves g1f3 g8f6 f3g1 f6g8 e2e3 e7e6 g1f3 g8f6 f3g1 f6g8");
        Assert.Equal(1, p.Repetitions);
        Assert.Null(p.Outcome);
    }

    [Fact]
    public void Outcome_FiftyMoveRule_DrawsAtOneHundredPlies()
    {
        ChessPosition before = Parse("4k3/8/8/8/8/8/8/R3K3 w - - 98 80");
        ChessPosition at99 = before.Play(Move(before, "a1a2"));
        Assert.Null(at99.Outcome);
        ChessPosition at100 = at99.Play(Move(at99, "e8d8"));
        Assert.Equal(100, at100.Board.HalfmoveClock);
        Assert.Equal(GameResult.Draw, at100.Outcome);
        Assert.Equal("fifty-move rule", at100.OutcomeReason);
    }

    [Fact]
    public void Outcome_MateOnTheHundredthPly_StandsOverTheFiftyMoveRule()
    {
        ChessPosition p = Parse("7k/8/6K1/8/8/8/8/R7 w - - 99 80");
        ChessPosition mated = p.Play(Move(p, "a1a8"));
        Assert.Equal(100, mated.Board.HalfmoveClock);
        Assert.Equal(GameResult.Loss, mated.Outcome);
    }

    [Theory]
    [InlineData("4k3/8/8/8/8/8/8/4K3 w - - 0 1", true)]      // king against king
    [InlineData("4k3/8/8/8/8/8/8/2B1K3 w - - 0 1", true)]    // king and bishop against king
    [InlineData("4k3/8/8/8/8/8/8/1N2K3 b - - 0 1", true)]    // king and knight against king
    [InlineData("4kb2/8/8/8/8/8/8/2B1K3 w - - 0 1", true)]   // bishops on squares of one colour (c1 and f8 are dark)
    [InlineData("3kb3/8/8/8/8/8/8/2B1K3 w - - 0 1", false)]  // bishops on opposite colours: a mate exists
    [InlineData("4k3/8/8/8/8/8/8/1NN1K3 w - - 0 1", false)]  // two knights: a helpmate exists
    [InlineData("4kn2/8/8/8/8/8/8/2B1K3 w - - 0 1", false)]  // bishop against knight: a helpmate exists
    [InlineData("4k3/8/8/8/8/8/4P3/4K3 w - - 0 1", false)]   // a pawn can promote
    public void Outcome_InsufficientMaterial_DrawsOnlyDeadPositions(string fen, bool dead)
    {
        ChessPosition p = Parse(fen);
        Assert.Equal(dead, p.Board.IsInsufficientMaterial);
        Assert.Equal(dead ? GameResult.Draw : null, p.Outcome);
    }

    [Fact]
    public void Play_CaptureOfARookAtHome_RemovesThatCastlingRight()
    {
        ChessPosition p = Parse("r3k2r/8/8/8/8/8/8/R3K2R w KQkq - 0 1");
        ChessPosition after = p.Play(Move(p, "a1a8"));
        Assert.Equal(CastlingRights.WhiteKingside | CastlingRights.BlackKingside, after.Board.Castling);
        Assert.Equal(after.Board.ComputeHash(), after.Board.Hash);
        Assert.False(after.TryParseMove("e8c8", out _, out _)); // black can no longer castle long
    }

    [Fact]
    public void Play_IncrementalHash_EqualsHashFromScratch()
    {
        foreach (ChessPosition p in ChessTestGames.Positions(100, 300, 3))
        {
            Assert.Equal(p.Board.ComputeHash(), p.Board.Hash);
        }
    }

    [Fact]
    public void Outcome_RandomGames_EndOnlyByTheRules()
    {
        var reasons = new Dictionary<string, int>();
        foreach (var (_, _, positions) in ChessTestGames.Games(200, 1000, 4))
        {
            ChessPosition last = positions[^1];
            string reason = last.OutcomeReason ?? "unfinished";
            reasons[reason] = reasons.GetValueOrDefault(reason) + 1;
            for (int i = 0; i < positions.Count - 1; i++)
            {
                Assert.Null(positions[i].OutcomeReason);
            }
        }
        // random play reaches every kind of ending in 200 games
        Assert.True(reasons.ContainsKey("checkmate"), string.Join(", ", reasons));
        Assert.True(reasons.ContainsKey("insufficient material"), string.Join(", ", reasons));
        Assert.True(reasons.ContainsKey("fifty-move rule") || reasons.ContainsKey("threefold repetition"), string.Join(", ", reasons));
        Assert.False(reasons.ContainsKey("unfinished"), string.Join(", ", reasons));
    }

    private static ChessMove Move(ChessPosition p, string uci)
    {
        Assert.True(p.TryParseMove(uci, out ChessMove move, out string? error), error);
        return move;
    }

    [Fact]
    public void Outcome_DefaultPosition_ThrowsWithAHint()
    {
        var e = Assert.Throws<InvalidOperationException>(() => default(ChessPosition).Outcome);
        Assert.Contains("ChessPosition.Initial", e.Message, StringComparison.Ordinal);
    }
}
