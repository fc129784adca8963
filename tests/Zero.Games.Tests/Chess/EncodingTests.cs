using Zero.Games.Chess;

namespace Zero.Games.Tests.Chess;

/// <summary>The 112-plane input and the 1858-move policy: shape, side-to-move flip, history and known indices.</summary>
public sealed class EncodingTests
{
    private static float[] Planes(ChessPosition p)
    {
        var f = new float[ChessPosition.InputShape.Size];
        p.WriteFeatures(f);
        return f;
    }

    private static float At(float[] f, int plane, string square)
    {
        Squares.TryParse(square, out int s);
        return f[plane * 64 + s];
    }

    [Fact]
    public void Shape_MatchesTheChessNetworkConfig()
    {
        Assert.Equal(new InputShape(112, 8, 8), ChessPosition.InputShape);
        Assert.Equal(1858, ChessPosition.ActionCount);
        Assert.Equal(1, ChessPosition.SymmetryCount);
    }

    [Fact]
    public void Policy_EveryActionDescribesADistinctMove()
    {
        var seen = new HashSet<(int, int, PieceType)>();
        for (int a = 0; a < ChessEncoding.PolicySize; a++)
        {
            Assert.True(seen.Add(ChessEncoding.Describe(a)));
        }
        Assert.Equal((0, 1, PieceType.None), ChessEncoding.Describe(0));      // a1b1 comes first
        Assert.Equal(66, seen.Count(m => m.Item3 != PieceType.None));          // under-promotions
    }

    [Fact]
    public void ActionIndex_BlackMoves_AreMirroredToWhitesFrame()
    {
        ChessPosition white = ChessPosition.Initial;
        ChessPosition black = ChessTestGames.Parse("startpos moves g1f3");
        Assert.True(white.TryParseMove("e2e4", out ChessMove e2e4, out _));
        Assert.True(black.TryParseMove("e7e5", out ChessMove e7e5, out _));
        Assert.Equal(white.ActionIndex(e2e4), black.ActionIndex(e7e5));
        Assert.True(white.TryParseMove("g1f3", out ChessMove nf3, out _));
        Assert.True(black.TryParseMove("g8f6", out ChessMove nf6, out _));
        Assert.Equal(white.ActionIndex(nf3), black.ActionIndex(nf6));
        var (from, to, promotion) = ChessEncoding.Describe(black.ActionIndex(e7e5));
        Assert.Equal(("e2", "e4", PieceType.None), (Squares.Name(from), Squares.Name(to), promotion));
    }

    [Fact]
    public void ActionIndex_Promotions_QueenSharesThePlainMoveOthersAreSeparate()
    {
        ChessPosition p = ChessTestGames.Parse("1n2k3/2P5/8/8/8/8/8/4K3 w - - 0 1");
        var moves = new ChessMove[ChessPosition.MaxMoves];
        int n = p.GenerateMoves(moves);
        var actions = moves[..n].Select(p.ActionIndex).ToList();
        Assert.Equal(n, actions.Distinct().Count());
        Assert.True(p.TryParseMove("c7c8q", out ChessMove queen, out _));
        var (_, to, promotion) = ChessEncoding.Describe(p.ActionIndex(queen));
        Assert.Equal(("c8", PieceType.None), (Squares.Name(to), promotion));
        Assert.True(p.TryParseMove("c7b8n", out ChessMove knight, out _));
        Assert.True(p.ActionIndex(knight) >= 1792);
        Assert.Equal(PieceType.Knight, ChessEncoding.Describe(p.ActionIndex(knight)).Promotion);
    }

    [Fact]
    public void Features_StartPosition_OwnPiecesOnTheFirstRanks()
    {
        float[] f = Planes(ChessPosition.Initial);
        Assert.Equal(1f, At(f, 0, "e2"));   // our pawns
        Assert.Equal(1f, At(f, 5, "e1"));   // our king
        Assert.Equal(1f, At(f, 6, "e7"));   // their pawns
        Assert.Equal(1f, At(f, 11, "e8"));  // their king
        Assert.Equal(0f, At(f, 12, "a1"));  // no repetition
        Assert.Equal(0f, f.Skip(13 * 64).Take(91 * 64).Sum()); // no history
        Assert.All(new[] { 104, 105, 106, 107, 111 }, plane => Assert.Equal(64f, f.Skip(plane * 64).Take(64).Sum()));
        Assert.Equal(0f, At(f, 108, "a1")); // White to move
    }

    [Fact]
    public void Features_BlackToMove_BoardFlippedAndHistoryInOurFrame()
    {
        ChessPosition p = ChessTestGames.Parse("startpos moves g1f3");
        float[] f = Planes(p);
        Assert.Equal(1f, At(f, 0, "e2"));   // our (Black's) pawns, mirrored to rank 2
        Assert.Equal(1f, At(f, 5, "e1"));   // our king at e8, seen as e1
        Assert.Equal(1f, At(f, 7, "f6"));   // their knight on f3, seen from Black as f6
        Assert.Equal(1f, At(f, 13 + 7, "g8")); // one ply ago their knight stood on g1, seen as g8
        Assert.Equal(1f, At(f, 108, "a1")); // Black to move
        Assert.Equal(0.01f, At(f, 109, "a1"), 6); // halfmove clock 1
    }

    [Fact]
    public void Features_Repetition_SetsThePlane()
    {
        ChessPosition p = ChessTestGames.Parse("startpos moves g1f3 g8f6 f3g1 f6g8");
        float[] f = Planes(p);
        Assert.Equal(1f, At(f, 12, "d4"));      // now: seen before
        Assert.Equal(0f, At(f, 13 + 12, "d4")); // one ply ago: first time
        Assert.Equal(1f, At(f, 13 * 4, "e2"));  // four plies ago (the start) is in the history
    }
}
