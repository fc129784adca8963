using System.Diagnostics;
using Zero.Games.Chess;
using Zero.Uci.Protocol;

namespace Zero.Uci.Tests.Protocol;

/// <summary>
/// Drives the real `zero uci` process over standard input and output as a GUI would: handshake, options, positions
/// with every special move, each `go` variant, `stop` during `go infinite`, `isready` during a search, `ponderhit`,
/// bad input, `quit` and end of input. Every bestmove, ponder move and pv move is checked for legality.
/// </summary>
public sealed class UciTranscriptTests
{
    private static ChessPosition Position(string uciLine)
    {
        Assert.True(UciPosition.TryParse(uciLine, out ChessPosition p, out string? error), error);
        return p;
    }

    [Fact]
    public void Handshake_Uci_ListsIdEveryOptionAndUciok()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("uci");
        var (_, seen) = zero.Expect(l => l == "uciok", what: "uciok");
        Assert.StartsWith("id name Zero", seen[0], StringComparison.Ordinal);
        Assert.StartsWith("id author ", seen[1], StringComparison.Ordinal);
        Assert.Equal(EngineOptions.All.Select(o => o.UciLine()), seen.Where(l => l.StartsWith("option ", StringComparison.Ordinal)));
        zero.Sync();
    }

    public static TheoryData<string> SpecialMovePositions() => new()
    {
        "position startpos",
        "position startpos moves e2e4 e7e5 g1f3 b8c6 f1c4 g8f6 e1g1 f8c5 d2d3 e8g8", // both sides castle kingside
        "position fen r3k2r/pppq1ppp/2npbn2/4p3/4P3/2NPBN2/PPPQ1PPP/R3K2R w KQkq - 0 1 moves e1c1 e8c8", // queenside
        "position startpos moves e2e4 a7a6 e4e5 d7d5 e5d6", // en passant capture
        "position fen rnbqkbnr/ppp1p1pp/8/3pPp2/8/8/PPPP1PPP/RNBQKBNR w KQkq f6 0 3", // en passant available now
        "position fen 8/1P4k1/8/8/8/8/5K2/8 w - - 0 1", // promotion available
        "position fen 8/1P4k1/8/8/8/8/5KP1/8 w - - 0 1 moves b7b8n g7f6", // under-promotion played
        "position fen r3k3/1P6/8/8/8/8/5K2/8 w q - 0 1 moves b7a8q", // capture-promotion takes a castling rook
        "position fen 6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1", // mate in one
    };

    [Theory]
    [MemberData(nameof(SpecialMovePositions))]
    public void Go_PositionWithSpecialMoves_BestMoveAndPvAreLegal(string positionLine)
    {
        using var zero = ZeroProcess.Start("--threads", "2");
        zero.Send(positionLine);
        zero.Send("go nodes 400");
        zero.ExpectBestMove(Position(positionLine));
    }

    [Fact]
    public void Go_MateInOne_SolverPlaysItAndReportsMateOne()
    {
        using var zero = ZeroProcess.Start("--threads", "1");
        const string line = "position fen 6k1/5ppp/8/8/8/8/5PPP/R5K1 w - - 0 1"; // Ra8 mates
        zero.Send(line);
        zero.Send("go nodes 400");
        var (best, info) = zero.ExpectBestMove(Position(line));
        Assert.Equal("a1a8", best.ToString());
        Assert.Contains(" score mate 1 ", info[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void Go_EveryVariant_AnswersWithLegalMoves()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("uci");
        zero.Expect(l => l == "uciok");
        zero.Send("setoption name MultiPV value 3");
        zero.Send("setoption name UCI_ShowWDL value true");
        zero.Send("ucinewgame");
        zero.Sync();
        const string line = "position startpos moves d2d4 d7d5 c2c4";
        ChessPosition p = Position(line);
        zero.Send(line);

        // Clock with increment, from Black's side: must answer well within btime.
        var watch = Stopwatch.StartNew();
        zero.Send("go wtime 5000 btime 20000 winc 100 binc 100");
        var (_, info) = zero.ExpectBestMove(p);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed} of a 20 s clock");
        string last = info[^1];
        foreach (string word in new[] { " depth ", " seldepth ", " multipv ", " score ", " wdl ", " nodes ", " nps ", " hashfull ", " time ", " pv " })
        {
            Assert.Contains(word, last, StringComparison.Ordinal);
        }
        Assert.Contains(info, i => i.Contains(" multipv 3 ", StringComparison.Ordinal));

        // A nearly empty clock: a legal move at once.
        watch.Restart();
        zero.Send("go wtime 30 btime 30");
        zero.ExpectBestMove(p);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"a 30 ms clock took {watch.Elapsed}");

        // movestogo, depth, nodes, movetime.
        zero.Send(line);
        zero.Send("go wtime 2000 btime 2000 movestogo 2");
        zero.ExpectBestMove(p);
        zero.Send("go depth 2");
        zero.ExpectBestMove(p);
        zero.Send("go nodes 64");
        (_, info) = zero.ExpectBestMove(p);
        string[] words = info[^1].Split(' ');
        long nodes = long.Parse(words[Array.IndexOf(words, "nodes") + 1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(nodes, 0, 64); // fewer (even none, with the reused tree) when smart pruning sees that no other move can catch up
        watch.Restart();
        zero.Send("go movetime 400");
        zero.ExpectBestMove(p);
        Assert.True(watch.Elapsed < TimeSpan.FromMilliseconds(400 + 1000), $"movetime 400 took {watch.Elapsed}");

        // searchmoves: the answer is one of them.
        zero.Send("go nodes 300 searchmoves a7a6 h7h6");
        var (best, _) = zero.ExpectBestMove(p);
        Assert.Contains(best.ToString(), new[] { "a7a6", "h7h6" });
    }

    [Fact]
    public void Stop_DuringGoInfinite_BestMoveFollowsPromptly()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("position startpos moves e2e4");
        zero.Send("go infinite");
        zero.Expect(l => l.StartsWith("info depth", StringComparison.Ordinal), what: "a progress line");
        Thread.Sleep(300);
        var watch = Stopwatch.StartNew();
        zero.Send("stop");
        zero.ExpectBestMove(Position("position startpos moves e2e4"), TimeSpan.FromSeconds(5));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"bestmove came {watch.Elapsed} after stop");
    }

    [Fact]
    public void IsReady_DuringSearch_AnsweredBeforeBestMove()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("position startpos");
        zero.Send("go infinite");
        Thread.Sleep(200);
        var watch = Stopwatch.StartNew();
        zero.Send("isready");
        var (_, seen) = zero.Expect(l => l == "readyok", what: "readyok during the search");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"readyok took {watch.Elapsed}");
        Assert.DoesNotContain(seen, l => l.StartsWith("bestmove", StringComparison.Ordinal));
        zero.Send("stop");
        zero.ExpectBestMove(ChessPosition.Initial);
    }

    [Fact]
    public void PonderHit_DuringGoPonder_PlaysWithinTheBudget()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("setoption name Ponder value true");
        const string line = "position startpos moves e2e4 e7e5 g1f3";
        zero.Send(line);
        zero.Send("go ponder wtime 3000 btime 3000");
        Thread.Sleep(500);
        var (_, early) = (string.Empty, zero.Client.ReadUntil(l => l.StartsWith("bestmove", StringComparison.Ordinal), TimeSpan.FromMilliseconds(100)));
        Assert.Null(early); // no bestmove while pondering
        var watch = Stopwatch.StartNew();
        zero.Send("ponderhit");
        zero.ExpectBestMove(Position(line));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"bestmove came {watch.Elapsed} after ponderhit with a 3 s clock");

        zero.Send(line);
        zero.Send("go ponder wtime 3000 btime 3000");
        Thread.Sleep(200);
        zero.Send("stop");
        zero.ExpectBestMove(Position(line), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void BadInput_IsIgnoredWithANote_AndThePreviousPositionKept()
    {
        using var zero = ZeroProcess.Start();
        const string good = "position fen 7k/8/8/8/8/8/8/K5R1 w - - 0 1";
        zero.Send(good);
        zero.Send("flurble 1 2 3");
        zero.Send("setoption name Threads value 999");
        zero.Expect(l => l.StartsWith("info string setoption ignored", StringComparison.Ordinal), what: "a setoption complaint");
        zero.Send("position fen 9/8/8/8/8/8/8/8 w - - 0 1");
        zero.Expect(l => l.StartsWith("info string position rejected", StringComparison.Ordinal), what: "a position complaint");
        zero.Send("position startpos moves e2e4 e7e5 e1e3");
        zero.Expect(l => l.StartsWith("info string position rejected", StringComparison.Ordinal), what: "an illegal-move complaint");
        zero.Send("go wtime fast");
        zero.Expect(l => l.StartsWith("info string go:", StringComparison.Ordinal), what: "a go complaint");
        zero.Send("go nodes 200");
        zero.ExpectBestMove(Position(good));
        Assert.Contains("unknown command 'flurble'", zero.Client.ErrorTail, StringComparison.Ordinal);
    }

    [Fact]
    public void Go_GameAlreadyOver_SaysSoAndAnswersBestMoveNone()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("position startpos moves f2f3 e7e5 g2g4 d8h4");
        zero.Send("go movetime 100");
        var (line, _) = zero.Expect(l => l.StartsWith("bestmove", StringComparison.Ordinal));
        Assert.Equal("bestmove (none)", line);
    }

    [Fact]
    public void Quit_DuringSearch_ExitsWithZero()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("position startpos");
        zero.Send("go infinite");
        Thread.Sleep(200);
        zero.Send("quit");
        Assert.True(zero.Client.WaitForExit(TimeSpan.FromSeconds(10)), "zero uci did not exit after quit");
        Assert.Equal(0, zero.Client.ExitCode);
    }

    [Fact]
    public void EndOfInput_DuringSearch_ExitsWithZero()
    {
        using var zero = ZeroProcess.Start();
        zero.Send("position startpos");
        zero.Send("go infinite");
        Thread.Sleep(200);
        zero.Client.CloseInput();
        Assert.True(zero.Client.WaitForExit(TimeSpan.FromSeconds(10)), "zero uci did not exit at the end of its input");
        Assert.Equal(0, zero.Client.ExitCode);
    }
}
