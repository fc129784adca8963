using Zero.Arena.Openings;
using Zero.Games;
using Zero.Games.Chess;
using Zero.Games.ConnectFour;

namespace Zero.Arena.Tests.Openings;

public sealed class OpeningBookTests
{
    [Fact]
    public void Read_EpdWithAndWithoutCounters_GivesThePositions()
    {
        string path = Path.GetTempFileName();
        File.WriteAllLines(path, [
            "rnbqkbnr/pppppppp/8/8/4P3/8/PPPP1PPP/RNBQKBNR b KQkq - bm e5; id \"1\";",
            "",
            "8/8/8/4k3/8/8/4K3/4Q3 w - - 0 40",
        ]);
        try
        {
            List<Opening<ChessPosition, ChessMove>> book = OpeningBook.Read<ChessPosition, ChessMove>(path, "epd", null);
            Assert.Equal(2, book.Count);
            Assert.Equal(1, book[0].Position.SideToMove);
            Assert.Equal(40, book[1].Start.Board.FullmoveNumber);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_BadEpdLine_NamesTheLine()
    {
        string path = Path.GetTempFileName();
        File.WriteAllLines(path, ["rnbqkbnr/pppppppp/8/8/8/8/PPPPPPPP/RNBQKBNR w KQkq -", "not a fen at all"]);
        try
        {
            var e = Assert.Throws<ZeroException>(() => OpeningBook.Read<ChessPosition, ChessMove>(path, "epd", null));
            Assert.Contains(":2:", e.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_PgnWithPlies_KeepsTheFirstPlies()
    {
        string path = Path.GetTempFileName() + ".pgn";
        File.WriteAllText(path, "[Event \"a\"]\n\n1. e4 e5 2. Nf3 Nc6 3. Bb5 a6 1-0\n\n[Event \"b\"]\n\n1. d4 d5 2. c4 1/2-1/2\n");
        try
        {
            List<Opening<ChessPosition, ChessMove>> book = OpeningBook.Read<ChessPosition, ChessMove>(path, null, 4);
            Assert.Equal(2, book.Count);
            Assert.Equal(4, book[0].Moves.Count);
            Assert.Equal(3, book[1].Moves.Count);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void FromText_ConnectFourMoveString_KeepsTheMoves()
    {
        Opening<ConnectFourPosition, ConnectFourMove> o = OpeningBook.FromText<ConnectFourPosition, ConnectFourMove>("4453")!;
        Assert.Equal(4, o.Moves.Count);
        ConnectFourPosition.TryParsePosition("4453", out ConnectFourPosition expected, out _);
        Assert.Equal(expected.Hash, o.Position.Hash);
        Assert.Null(OpeningBook.FromText<ConnectFourPosition, ConnectFourMove>("4449x"));
    }

    [Fact]
    public void Random_Openings_AreDistinctAndNotOver()
    {
        List<Opening<ConnectFourPosition, ConnectFourMove>> book = OpeningBook.Random<ConnectFourPosition, ConnectFourMove>(40, 2, 7);
        Assert.Equal(40, book.Count);
        Assert.Equal(40, book.Select(o => o.Position.Hash).Distinct().Count());
        Assert.All(book, o => Assert.Null(o.Position.Outcome));
    }

    [Fact]
    public void Order_Random_IsASeededPermutation()
    {
        var a = new OpeningOrder(50, true, 5);
        int[] first = [.. Enumerable.Range(0, 50).Select(a.For)];
        Assert.Equal(Enumerable.Range(0, 50), first.Order());
        Assert.Equal(first, Enumerable.Range(0, 50).Select(new OpeningOrder(50, true, 5).For));
        Assert.NotEqual(first, Enumerable.Range(0, 50).Select(new OpeningOrder(50, true, 6).For));
        Assert.Equal(first[3], a.For(53));
        Assert.Equal(9, new OpeningOrder(50, false, 0, start: 9).For(0));
    }
}
