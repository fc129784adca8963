using System.Globalization;
using System.Text;
using Zero.Games;
using Zero.Games.Chess;
using Zero.Search.Evaluation;
using Zero.Search.Mcts;
using Zero.Uci.Evaluation;

namespace Zero.Uci.Protocol;

/// <summary>
/// One `go`, from start to `bestmove`. Its thread: 1. waits for the search, meanwhile printing an `info` line every
/// InfoInterval and stopping the search at `go depth` or at the deadline after `ponderhit`; 2. in infinite or ponder
/// mode, holds the result until `stop` (or `ponderhit` and its budget), as UCI requires; 3. prints the final `info`
/// lines and `bestmove X ponder Y`. <see cref="RequestStop"/> and <see cref="PonderHit"/> come from the engine's
/// command thread and return at once. Created by <see cref="UciEngine"/>.
/// </summary>
internal sealed class SearchSession
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private readonly UciEngine _engine;
    private readonly PuctSearch<ChessPosition, ChessMove> _search;
    private readonly SearchDepthStats _depth;
    private readonly SessionSettings _settings;
    private readonly TimeProvider _time;
    private readonly ManualResetEventSlim _released = new(false);
    private readonly ManualResetEventSlim _finished = new(false);
    private readonly Thread _thread;
    private long _ponderHitAt;
    private volatile bool _stopRequested;

    private SearchSession(UciEngine engine, PuctSearch<ChessPosition, ChessMove> search, SearchDepthStats depth, SessionSettings settings, TimeProvider time)
    {
        _engine = engine;
        _search = search;
        _depth = depth;
        _settings = settings;
        _time = time;
        _thread = new Thread(Run) { IsBackground = true, Name = "zero-uci-session" };
    }

    /// <summary>Starts the search (returns at once) and the session thread.</summary>
    public static SearchSession Start(UciEngine engine, PuctSearch<ChessPosition, ChessMove> search, SearchDepthStats depth, SearchLimits limits, SessionSettings settings, TimeProvider time)
    {
        var session = new SearchSession(engine, search, depth, settings, time);
        search.Start(limits);
        session._thread.Start();
        return session;
    }

    public bool IsFinished => _finished.IsSet;

    /// <summary>Time from the `go` line to the `bestmove` line, as the engine measured it (set when bestmove is sent).</summary>
    public TimeSpan ThinkTime { get; private set; }

    /// <summary>True once `stop` was sent (or the engine ended the search for another command).</summary>
    public bool StopRequested => _stopRequested;

    /// <summary>`stop`: end the search now and print bestmove.</summary>
    public void RequestStop()
    {
        _stopRequested = true;
        _search.Stop();
        _released.Set();
    }

    /// <summary>`ponderhit`: the opponent played the expected move; think for the ponder budget from now.</summary>
    public void PonderHit()
    {
        if (Interlocked.CompareExchange(ref _ponderHitAt, _time.GetTimestamp(), 0) != 0)
        {
            return;
        }
        if (_settings.PonderBudget is null)
        {
            return; // no clock was given with go ponder: think on until stop
        }
        _released.Set();
    }

    /// <summary>Blocks until bestmove has been printed.</summary>
    public void Join() => _finished.Wait();

    private void Run()
    {
        Task<SearchResult<ChessMove>> waiter = Task.Factory.StartNew(_search.Wait, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            SearchResult<ChessMove>? result = null;
            try
            {
                result = WaitForSearch(waiter);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                _engine.Report($"the search failed ({e.Message}); playing the first good-looking move instead");
            }
            PrintInfo(result, final: true);
            PrintBestMove(result);
        }
        finally
        {
            try
            {
                waiter.Wait(); // the threads may still be finishing a gather after a deadline answer
            }
            catch (AggregateException)
            {
                // already reported above
            }
            _finished.Set();
        }
    }

    /// <summary>
    /// Steps 1 and 2 of the class summary. On a clock, a search that is still busy a few polls after its deadline (a
    /// slow gather on a loaded machine) is answered from a snapshot at once; its threads finish in the background.
    /// </summary>
    private SearchResult<ChessMove> WaitForSearch(Task<SearchResult<ChessMove>> waiter)
    {
        long lastInfo = _time.GetTimestamp();
        while (!waiter.Wait(Poll))
        {
            if (_settings.Deadline is { } deadline && _time.GetElapsedTime(_settings.Received) >= deadline + 3 * Poll)
            {
                _search.Stop();
                return _search.Snapshot();
            }
            if (_settings.Depth is { } depth && _depth.AverageDepth >= depth)
            {
                _search.Stop();
            }
            long hit = Interlocked.Read(ref _ponderHitAt);
            if (hit != 0 && _settings.PonderBudget is { } budget && _time.GetElapsedTime(hit) >= budget)
            {
                _search.Stop();
            }
            if (_settings.WaitForRelease && _released.IsSet && _settings.PonderBudget is null)
            {
                _search.Stop();
            }
            if (_time.GetElapsedTime(lastInfo) >= _settings.InfoInterval)
            {
                PrintInfo(_search.Snapshot(), final: false);
                lastInfo = _time.GetTimestamp();
            }
        }
        SearchResult<ChessMove> result = waiter.GetAwaiter().GetResult();
        if (_settings.WaitForRelease)
        {
            _released.Wait();
        }
        return result;
    }

    /// <summary>
    /// The root moves for report lines, best first as the search ranks them (a proven mate first, then most visited, a
    /// proven loss last; only the allowed ones under searchmoves).
    /// </summary>
    private List<MoveStats<ChessMove>> RankedMoves(SearchResult<ChessMove> result)
    {
        List<MoveStats<ChessMove>> ranked = result.Moves
            .Where(m => m.Visits > 0 && (_settings.AllowedActions is null || _settings.AllowedActions.Contains(m.Action)))
            .ToList();
        ranked.Sort(MoveSelection.CompareBestFirst);
        return ranked;
    }

    private void PrintInfo(SearchResult<ChessMove>? result, bool final)
    {
        if (result is null)
        {
            return;
        }
        List<MoveStats<ChessMove>> ranked = RankedMoves(result);
        if (ranked.Count == 0)
        {
            return;
        }
        TimeSpan elapsed = _time.GetElapsedTime(_settings.Received);
        long ms = Math.Max(1, (long)elapsed.TotalMilliseconds);
        long nps = result.Playouts * 1000 / ms;
        int hashfull = (int)Math.Min(1000, (long)result.TreeNodes * 1000 / _search.Options.MaxNodes);
        int depth = Math.Max(1, _depth.AverageDepth);
        int seldepth = Math.Max(depth, _depth.MaxDepth);
        int lines = Math.Min(_settings.MultiPv, ranked.Count);
        for (int k = 0; k < lines; k++)
        {
            MoveStats<ChessMove> line = ranked[k];
            IReadOnlyList<ChessMove> pv = k == 0 && result.PrincipalVariation.Count > 0 && result.PrincipalVariation[0] == line.Move
                ? result.PrincipalVariation
                : [line.Move];
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture, $"info depth {depth} seldepth {seldepth}");
            if (_settings.MultiPv > 1 || final)
            {
                sb.Append(CultureInfo.InvariantCulture, $" multipv {k + 1}");
            }
            sb.Append(" score ").Append(Score(line, pv));
            if (_settings.ShowWdl)
            {
                Wdl wdl = Wdl.FromValue(line.Q);
                int w = (int)Math.Round(wdl.Win * 1000), l = (int)Math.Round(wdl.Loss * 1000);
                sb.Append(CultureInfo.InvariantCulture, $" wdl {w} {1000 - w - l} {l}");
            }
            sb.Append(CultureInfo.InvariantCulture, $" nodes {result.Playouts} nps {nps} hashfull {hashfull} time {ms} pv");
            foreach (ChessMove m in pv)
            {
                sb.Append(' ').Append(m.ToString());
            }
            _engine.Send(sb.ToString());
        }
    }

    /// <summary>
    /// `mate N` when the solver proved the move a win or loss (MctsOptions.Solver) or the line ends in checkmate and Q
    /// agrees; `cp 0` for a proven draw; otherwise `cp` by Lc0's formula.
    /// </summary>
    private string Score(MoveStats<ChessMove> line, IReadOnlyList<ChessMove> pv)
    {
        float q = line.Q;
        if (line.Proven is { } proven && line.ProvenPlies < 63)
        {
            int plies = line.ProvenPlies;
            return proven switch
            {
                GameResult.Win => string.Create(CultureInfo.InvariantCulture, $"mate {(plies + 1) / 2}"),
                GameResult.Loss => string.Create(CultureInfo.InvariantCulture, $"mate -{plies / 2}"),
                _ => "cp 0",
            };
        }
        if (Math.Abs(q) > 0.9f)
        {
            ChessPosition p = _settings.Root;
            foreach (ChessMove m in pv)
            {
                p = p.Play(m);
            }
            if (p.Outcome == GameResult.Loss)
            {
                int plies = pv.Count;
                return plies % 2 == 1
                    ? string.Create(CultureInfo.InvariantCulture, $"mate {(plies + 1) / 2}")
                    : string.Create(CultureInfo.InvariantCulture, $"mate -{plies / 2}");
            }
        }
        return string.Create(CultureInfo.InvariantCulture, $"cp {ChessHeuristic.ValueToCentipawns(q)}");
    }

    private void PrintBestMove(SearchResult<ChessMove>? result)
    {
        ChessPosition root = _settings.Root;
        ChessMove best = default;
        ChessMove ponder = default;
        List<MoveStats<ChessMove>> ranked = result is null ? [] : RankedMoves(result);
        if (ranked.Count > 0)
        {
            best = ranked[0].Move;
            IReadOnlyList<ChessMove> pv = result!.PrincipalVariation;
            if (pv.Count >= 2 && pv[0] == best)
            {
                ponder = pv[1];
            }
        }
        else
        {
            best = FallbackMove(root, _settings.AllowedActions);
        }
        ThinkTime = _time.GetElapsedTime(_settings.Received);
        _engine.Send(ponder.IsNone ? $"bestmove {best}" : $"bestmove {best} ponder {ponder}");
    }

    /// <summary>With no visited move (a search stopped before its first playout): the move the heuristic policy likes best.</summary>
    private static ChessMove FallbackMove(in ChessPosition root, IReadOnlySet<int>? allowed)
    {
        Span<ChessMove> moves = stackalloc ChessMove[ChessPosition.MaxMoves];
        int n = root.GenerateMoves(moves);
        ChessMove best = moves[0];
        float bestLogit = float.NegativeInfinity;
        ChessBoard board = root.Board;
        for (int i = 0; i < n; i++)
        {
            if (allowed is not null && !allowed.Contains(root.ActionIndex(moves[i])))
            {
                continue;
            }
            float logit = ChessHeuristic.MoveLogit(board, moves[i]);
            if (logit > bestLogit)
            {
                bestLogit = logit;
                best = moves[i];
            }
        }
        return best;
    }
}
