using System.Collections.Concurrent;
using System.Text;
using Zero.Games.Chess;
using Zero.Uci.Protocol;

namespace Zero.Uci.Tests.Protocol;

/// <summary>
/// Issue 15, finding 11: every `go` gets a `bestmove`, a legal one while any exists, whatever came before it — a
/// malformed `go`, a game of 20,000 plies, a dead draw. Runs <see cref="UciEngine"/> in process and waits for lines.
/// </summary>
public sealed class UciAlwaysAnswersTests
{
    /// <summary>A thread-safe writer that collects whole lines and lets a test wait for one.</summary>
    private sealed class Lines : TextWriter
    {
        private readonly BlockingCollection<string> _lines = [];
        private readonly StringBuilder _current = new();

        public override Encoding Encoding => Encoding.UTF8;

        public override void Write(char value)
        {
            lock (_current)
            {
                if (value == '\n')
                {
                    _lines.Add(_current.ToString().TrimEnd('\r'));
                    _current.Clear();
                }
                else
                {
                    _current.Append(value);
                }
            }
        }

        public string WaitFor(Func<string, bool> match, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (_lines.TryTake(out string? line, Max(deadline - DateTime.UtcNow, TimeSpan.Zero)))
            {
                if (match(line))
                {
                    return line;
                }
            }
            throw new TimeoutException("no matching line in time: the GUI would wait forever");
        }

        private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;
    }

    private static string BestMoveAfter(string position, string go)
    {
        var output = new Lines();
        var engine = new UciEngine(output, TextWriter.Null);
        engine.Handle("setoption name Threads value 1");
        engine.Handle(position);
        engine.Handle(go);
        string line = output.WaitFor(l => l.StartsWith("bestmove ", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        engine.Handle("quit");
        return line.Split(' ')[1];
    }

    private static void AssertLegal(string positionLine, string move)
    {
        Assert.True(UciPosition.TryParse(positionLine, out ChessPosition p, out string? error), error);
        Assert.True(p.Board.HasLegalMoves());
        Span<ChessMove> legal = stackalloc ChessMove[ChessPosition.MaxMoves];
        int n = p.Board.GenerateMoves(legal);
        bool found = false;
        for (int i = 0; i < n; i++)
        {
            found |= p.Board.FormatUci(legal[i]) == move;
        }
        Assert.True(found, $"bestmove {move} is not legal");
    }

    [Theory]
    [InlineData("go movetime abc")] // answered nothing: a GUI waited forever
    [InlineData("go bogus")]
    [InlineData("go nodes")]
    [InlineData("go nodes 99999999999999999999")] // beyond 64 bits: counts as the largest
    [InlineData("go wtime 99999999999999999999 btime 1000")]
    public void Go_MalformedOrHugeLimits_StillAnswersALegalBestMove(string go)
    {
        string position = "position startpos moves e2e4";
        string go2 = go.Contains("99999999999999999999", StringComparison.Ordinal) && go.StartsWith("go nodes", StringComparison.Ordinal) ? go + " movetime 200" : go;
        string move = BestMoveAfter(position, go2);
        AssertLegal(position, move);
    }

    [Fact]
    public void Go_After20000PliesOfKnightShuffles_AnswersALegalMove()
    {
        // Past move 9999 the FEN round trip of the fifty-move reset failed, and the engine answered "bestmove (none)".
        string position = "position startpos moves " + string.Join(' ', Enumerable.Repeat("g1f3 g8f6 f3g1 f6g8", 5000));
        string move = BestMoveAfter(position, "go nodes 50");
        Assert.NotEqual("(none)", move);
        AssertLegal(position, move);
    }

    [Fact]
    public void Go_DeadDrawWithLegalMoves_AnswersALegalMove()
    {
        string position = "position fen 8/8/8/4k3/8/8/3K4/8 w - - 0 1";
        string move = BestMoveAfter(position, "go nodes 10");
        AssertLegal(position, move);
    }

    [Fact]
    public void Go_Checkmated_AnswersNone()
    {
        Assert.Equal("(none)", BestMoveAfter("position startpos moves f2f3 e7e5 g2g4 d8h4", "go nodes 10"));
    }
}
