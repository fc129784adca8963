using System.Globalization;
using System.Text;
using Zero.Games.Go;
using Zero.Search.Mcts;
using Zero.Uci.Time;

namespace Zero.Uci.Gtp;

/// <summary>GtpEngine's searching commands: genmove and kgs-genmove_cleanup, the clocks, and the analysis commands.</summary>
public sealed partial class GtpEngine
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(5);
    private long _received;

    /// <summary>Marks when the line being handled arrived (thinking time counts from here).</summary>
    private void Received() => _received = _time.GetTimestamp();

    /// <summary>The search limits of one genmove for <paramref name="color"/>, and the deadline they answer by.</summary>
    private (SearchLimits Limits, TimeSpan? Deadline) MoveLimits(GoColor color)
    {
        long playouts = Options.GetLong(GtpOptions.Playouts);
        TimeSpan overhead = TimeSpan.FromMilliseconds(Options.GetLong(GtpOptions.MoveOverhead));
        TimeSpan? budget = GoTimeManager.Budget(_clocks[color.Player()], _size, Game.MoveCount, overhead);
        if (playouts == 0 && budget is null)
        {
            playouts = GtpOptions.DefaultPlayouts;
        }
        TimeSpan? left = budget is { } b ? Max(b - _time.GetElapsedTime(_received), TimeSpan.FromMilliseconds(1)) : null;
        return (new SearchLimits(Playouts: playouts, Time: left), budget);
    }

    private void GenMove(GtpRequest r, bool cleanup)
    {
        if (r.Arguments.Count != 1 || !TryColor(r.Arguments[0], out GoColor color))
        {
            Fail(r, "syntax error");
            return;
        }
        (SearchLimits limits, TimeSpan? deadline) = MoveLimits(color);
        IGtpGame game = Game;
        game.StartSearch(color, limits);
        GtpAnalysis result = WaitForMove(game, deadline, stopOnAnyLine: false, onTick: null);
        GoMove move = Choose(game, color, result, cleanup);
        PlayChosen(r, game, color, move, prefix: null);
    }

    /// <summary>Waits for a genmove search: ends it at the deadline (answering from a snapshot), at `# interrupt`, or (for genmove_analyze) at any input line.</summary>
    private GtpAnalysis WaitForMove(IGtpGame game, TimeSpan? deadline, bool stopOnAnyLine, Action<GtpAnalysis>? onTick, TimeSpan? interval = null)
    {
        long lastTick = _time.GetTimestamp();
        while (game.IsSearching)
        {
            if (_lines.WaitForLine(Poll) && _lines.TryPeek(out string? line))
            {
                if (line is not null && GtpRequest.IsInterrupt(line))
                {
                    _lines.Take();
                    game.StopSearch();
                    break;
                }
                if (stopOnAnyLine)
                {
                    game.StopSearch();
                    break;
                }
            }
            if (deadline is { } d && _time.GetElapsedTime(_received) >= d + 3 * Poll)
            {
                game.StopSearch();
                return game.Snapshot(); // a slow gather finishes in the background
            }
            if (onTick is not null && interval is { } every && _time.GetElapsedTime(lastTick) >= every)
            {
                onTick(game.Snapshot());
                lastTick = _time.GetTimestamp();
            }
        }
        return game.Wait();
    }

    /// <summary>The move to play: the best candidate; cleanup never passes while the opponent has dead stones; resignation by ResignPercent.</summary>
    private GoMove Choose(IGtpGame game, GoColor color, GtpAnalysis result, bool cleanup)
    {
        if (result.Candidates.Count == 0)
        {
            return GoMove.Pass;
        }
        GoMove best = result.Candidates[0].Move;
        if (cleanup && best.IsPass && game.DeadStonesOf(color.Opponent()) > 0)
        {
            GtpCandidate? stone = result.Candidates.FirstOrDefault(c => c.Move.IsPoint && game.IsLegal(color, c.Move));
            if (stone is not null)
            {
                best = stone.Move;
            }
        }
        long resign = Options.GetLong(GtpOptions.ResignPercent);
        if (resign > 0 && game.MoveCount > _size * _size / 3 && result.Candidates[0].Winrate * 100 < resign && result.Candidates[0].Visits >= 50)
        {
            return GoMove.Resign;
        }
        return best;
    }

    /// <summary>Plays the chosen move into the game, charges the clock and replies with the vertex (after <paramref name="prefix"/> lines for genmove_analyze).</summary>
    private void PlayChosen(GtpRequest r, IGtpGame game, GoColor color, GoMove move, string? prefix)
    {
        if (!game.TryPlay(color, move, out string? error))
        {
            Log($"the search chose {GoCoordinates.Format(move, _size)}, which is illegal here ({error}): passing");
            move = GoMove.Pass;
            game.TryPlay(color, move, out _);
        }
        _clocks[color.Player()].Spend(_time.GetElapsedTime(_received));
        string vertex = GoCoordinates.Format(move, _size);
        if (prefix is null)
        {
            Ok(r, vertex);
        }
        else
        {
            Send($"play {vertex}\n");
        }
    }

    private void TimeSettings(GtpRequest r)
    {
        IReadOnlyList<string> a = r.Arguments;
        var s = new List<double>();
        int first = r.Command == "time_settings" ? 0 : 1;
        for (int i = first; i < a.Count; i++)
        {
            if (!double.TryParse(a[i], NumberStyles.Float, CultureInfo.InvariantCulture, out double v) || v < 0 || !double.IsFinite(v))
            {
                Fail(r, "syntax error");
                return;
            }
            s.Add(v);
        }
        static TimeSpan Sec(double v) => TimeSpan.FromSeconds(v);
        string kind = r.Command == "time_settings" ? "time_settings" : a.Count > 0 ? a[0].ToLowerInvariant() : "";
        Action<GoClock>? set = (kind, s.Count) switch
        {
            ("time_settings", 3) when s[1] > 0 && s[2] == 0 => c => c.Set(GoTimeSystem.None, TimeSpan.Zero),
            ("time_settings", 3) when s[1] == 0 => s[0] > 0 ? c => c.Set(GoTimeSystem.Absolute, Sec(s[0])) : c => c.Set(GoTimeSystem.None, TimeSpan.Zero),
            ("time_settings", 3) => c => c.Set(GoTimeSystem.Canadian, Sec(s[0]), Sec(s[1]), (int)s[2]),
            ("none", 0) => c => c.Set(GoTimeSystem.None, TimeSpan.Zero),
            ("absolute", 1) => c => c.Set(GoTimeSystem.Absolute, Sec(s[0])),
            ("canadian", 3) when s[2] >= 1 && s[1] > 0 => c => c.Set(GoTimeSystem.Canadian, Sec(s[0]), Sec(s[1]), (int)s[2]),
            ("byoyomi", 3) when s[2] >= 1 && s[1] > 0 => c => c.Set(GoTimeSystem.Japanese, Sec(s[0]), Sec(s[1]), periods: (int)s[2]),
            ("fischer", 2) => c => c.Set(GoTimeSystem.Fischer, Sec(s[0]), increment: Sec(s[1])),
            ("fischer-capped", 4) => c => c.Set(GoTimeSystem.Fischer, Sec(s[0]), increment: Sec(s[1])),
            _ => null,
        };
        if (set is null)
        {
            Fail(r, "syntax error");
            return;
        }
        foreach (GoClock clock in _clocks)
        {
            set(clock);
        }
        Ok(r, "");
    }

    private void TimeLeft(GtpRequest r)
    {
        IReadOnlyList<string> a = r.Arguments;
        if (a.Count != 3 || !TryColor(a[0], out GoColor color)
            || !double.TryParse(a[1], NumberStyles.Float, CultureInfo.InvariantCulture, out double seconds) || !double.IsFinite(seconds)
            || !int.TryParse(a[2], NumberStyles.None, CultureInfo.InvariantCulture, out int stones))
        {
            Fail(r, "syntax error");
            return;
        }
        _clocks[color.Player()].Update(TimeSpan.FromSeconds(seconds), stones);
        Ok(r, "");
    }

    /// <summary>The options of an analysis command, in Leela Zero's and KataGo's forms.</summary>
    private sealed record AnalyzeRequest(GoColor Color, TimeSpan Interval, int MaxMoves, bool Ownership);

    private bool TryParseAnalyze(GtpRequest r, bool play, out AnalyzeRequest request)
    {
        IReadOnlyList<string> a = r.Arguments;
        GoColor color = Game.ToMove;
        int i = 0;
        int centiseconds = 50;
        int maxMoves = int.MaxValue;
        bool ownership = false;
        request = new AnalyzeRequest(color, TimeSpan.Zero, maxMoves, false);
        if (i < a.Count && TryColor(a[i], out GoColor c))
        {
            color = c;
            i++;
        }
        else if (play)
        {
            return false;
        }
        if (i < a.Count && int.TryParse(a[i], NumberStyles.None, CultureInfo.InvariantCulture, out int bare))
        {
            centiseconds = bare; // Sabaki's positional form: lz-analyze b 50
            i++;
        }
        while (i < a.Count)
        {
            string key = a[i].ToLowerInvariant();
            string? value = i + 1 < a.Count ? a[i + 1] : null;
            switch (key)
            {
                case "interval" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int cs):
                    centiseconds = cs;
                    i += 2;
                    break;
                case "maxmoves" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int mm):
                    maxMoves = Math.Max(1, mm);
                    i += 2;
                    break;
                case "minmoves" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out _):
                    i += 2; // every visited move is reported anyway
                    break;
                case "ownership" when bool.TryParse(value, out bool own):
                    ownership = own;
                    i += 2;
                    break;
                case "pvvisits" or "rootinfo" or "movesownership" or "ownershipstdev" or "pvedgevisits" when bool.TryParse(value, out _):
                    Log($"{r.Command}: '{a[i]}' is accepted and not reported by this engine");
                    i += 2;
                    break;
                case "avoid" or "allow" when i + 3 < a.Count + 0 && i + 3 <= a.Count:
                    Log($"{r.Command}: '{key}' is accepted and ignored by this engine");
                    i += 4;
                    break;
                default:
                    return false;
            }
        }
        request = new AnalyzeRequest(color, TimeSpan.FromMilliseconds(Math.Max(10, centiseconds * 10)), maxMoves, ownership);
        return true;
    }

    /// <summary>lz-analyze, kata-analyze and their genmove forms: `=` at once, an info line every interval, and then (analyze) on the next input line a blank line, or (genmove) `play X` and a blank line.</summary>
    private void Analyze(GtpRequest r, bool kata, bool play)
    {
        if (!TryParseAnalyze(r, play, out AnalyzeRequest q))
        {
            Fail(r, "syntax error");
            return;
        }
        IGtpGame game = Game;
        float[]? ownership = q.Ownership ? game.Ownership(400) : null;
        if (ownership is not null && q.Color == GoColor.White)
        {
            for (int k = 0; k < ownership.Length; k++)
            {
                ownership[k] = -ownership[k];
            }
        }
        Send(r.Id is { } id ? "=" + id.ToString(CultureInfo.InvariantCulture) : "=");
        void Report(GtpAnalysis a)
        {
            if (a.Candidates.Count > 0)
            {
                Send(InfoLine(a, kata, q.MaxMoves, ownership));
            }
        }
        if (play)
        {
            (SearchLimits limits, TimeSpan? deadline) = MoveLimits(q.Color);
            game.StartSearch(q.Color, limits);
            GtpAnalysis result = WaitForMove(game, deadline, stopOnAnyLine: true, Report, q.Interval);
            Report(result);
            PlayChosen(r, game, q.Color, Choose(game, q.Color, result, cleanup: false), prefix: "play");
            return;
        }
        game.StartSearch(q.Color, new SearchLimits(Infinite: true));
        long lastTick = _time.GetTimestamp();
        while (!_lines.WaitForLine(Poll))
        {
            if (_time.GetElapsedTime(lastTick) >= q.Interval)
            {
                Report(game.Snapshot());
                lastTick = _time.GetTimestamp();
            }
        }
        game.StopSearch();
        game.Wait();
        Send("");
    }

    /// <summary>One analysis line holding every candidate: Leela Zero's integers × 10000, or KataGo's floats (with ownership at the end).</summary>
    private string InfoLine(GtpAnalysis a, bool kata, int maxMoves, float[]? ownership)
    {
        var sb = new StringBuilder();
        int order = 0;
        foreach (GtpCandidate c in a.Candidates.Take(maxMoves))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }
            sb.Append("info move ").Append(GoCoordinates.Format(c.Move, _size));
            if (kata)
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $" visits {c.Visits} utility {2 * c.Winrate - 1:0.000000} winrate {c.Winrate:0.000000} prior {c.Prior:0.000000} lcb {c.Lcb:0.000000} order {order} pv");
            }
            else
            {
                sb.Append(CultureInfo.InvariantCulture,
                    $" visits {c.Visits} winrate {(int)Math.Round(c.Winrate * 10000)} prior {(int)Math.Round(c.Prior * 10000)} lcb {(int)Math.Round(c.Lcb * 10000)} order {order} pv");
            }
            foreach (GoMove m in c.Pv)
            {
                sb.Append(' ').Append(GoCoordinates.Format(m, _size));
            }
            order++;
        }
        if (kata && ownership is not null)
        {
            sb.Append(" ownership");
            foreach (float o in ownership)
            {
                sb.Append(' ').Append(o.ToString("0.000", CultureInfo.InvariantCulture));
            }
        }
        return sb.ToString();
    }

    /// <summary>zero-ownership (GoGui dboard): ownership from Black's side, one row per line from the top.</summary>
    private void Ownership(GtpRequest r)
    {
        float[] own = Game.Ownership(400);
        var sb = new StringBuilder();
        for (int row = 0; row < _size; row++)
        {
            sb.Append('\n');
            for (int col = 0; col < _size; col++)
            {
                sb.Append(col > 0 ? " " : "").Append(own[row * _size + col].ToString("0.00", CultureInfo.InvariantCulture));
            }
        }
        Ok(r, sb.ToString());
    }

    /// <summary>zero-winrates COLOR (GoGui pspairs): a search of Playouts (or 800) playouts, each visited move with its winrate in percent.</summary>
    private void Winrates(GtpRequest r)
    {
        if (r.Arguments.Count != 1 || !TryColor(r.Arguments[0], out GoColor color))
        {
            Fail(r, "syntax error");
            return;
        }
        long playouts = Options.GetLong(GtpOptions.Playouts);
        IGtpGame game = Game;
        game.StartSearch(color, SearchLimits.FromPlayouts(playouts > 0 ? playouts : GtpOptions.DefaultPlayouts));
        GtpAnalysis a = WaitForMove(game, null, stopOnAnyLine: false, onTick: null);
        Ok(r, string.Join(' ', a.Candidates.Where(c => c.Move.IsPoint).Take(20)
            .Select(c => string.Create(CultureInfo.InvariantCulture, $"{GoCoordinates.Format(c.Move, _size)} {c.Winrate * 100:0.0}"))));
    }

    private static TimeSpan Max(TimeSpan x, TimeSpan y) => x > y ? x : y;
}
