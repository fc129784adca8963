using System.Globalization;
using System.Reflection;
using Zero.Games.Chess;
using Zero.Search.Mcts;
using Zero.Uci.Evaluation;
using Zero.Uci.Time;

namespace Zero.Uci.Protocol;

/// <summary>
/// The chess engine as a GUI sees it over UCI: reads command lines, keeps the position and options, runs the PUCT
/// search in the background and writes `info` and `bestmove` lines. `zero uci` wraps it around standard input and
/// output; tests drive it with in-memory readers and the real process alike.
/// </summary>
/// <remarks>
/// Threads: the caller's thread reads and handles every command and never waits on a running search except to
/// end it before changing state (position, go, setoption, ucinewgame, quit), so `isready` is answered at once even
/// mid-search. Each `go` runs in a <see cref="SearchSession"/> whose own thread prints progress, applies the limits
/// that the search cannot (depth, the deadline after `ponderhit`) and prints `bestmove`. Output lines are written
/// whole under a lock and flushed. A malformed line or an engine error becomes a note on standard error (and an
/// `info string` when the GUI should show it); the engine itself never stops on bad input. End of input is `quit`.
/// </remarks>
public sealed class UciEngine : IDisposable
{
    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly Lock _outputLock = new();
    private ChessPosition _position = ChessPosition.Initial;
    private PuctSearch<ChessPosition, ChessMove>? _search;
    private UciEvaluator? _evaluator;
    private string? _weightsInUse;
    private bool _rootMasked;
    private SearchSession? _session;
    private bool _warmedUp;
    private TimeSpan? _lastRemaining;
    private TimeSpan _lastThink;
    private TimeSpan _lastIncrement;
    private int _lastSide = -1;
    private TimeSpan _lag;

    /// <param name="output">Where UCI responses go (standard output).</param>
    /// <param name="error">Where notes about ignored input go (standard error).</param>
    /// <param name="options">Initial option values (from command-line flags); defaults when null.</param>
    /// <param name="time">Clock for time management; the system clock when null.</param>
    public UciEngine(TextWriter output, TextWriter error, OptionValues? options = null, TimeProvider? time = null)
    {
        _output = output;
        _error = error;
        Options = options ?? new OptionValues();
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The engine's option values (changed by `setoption`).</summary>
    public OptionValues Options { get; }

    /// <summary>How often a search prints a progress `info` line.</summary>
    public TimeSpan InfoInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The `id name` the engine reports.</summary>
    public static string EngineName =>
        "Zero " + (typeof(UciEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev");

    /// <summary>Handles lines until `quit` or the end of <paramref name="input"/>; then ends any search.</summary>
    public void Run(TextReader input)
    {
        string? line;
        while ((line = input.ReadLine()) is not null)
        {
            if (!Handle(line))
            {
                return;
            }
        }
        EndSearch("end of input");
    }

    /// <summary>Handles one command line; returns false after `quit`. Never throws.</summary>
    public bool Handle(string line)
    {
        long received = _time.GetTimestamp();
        string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return true;
        }
        try
        {
            switch (words[0])
            {
                case "uci":
                    Send($"id name {EngineName}");
                    Send("id author the Zero authors");
                    foreach (UciOption o in EngineOptions.All)
                    {
                        Send(o.UciLine());
                    }
                    Send("uciok");
                    break;
                case "isready":
                    WarmUp();
                    Send("readyok");
                    break;
                case "setoption":
                    EndSearch("setoption");
                    SetOption(line);
                    break;
                case "ucinewgame":
                    EndSearch("ucinewgame");
                    _search?.Clear();
                    _position = ChessPosition.Initial;
                    _lastRemaining = null;
                    break;
                case "position":
                    EndSearch("position");
                    if (UciPosition.TryParse(line, out ChessPosition p, out string? error))
                    {
                        _position = p;
                    }
                    else
                    {
                        Report($"position rejected, keeping the previous one: {error}");
                    }
                    break;
                case "go":
                    EndSearch("go");
                    Go(words[1..], received);
                    break;
                case "stop":
                    _session?.RequestStop();
                    break;
                case "ponderhit":
                    _session?.PonderHit();
                    break;
                case "quit":
                    EndSearch(null);
                    return false;
                case "debug":
                case "register":
                    break;
                case "d":
                    Send(_position.Render().TrimEnd('\n'));
                    break;
                default:
                    Note($"unknown command '{words[0]}' ignored (UCI commands: uci isready setoption ucinewgame position go stop ponderhit quit)");
                    break;
            }
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Report($"error while handling '{line}': {e.Message}");
        }
        return true;
    }

    /// <summary>Stops any search (printing its bestmove) and waits for it to finish.</summary>
    public void Dispose() => EndSearch(null);

    /// <summary>Writes one protocol line and flushes it (thread-safe).</summary>
    internal void Send(string text)
    {
        lock (_outputLock)
        {
            _output.WriteLine(text);
            _output.Flush();
        }
    }

    /// <summary>A note for people on standard error.</summary>
    internal void Note(string text)
    {
        lock (_outputLock)
        {
            _error.WriteLine($"zero uci: {text}");
            _error.Flush();
        }
    }

    /// <summary>A problem the GUI should show: an `info string` line and a note on standard error.</summary>
    internal void Report(string text)
    {
        Send($"info string {text}");
        Note(text);
    }

    private void EndSearch(string? reason)
    {
        SearchSession? session = _session;
        if (session is null)
        {
            return;
        }
        _lastThink = session.ThinkTime;
        if (!session.IsFinished && !session.StopRequested && reason is not null)
        {
            Note($"'{reason}' arrived during a search: stopping the search first");
        }
        session.RequestStop();
        session.Join();
        _session = null;
    }

    /// <summary>`setoption name &lt;name&gt; [value &lt;value&gt;]`; names may contain spaces.</summary>
    private void SetOption(string line)
    {
        string rest = line.Trim()["setoption".Length..].Trim();
        if (!rest.StartsWith("name ", StringComparison.Ordinal))
        {
            Report("setoption: write 'setoption name <Name> value <value>'");
            return;
        }
        rest = rest[5..];
        int at = rest.IndexOf(" value", StringComparison.Ordinal);
        string name = at < 0 ? rest.Trim() : rest[..at].Trim();
        string? value = at < 0 ? null : rest[(at + 6)..].Trim();
        if (!Options.TrySet(name, value, out string? error))
        {
            Report($"setoption ignored: {error}");
        }
    }

    /// <summary>
    /// At the first `isready` with no search running: builds the evaluator and search and runs a short search, so the
    /// just-in-time compiler has done its work before the first timed move (a first move on a fast clock would
    /// otherwise be spent compiling). The tree is cleared afterwards.
    /// </summary>
    private void WarmUp()
    {
        if (_warmedUp || _session is { IsFinished: false })
        {
            return;
        }
        _warmedUp = true;
        PuctSearch<ChessPosition, ChessMove> search = EnsureSearch();
        _evaluator!.AllowedRootActions = null;
        _evaluator.Root = ChessPosition.Initial;
        search.Clear();
        search.Search(SearchLimits.FromPlayouts(256));
        search.Clear();
        _rootMasked = false;
    }

    /// <summary>Builds the evaluator and search when first needed or when an option they depend on changed.</summary>
    private PuctSearch<ChessPosition, ChessMove> EnsureSearch()
    {
        string weights = Options.GetString(EngineOptions.WeightsFile);
        if (_evaluator is null || weights != _weightsInUse)
        {
            var (evaluator, note) = EvaluatorFactory.Create(weights);
            Send($"info string {note}");
            _evaluator = new UciEvaluator(evaluator);
            _weightsInUse = weights;
            _search = null;
        }
        MctsOptions options = EngineOptions.ToMctsOptions(Options);
        if (_search is null || _search.Options != options)
        {
            _search = new PuctSearch<ChessPosition, ChessMove>(_evaluator, options, _time);
        }
        return _search;
    }

    /// <summary>Playouts of a `go` whose limits could not be read (`go movetime abc`), so that it still ends with a move.</summary>
    public const int FallbackPlayouts = 800;

    private void Go(string[] words, long received)
    {
        // 1. Parse, and find a root the search can start from.
        //    Every go gets a bestmove: a bad part is reported and skipped, and when what is left sets no limit at all the
        //    search stops after FallbackPlayouts instead of waiting for a `stop` the GUI will not send.
        if (!GoParameters.TryParse(words, out GoParameters go, out string? error))
        {
            bool open = go.Unlimited && !go.Infinite && !go.Ponder;
            Report(open
                ? $"{error}; ignored, searching {FallbackPlayouts} playouts"
                : $"{error}; ignored, searching with the rest of the line");
            if (open)
            {
                go = go with { Nodes = FallbackPlayouts };
            }
        }
        if (!UciPosition.SearchableRoot(_position, out ChessPosition root))
        {
            bool mated = _position.Outcome == Zero.Games.GameResult.Loss;
            Send(mated ? "info depth 0 score mate 0" : "info depth 0 score cp 0");
            ChessBoard board = _position.Board;
            Span<ChessMove> legal = stackalloc ChessMove[ChessPosition.MaxMoves];
            if (board.GenerateMoves(legal) > 0)
            {
                // A dead draw (insufficient material) still has legal moves: the GUI gets one of them.
                Report($"the game is drawn ({_position.OutcomeReason}): playing a legal move without searching");
                Send($"bestmove {board.FormatUci(legal[0])}");
                return;
            }
            Report($"the game is over ({_position.OutcomeReason}): there is no move to search");
            Send("bestmove (none)");
            return;
        }
        PuctSearch<ChessPosition, ChessMove> search = EnsureSearch();
        UciEvaluator evaluator = _evaluator!;

        // 2. searchmoves: restrict the root (a fresh tree, so no earlier priors leak in).
        HashSet<int>? allowed = null;
        if (go.SearchMoves.Count > 0)
        {
            allowed = [];
            foreach (string text in go.SearchMoves)
            {
                if (root.TryParseMove(text, out ChessMove move, out string? moveError))
                {
                    allowed.Add(root.ActionIndex(move));
                }
                else
                {
                    Report($"searchmoves: {moveError}; ignored");
                }
            }
            if (allowed.Count == 0)
            {
                allowed = null;
            }
        }
        if (allowed is not null || _rootMasked)
        {
            search.Clear();
        }
        _rootMasked = allowed is not null;
        evaluator.AllowedRootActions = allowed;
        evaluator.Root = root;
        evaluator.Depth.Reset();
        search.SetPosition(root);

        // 3. Limits: the clock (less the time since the go line arrived), nodes, or infinite.
        var overhead = Max(TimeSpan.FromMilliseconds(Options.GetLong(EngineOptions.MoveOverhead)), ObserveLag(go, root.SideToMove) * 1.5);
        double slowmover = Options.GetLong(EngineOptions.Slowmover) / 100.0;
        TimeControl clock = go.ClockFor(root.SideToMove);
        int fullmove = root.Board.FullmoveNumber;
        TimeSpan? budget = TimeManager.Budget(clock, fullmove, overhead, slowmover);
        long nodeCap = Options.GetLong(EngineOptions.NodesPerMove);
        long nodes = go.Nodes is { } n ? (nodeCap > 0 ? Math.Min(n, nodeCap) : n) : nodeCap;
        bool waitForRelease = go.Ponder || go.Unlimited;
        SearchLimits limits;
        if (waitForRelease || (budget is null && nodes == 0))
        {
            limits = new SearchLimits(Infinite: true);
        }
        else
        {
            TimeSpan? left = budget is { } b ? Max(b - _time.GetElapsedTime(received), TimeSpan.FromMilliseconds(1)) : null;
            limits = new SearchLimits(Playouts: nodes, Time: left);
        }
        TimeSpan? ponderBudget = go.Ponder ? TimeManager.Budget(clock, fullmove, overhead, slowmover) : null;

        // 4. Start; the session prints info lines and the bestmove.
        var settings = new SessionSettings(
            root, allowed, go.Ponder ? null : go.Depth, waitForRelease, ponderBudget,
            (int)Options.GetLong(EngineOptions.MultiPv), Options.GetBool(EngineOptions.ShowWdl), InfoInterval, received,
            waitForRelease ? null : budget);
        _session = SearchSession.Start(this, search, evaluator.Depth, limits, settings, _time);
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// The latency the GUI charges beyond our own thinking time, learned from consecutive clocks of the same side:
    /// expected = last clock − our last think + increment; anything the new clock is below that went to pipes, the
    /// GUI and the scheduler. A decaying maximum of it (× 1.5) replaces MoveOverhead when larger, so a loaded
    /// machine or a slow GUI makes the engine keep more in reserve instead of losing on time.
    /// </summary>
    private TimeSpan ObserveLag(GoParameters go, int side)
    {
        TimeSpan? remaining = go.ClockFor(side).Remaining;
        if (remaining is { } now && _lastRemaining is { } before && _lastSide == side && _session is null && _lastThink > TimeSpan.Zero)
        {
            TimeSpan lag = before - _lastThink + _lastIncrement - now;
            _lag = Max(lag > TimeSpan.Zero && lag < TimeSpan.FromSeconds(5) ? lag : TimeSpan.Zero, _lag * 0.8);
        }
        _lastRemaining = go.Ponder ? null : remaining;
        _lastIncrement = go.ClockFor(side).Increment ?? TimeSpan.Zero;
        _lastSide = side;
        return _lag;
    }

    internal static string Ms(TimeSpan t) => ((long)t.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
}
