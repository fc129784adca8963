using System.Globalization;
using System.Text;
using Zero.Arena.Participants;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Arena.Engines;

/// <summary>
/// A UCI chess engine in a child process as an arena participant. The process starts with the first game
/// (`uci`/`uciok`, the options, `isready`/`readyok`); every game begins with `ucinewgame` and an `isready` answered
/// within the ping bound (else a stall); every move is `position fen|startpos moves ...` and `go` with the clocks
/// the referee keeps (or `movetime`/`nodes`). An answer that does not come by the referee's deadline is late:
/// the engine gets `stop` and a second to answer, and if it stays silent its next `isready` shows the stall. A
/// dead process is a disconnect. The participant never restarts itself: with `--recover` the tournament replaces it.
/// It also counts the moves of its `info ... pv` lines that are illegal (`zero uci-match` checks Zero's).
/// </summary>
public sealed class UciParticipant(EngineSpec spec) : IParticipant<ChessPosition, ChessMove>
{
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(1);
    private UciClient? _client;
    private bool _started;

    public string Name => spec.Name;

    /// <summary>The engine's description.</summary>
    public EngineSpec Spec => spec;

    /// <summary>Moves in this engine's `info ... pv` lines that were not legal, over all games.</summary>
    public int IllegalPvMoves { get; private set; }

    /// <summary>The process's transcript, for error reports (empty before the first game).</summary>
    public IReadOnlyList<string> Transcript => _client?.Transcript ?? [];

    public string? NewGame()
    {
        try
        {
            if (!_started)
            {
                _started = true;
                _client = UciClient.Start(spec.Name, ExternalProgram.Find(spec.Command!) ?? spec.Command!, spec.Arguments, spec.Directory);
                _client.Handshake(spec.Options, StartupTimeout);
            }
            if (_client is null || _client.HasExited || _client.OutputEnded)
            {
                return $"disconnect: {spec.Name} has exited{ErrorTail()}";
            }
            _client.Send("ucinewgame");
            _client.Send("isready");
            if (_client.ReadUntil(l => l == "readyok", spec.Ping) is null)
            {
                return _client.HasExited || _client.OutputEnded
                    ? $"disconnect: {spec.Name} has exited{ErrorTail()}"
                    : string.Create(CultureInfo.InvariantCulture, $"stall: {spec.Name} did not answer isready within {spec.Ping.TotalSeconds:0.#} s");
            }
            return null;
        }
        catch (ZeroException e)
        {
            return _client is { HasExited: true } ? $"disconnect: {e.Message}" : $"stall: {e.Message}";
        }
    }

    public MoveReply<ChessMove> Think(MoveRequest<ChessPosition, ChessMove> request)
    {
        UciClient? client = _client;
        if (client is null || client.HasExited || client.OutputEnded)
        {
            return MoveReply<ChessMove>.Disconnected($"{spec.Name} has exited{ErrorTail()}");
        }
        try
        {
            client.Send(PositionCommand(request));
            client.Send(GoCommand(request));
        }
        catch (ZeroException e)
        {
            return MoveReply<ChessMove>.Disconnected(e.Message);
        }
        EngineScore? score = null;
        ChessPosition root = request.Position;
        string? line = client.ReadUntil(l => l.StartsWith("bestmove", StringComparison.Ordinal), request.Deadline, seen =>
        {
            if (seen.StartsWith("info", StringComparison.Ordinal))
            {
                score = ParseScore(seen) ?? score;
                IllegalPvMoves += CountIllegalPv(root, seen);
            }
        });
        if (line is null)
        {
            if (client.HasExited || client.OutputEnded)
            {
                return MoveReply<ChessMove>.Disconnected($"{spec.Name} exited while thinking{ErrorTail()}");
            }
            try
            {
                client.Send("stop");
                client.ReadUntil(l => l.StartsWith("bestmove", StringComparison.Ordinal), StopGrace);
            }
            catch (ZeroException)
            {
            }
            return MoveReply<ChessMove>.Late("no bestmove before the flag");
        }
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        string text = words.Length > 1 ? words[1] : "";
        return root.TryParseMove(text, out ChessMove move, out string? error)
            ? MoveReply<ChessMove>.Played(move, text, score)
            : MoveReply<ChessMove>.Illegal(text, error ?? "not a move", score);
    }

    private string ErrorTail() => _client is { ErrorTail.Length: > 0 } c ? $" ({c.ErrorTail})" : "";

    /// <summary>`position startpos moves ...` or `position fen FEN moves ...`.</summary>
    internal static string PositionCommand(MoveRequest<ChessPosition, ChessMove> request)
    {
        var text = new StringBuilder("position ");
        string fen = request.Start.Fen;
        text.Append(fen == Fen.StartPosition ? "startpos" : "fen " + fen);
        if (request.MoveTexts.Count > 0)
        {
            text.Append(" moves ").Append(string.Join(' ', request.MoveTexts));
        }
        return text.ToString();
    }

    /// <summary>`go wtime .. btime .. winc .. binc .. [movestogo ..]`, `go movetime ..` or `go nodes ..`.</summary>
    internal static string GoCommand(MoveRequest<ChessPosition, ChessMove> request)
    {
        SearchLimit limit = request.Limit;
        var text = new StringBuilder("go");
        if (request.Remaining is { } clock)
        {
            text.Append(CultureInfo.InvariantCulture,
                $" wtime {Math.Max(0, (long)clock[0].TotalMilliseconds)} btime {Math.Max(0, (long)clock[1].TotalMilliseconds)} winc {(long)request.Increment[0].TotalMilliseconds} binc {(long)request.Increment[1].TotalMilliseconds}");
            if (request.MovesToGo > 0)
            {
                text.Append(CultureInfo.InvariantCulture, $" movestogo {request.MovesToGo}");
            }
        }
        if (limit.MoveTime is { } st)
        {
            text.Append(CultureInfo.InvariantCulture, $" movetime {(long)st.TotalMilliseconds}");
        }
        if (limit.Nodes is { } nodes)
        {
            text.Append(CultureInfo.InvariantCulture, $" nodes {nodes}");
        }
        return text.ToString();
    }

    /// <summary>The `score cp N` or `score mate N` of an info line, or null.</summary>
    internal static EngineScore? ParseScore(string line)
    {
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int at = Array.IndexOf(words, "score");
        if (at < 0 || at + 2 >= words.Length || !int.TryParse(words[at + 2], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int value))
        {
            return null;
        }
        return words[at + 1] switch
        {
            "cp" => new EngineScore(value, null),
            "mate" => new EngineScore(value > 0 ? 100_000 : -100_000, value),
            _ => null,
        };
    }

    /// <summary>Counts the moves of an `info ... pv m1 m2 ...` line that are not legal in turn from <paramref name="root"/>.</summary>
    public static int CountIllegalPv(in ChessPosition root, string line)
    {
        if (!line.StartsWith("info", StringComparison.Ordinal))
        {
            return 0;
        }
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        int at = Array.IndexOf(words, "pv");
        if (at < 0)
        {
            return 0;
        }
        ChessPosition p = root;
        for (int i = at + 1; i < words.Length; i++)
        {
            if (!p.TryParseMove(words[i], out ChessMove move, out _))
            {
                return words.Length - i;
            }
            p = p.Play(move);
        }
        return 0;
    }

    public void Dispose() => _client?.Dispose();
}
