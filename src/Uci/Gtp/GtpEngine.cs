using System.Globalization;
using System.Reflection;
using System.Text;
using Zero.Games.Go;
using Zero.Uci.Time;
using Zero.Uci.Protocol;

namespace Zero.Uci.Gtp;

/// <summary>
/// Zero as a Go engine over GTP v2 for GUIs (Sabaki, GoGui, Lizzie), servers (kgsGtp) and other engines (GNU Go
/// matches): reads command lines, keeps the game, the clocks and the options, searches with <see cref="IGtpGame"/> and
/// writes `=[id] result` / `?[id] error` replies, each closed by one blank line. `zero gtp` wraps it around standard
/// input and output; tests drive it in memory and as the real process.
/// </summary>
/// <remarks>
/// Threads: a reader thread fills a <see cref="GtpLineQueue"/>; this class handles one line at a time. genmove
/// searches in the background while this thread watches the deadline and `# interrupt`; streaming analysis
/// (lz-analyze, kata-analyze) prints a line every interval until the next input line arrives, ends the response with
/// a blank line and then handles that line. Nothing is loaded before the first search, so the controller's first
/// commands are answered at once. A bad line is a `?` reply (spec error texts where GTP names one), an unexpected
/// failure is a `?` reply and a note on standard error; the engine never stops on input. End of input is `quit`.
/// Partial files: this one (loop, board and game commands), GtpEngine.Search.cs (genmove, clocks, analysis).
/// </remarks>
public sealed partial class GtpEngine : IDisposable
{
    private static readonly string[] Commands =
    [
        "protocol_version", "name", "version", "known_command", "list_commands", "quit", "boardsize", "clear_board", "komi",
        "play", "genmove", "undo", "showboard", "final_score", "final_status_list", "fixed_handicap", "place_free_handicap",
        "set_free_handicap", "time_settings", "time_left", "kgs-time_settings", "kata-time_settings", "kgs-genmove_cleanup",
        "kgs-game_over", "loadsgf", "printsgf", "lz-setoption", "lz-analyze", "lz-genmove_analyze", "kata-analyze",
        "kata-genmove_analyze", "gogui-analyze_commands", "gogui-interrupt", "zero-ownership", "zero-winrates",
    ];

    private readonly TextWriter _output;
    private readonly TextWriter _error;
    private readonly TimeProvider _time;
    private readonly Lock _outputLock = new();
    private readonly GoClock[] _clocks = [new GoClock(), new GoClock()];
    private GtpLineQueue _lines = new();
    private IGtpGame? _game;
    private int _size = 19;
    private double _komi = 7.5;

    /// <param name="output">Where replies go (standard output).</param>
    /// <param name="error">Where logs go (standard error).</param>
    /// <param name="options">Option values (from flags); defaults when null.</param>
    /// <param name="time">Clock for time management; the system clock when null.</param>
    public GtpEngine(TextWriter output, TextWriter error, OptionValues? options = null, TimeProvider? time = null)
    {
        _output = output;
        _error = error;
        Options = options ?? new OptionValues(GtpOptions.All);
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The option values (changed by lz-setoption).</summary>
    public OptionValues Options { get; }

    /// <summary>The engine's version, as `version` reports it.</summary>
    public static string Version =>
        typeof(GtpEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "dev";

    /// <summary>Handles lines until `quit` or the end of <paramref name="input"/>.</summary>
    public void Run(TextReader input)
    {
        _lines = GtpLineQueue.Read(input);
        while (true)
        {
            string? line = _lines.Take();
            if (line is null || !Handle(line))
            {
                break;
            }
        }
        Dispose();
    }

    /// <summary>Handles one command line; false after `quit`. Never throws.</summary>
    public bool Handle(string line)
    {
        Received();
        GtpRequest? request = GtpRequest.Parse(line);
        if (request is null)
        {
            return true;
        }
        try
        {
            return Dispatch(request);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log($"error while handling '{line}': {e.Message}");
            Fail(request, $"internal error: {e.Message}");
            return true;
        }
    }

    private bool Dispatch(GtpRequest r)
    {
        IReadOnlyList<string> a = r.Arguments;
        switch (r.Command)
        {
            case "protocol_version":
                Ok(r, "2");
                break;
            case "name":
                Ok(r, "Zero");
                break;
            case "version":
                Ok(r, Version);
                break;
            case "known_command":
                Ok(r, a.Count > 0 && Commands.Contains(a[0]) ? "true" : "false");
                break;
            case "list_commands":
                Ok(r, string.Join('\n', Commands));
                break;
            case "quit":
                Ok(r, "");
                return false;
            case "boardsize":
                BoardSize(r);
                break;
            case "clear_board":
                NewGame();
                Ok(r, "");
                break;
            case "komi":
                Komi(r);
                break;
            case "play":
                PlayCommand(r);
                break;
            case "genmove":
            case "kgs-genmove_cleanup":
                GenMove(r, cleanup: r.Command == "kgs-genmove_cleanup");
                break;
            case "undo":
                if (Game.Undo())
                {
                    Ok(r, "");
                }
                else
                {
                    Fail(r, "cannot undo");
                }
                break;
            case "showboard":
                Ok(r, "\n" + Game.Render());
                break;
            case "final_score":
                Ok(r, Game.FinalScore().Result);
                break;
            case "final_status_list":
                FinalStatusList(r);
                break;
            case "fixed_handicap":
            case "place_free_handicap":
                Handicap(r, free: r.Command == "place_free_handicap");
                break;
            case "set_free_handicap":
                SetFreeHandicap(r);
                break;
            case "time_settings":
            case "kgs-time_settings":
            case "kata-time_settings":
                TimeSettings(r);
                break;
            case "time_left":
                TimeLeft(r);
                break;
            case "kgs-game_over":
            case "gogui-interrupt":
                Ok(r, "");
                break;
            case "loadsgf":
                LoadSgf(r);
                break;
            case "printsgf":
                PrintSgf(r);
                break;
            case "lz-setoption":
                SetOption(r);
                break;
            case "lz-analyze":
            case "kata-analyze":
            case "lz-genmove_analyze":
            case "kata-genmove_analyze":
                Analyze(r, kata: r.Command.StartsWith("kata", StringComparison.Ordinal), play: r.Command.EndsWith("genmove_analyze", StringComparison.Ordinal));
                break;
            case "gogui-analyze_commands":
                Ok(r, string.Join('\n',
                    "dboard/Ownership/zero-ownership",
                    "pspairs/Winrates/zero-winrates %p",
                    "string/Final score/final_score",
                    "plist/Dead stones/final_status_list dead",
                    "string/Show board/showboard"));
                break;
            case "zero-ownership":
                Ownership(r);
                break;
            case "zero-winrates":
                Winrates(r);
                break;
            default:
                Fail(r, "unknown command");
                break;
        }
        return true;
    }

    /// <summary>The game, created at the first command that needs it (the evaluator is chosen then, not at start-up).</summary>
    private IGtpGame Game => _game ??= CreateGame();

    private IGtpGame CreateGame()
    {
        GoRuleSet ruleSet = GoRules.TryParseRuleSet(Options.GetString(GtpOptions.Rules), out GoRuleSet rs) ? rs : GoRuleSet.Chinese;
        var rules = new GoRules(_size, _komi, ruleSet);
        IGtpGame game = _size switch
        {
            <= 9 => new GtpGame<Go9>(rules, Options, _time),
            <= 13 => new GtpGame<Go13>(rules, Options, _time),
            <= 19 => new GtpGame<Go19>(rules, Options, _time),
            _ => new GtpGame<Go25>(rules, Options, _time),
        };
        Log($"{rules}: {game.EvaluatorNote}");
        return game;
    }

    /// <summary>Starts a new game with the current size, komi and options (the clocks start full again).</summary>
    private void NewGame()
    {
        _game?.Dispose();
        _game = null;
        foreach (GoClock clock in _clocks)
        {
            clock.Set(clock.System, clock.MainTime, clock.ByoYomiTime, clock.ByoYomiStones, clock.Periods, clock.Increment);
        }
    }

    private void BoardSize(GtpRequest r)
    {
        if (r.Arguments.Count != 1 || !int.TryParse(r.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out int size))
        {
            Fail(r, "syntax error");
            return;
        }
        if (size is < 2 or > GoRules.MaxSize)
        {
            Fail(r, "unacceptable size");
            return;
        }
        _size = size;
        NewGame();
        Ok(r, "");
    }

    private void Komi(GtpRequest r)
    {
        if (r.Arguments.Count != 1 || !double.TryParse(r.Arguments[0], NumberStyles.Float, CultureInfo.InvariantCulture, out double komi) || !double.IsFinite(komi))
        {
            Fail(r, "syntax error");
            return;
        }
        if (!GoRules.IsValidKomi(komi))
        {
            Fail(r, "komi must be a multiple of 0.5 between -1000 and 1000");
            return;
        }
        _komi = komi;
        if (_game is not null && !_game.TrySetKomi(komi, out string? error))
        {
            Log($"komi {komi}: the game could not be replayed under it ({error}); it applies from the next clear_board");
        }
        Ok(r, "");
    }

    private static bool TryColor(string text, out GoColor color)
    {
        switch (text.ToLowerInvariant())
        {
            case "b" or "black":
                color = GoColor.Black;
                return true;
            case "w" or "white":
                color = GoColor.White;
                return true;
            default:
                color = GoColor.Empty;
                return false;
        }
    }

    private void PlayCommand(GtpRequest r)
    {
        if (r.Arguments.Count != 2 || !TryColor(r.Arguments[0], out GoColor color))
        {
            Fail(r, "syntax error");
            return;
        }
        if (!GoCoordinates.TryParse(r.Arguments[1], GoRules.MaxSize, out GoMove move, out _))
        {
            Fail(r, "syntax error");
            return;
        }
        if (move.IsPoint && (move.Row < GoRules.MaxSize - _size || move.Col >= _size))
        {
            Fail(r, "illegal move");
            return;
        }
        if (move.IsPoint)
        {
            move = GoMove.At(move.Row - (GoRules.MaxSize - _size), move.Col); // parsed on a 25x25 board: shift the rows
        }
        if (Game.TryPlay(color, move, out string? error))
        {
            Ok(r, "");
        }
        else
        {
            Log($"play {r.Arguments[0]} {r.Arguments[1]} refused: {error}");
            Fail(r, "illegal move");
        }
    }

    private void FinalStatusList(GtpRequest r)
    {
        if (r.Arguments.Count != 1 || r.Arguments[0].ToLowerInvariant() is not ("alive" or "dead" or "seki"))
        {
            Fail(r, "syntax error");
            return;
        }
        GoFinalScore score = Game.FinalScore();
        IEnumerable<GoMove> list = r.Arguments[0].ToLowerInvariant() switch
        {
            "dead" => score.Dead,
            "seki" => score.Seki,
            _ => AliveStones(score),
        };
        Ok(r, string.Join(' ', list.Select(m => GoCoordinates.Format(m, _size))));
    }

    private IEnumerable<GoMove> AliveStones(GoFinalScore score)
    {
        var dead = new HashSet<GoMove>(score.Dead);
        return Game.Stones().Where(m => !dead.Contains(m));
    }

    private void Handicap(GtpRequest r, bool free)
    {
        if (r.Arguments.Count != 1 || !int.TryParse(r.Arguments[0], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
        {
            Fail(r, "syntax error");
            return;
        }
        if (!Game.IsEmpty)
        {
            Fail(r, "board not empty");
            return;
        }
        IReadOnlyList<GoMove> stones;
        if (n >= 2 && n <= GoHandicap.MaxFixed(_size))
        {
            stones = GoHandicap.Fixed(_size, n);
        }
        else if (free && n >= 2 && n < _size * _size)
        {
            stones = FreePlacement(n);
        }
        else
        {
            Fail(r, "invalid number of stones");
            return;
        }
        if (!Game.TrySetHandicap(stones, out string? error))
        {
            Log(error!);
            Fail(r, "invalid number of stones");
            return;
        }
        Ok(r, string.Join(' ', stones.Select(m => GoCoordinates.Format(m, _size))));
    }

    /// <summary>Free handicap beyond the fixed points: the fixed points first, then points as far as possible from the stones placed, off the first line.</summary>
    private List<GoMove> FreePlacement(int n)
    {
        int max = GoHandicap.MaxFixed(_size);
        var stones = max >= 2 ? GoHandicap.Fixed(_size, Math.Min(n, max)).ToList() : [];
        int margin = _size >= 5 ? 1 : 0;
        while (stones.Count < n)
        {
            GoMove best = default;
            int bestDistance = -1;
            for (int row = margin; row < _size - margin; row++)
            {
                for (int col = margin; col < _size - margin; col++)
                {
                    GoMove m = GoMove.At(row, col);
                    if (stones.Contains(m))
                    {
                        continue;
                    }
                    int d = stones.Count == 0 ? 0 : stones.Min(s => Math.Abs(s.Row - row) + Math.Abs(s.Col - col));
                    if (d > bestDistance)
                    {
                        bestDistance = d;
                        best = m;
                    }
                }
            }
            if (bestDistance < 0)
            {
                margin = 0;
                continue;
            }
            stones.Add(best);
        }
        return stones;
    }

    private void SetFreeHandicap(GtpRequest r)
    {
        if (!Game.IsEmpty)
        {
            Fail(r, "board not empty");
            return;
        }
        var stones = new List<GoMove>();
        foreach (string v in r.Arguments)
        {
            if (!GoCoordinates.TryParse(v, _size, out GoMove m, out _) || !m.IsPoint || stones.Contains(m))
            {
                Fail(r, "bad vertex list");
                return;
            }
            stones.Add(m);
        }
        if (stones.Count < 2 || stones.Count >= _size * _size)
        {
            Fail(r, "bad vertex list");
            return;
        }
        if (!Game.TrySetHandicap(stones, out string? error))
        {
            Log(error!);
            Fail(r, "bad vertex list");
            return;
        }
        Ok(r, "");
    }

    private void LoadSgf(GtpRequest r)
    {
        int? moveNumber = null;
        if (r.Arguments.Count is < 1 or > 2)
        {
            Fail(r, "syntax error");
            return;
        }
        if (r.Arguments.Count == 2)
        {
            if (!int.TryParse(r.Arguments[1], NumberStyles.None, CultureInfo.InvariantCulture, out int n))
            {
                Fail(r, "syntax error");
                return;
            }
            moveNumber = n;
        }
        string text;
        try
        {
            text = File.ReadAllText(r.Arguments[0]);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Log($"loadsgf {r.Arguments[0]}: {e.Message}");
            Fail(r, "cannot load file");
            return;
        }
        if (!Games.Go.SgfReader.TryRead(text, out Games.Go.SgfGame? sgf, out string? error))
        {
            Log($"loadsgf {r.Arguments[0]}: {error}");
            Fail(r, "cannot load file");
            return;
        }
        _size = sgf!.Setup.Rules.Size;
        _komi = sgf.Setup.Rules.Komi;
        NewGame();
        if (!Game.TryLoadSgf(text, moveNumber, out error))
        {
            Log($"loadsgf {r.Arguments[0]}: {error}");
            NewGame();
            Fail(r, "cannot load file");
            return;
        }
        Ok(r, "");
    }

    private void PrintSgf(GtpRequest r)
    {
        string sgf = Game.ToSgf().Replace("\r", "", StringComparison.Ordinal);
        if (r.Arguments.Count == 0)
        {
            // a reply must not hold an empty line: drop them
            Ok(r, string.Join('\n', sgf.Split('\n').Where(l => l.Trim().Length > 0)));
            return;
        }
        try
        {
            File.WriteAllText(r.Arguments[0], sgf);
            Ok(r, "");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            Fail(r, $"cannot write file: {e.Message}");
        }
    }

    /// <summary>`lz-setoption name NAME value VALUE` (Leela Zero's form); options that shape the game apply from the next clear_board.</summary>
    private void SetOption(GtpRequest r)
    {
        IReadOnlyList<string> a = r.Arguments;
        int valueAt = -1;
        for (int i = 0; i < a.Count; i++)
        {
            if (a[i] == "value")
            {
                valueAt = i;
                break;
            }
        }
        if (a.Count < 2 || a[0] != "name")
        {
            Fail(r, "syntax error");
            return;
        }
        string name = string.Join(' ', a.Skip(1).Take((valueAt < 0 ? a.Count : valueAt) - 1));
        string? value = valueAt < 0 ? null : string.Join(' ', a.Skip(valueAt + 1));
        if (!Options.TrySet(name, value, out string? error))
        {
            Fail(r, error!);
            return;
        }
        if (_game is not null && _game.IsEmpty)
        {
            NewGame(); // the evaluator and search are built again with the new values
        }
        Ok(r, "");
    }

    /// <summary>Writes `=[id] text` and the closing blank line.</summary>
    private void Ok(GtpRequest r, string text) => Reply('=', r.Id, text);

    /// <summary>Writes `?[id] message` and the closing blank line.</summary>
    private void Fail(GtpRequest r, string message) => Reply('?', r.Id, message);

    private void Reply(char kind, int? id, string text)
    {
        var sb = new StringBuilder();
        sb.Append(kind);
        if (id is { } n)
        {
            sb.Append(n.ToString(CultureInfo.InvariantCulture));
        }
        if (text.Length > 0)
        {
            sb.Append(text[0] == '\n' ? "" : " ").Append(text);
        }
        Send(sb.Append('\n').ToString());
    }

    /// <summary>Writes a line (or lines) and flushes (thread-safe).</summary>
    private void Send(string text)
    {
        lock (_outputLock)
        {
            _output.WriteLine(text);
            _output.Flush();
        }
    }

    /// <summary>A log line on standard error.</summary>
    private void Log(string text)
    {
        lock (_outputLock)
        {
            _error.WriteLine($"zero gtp: {text}");
            _error.Flush();
        }
    }

    public void Dispose()
    {
        _game?.Dispose();
        _game = null;
    }
}
