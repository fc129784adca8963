using System.Globalization;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Uci.Match;

/// <summary>
/// Plays complete games between Zero (`zero uci`, a child process) and another UCI engine (Stockfish) under a
/// clock, as a GUI would: `position startpos moves ...` and `go wtime btime winc binc` for each move, the time from
/// `go` to `bestmove` taken off the mover's clock. Every bestmove is checked for legality and so is every `pv`
/// move Zero reports; a late move is a time forfeit, an illegal move or a dead engine loses the game. Used by
/// `zero uci-match`; <see cref="GameRecord"/> says how each game ended.
/// </summary>
public sealed class UciMatch(MatchSettings settings, Action<string> log)
{
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Short openings (4 plies), each played once with each colour, so the games differ.</summary>
    public static IReadOnlyList<string> Openings { get; } =
    [
        "e2e4 e7e5 g1f3 b8c6", "d2d4 d7d5 c2c4 e7e6", "e2e4 c7c5 g1f3 d7d6", "d2d4 g8f6 c2c4 g7g6", "e2e4 e7e6 d2d4 d7d5",
        "c2c4 e7e5 b1c3 g8f6", "e2e4 c7c6 d2d4 d7d5", "g1f3 d7d5 g2g3 g8f6", "d2d4 g8f6 c2c4 e7e6", "e2e4 d7d5 e4d5 d8d5",
    ];

    /// <summary>Plays all games; a crashed engine is restarted for the next game.</summary>
    public List<GameRecord> Run()
    {
        var records = new List<GameRecord>();
        UciClient? zero = null, opponent = null;
        try
        {
            for (int g = 0; g < settings.Games; g++)
            {
                zero = EnsureStarted(zero, "Zero", settings.Engine, settings.EngineOptions);
                opponent = EnsureStarted(opponent, "Stockfish", settings.Opponent, settings.OpponentOptions);
                bool zeroWhite = g % 2 == 0;
                string opening = Openings[g / 2 % Openings.Count];
                GameRecord record = PlayGame(g + 1, zeroWhite ? zero : opponent, zeroWhite ? opponent : zero, zeroWhite, opening);
                records.Add(record);
                double total = records.Sum(r => r.ZeroScore);
                log(string.Create(CultureInfo.InvariantCulture,
                    $"game {g + 1}/{settings.Games}: {record.Pgn["White"]} - {record.Pgn["Black"]} {record.Pgn.Result} ({record.Reason}), {record.Pgn.Moves.Count} plies, Zero's lowest clock {record.ZeroLowestClock.TotalSeconds:F2} s; Zero {total:0.#}/{records.Count}"));
            }
        }
        finally
        {
            zero?.Dispose();
            opponent?.Dispose();
        }
        return records;
    }

    private static UciClient EnsureStarted(UciClient? client, string name, IReadOnlyList<string> command, IReadOnlyList<KeyValuePair<string, string>> options)
    {
        if (client is not null && !client.HasExited)
        {
            return client;
        }
        client?.Dispose();
        UciClient started = UciClient.Start(name, command[0], command.Skip(1));
        started.Handshake(options, StartupTimeout);
        return started;
    }

    private GameRecord PlayGame(int number, UciClient white, UciClient black, bool zeroWhite, string opening)
    {
        // 1. Set up: both engines get a new game; the opening moves are played without a clock.
        var pgn = new PgnGame();
        pgn["Event"] = "zero uci-match";
        pgn["Round"] = number.ToString(CultureInfo.InvariantCulture);
        pgn["White"] = white.Name;
        pgn["Black"] = black.Name;
        pgn["TimeControl"] = string.Create(CultureInfo.InvariantCulture, $"{settings.BaseTime.TotalSeconds:0.###}+{settings.Increment.TotalSeconds:0.###}");
        ChessPosition position = ChessPosition.Initial;
        var played = new List<string>();
        foreach (string text in opening.Split(' '))
        {
            position.TryParseMove(text, out ChessMove move, out _);
            pgn.Moves.Add(move);
            position = position.Play(move);
            played.Add(text);
        }
        foreach (UciClient c in new[] { white, black })
        {
            c.Send("ucinewgame");
            c.WaitReady(StartupTimeout);
        }
        TimeSpan[] clock = [settings.BaseTime, settings.BaseTime];
        TimeSpan lowest = settings.BaseTime;
        int zeroSide = zeroWhite ? 0 : 1;
        int illegalPv = 0;
        double? whiteScore = null;
        string reason = "";
        string? fault = null;

        // 2. Move loop: ask the side to move, check time and legality, play.
        while (whiteScore is null)
        {
            if (position.Outcome is { } outcome)
            {
                double moverScore = outcome == GameResult.Loss ? 0 : 0.5;
                whiteScore = position.SideToMove == 0 ? moverScore : 1 - moverScore;
                reason = position.OutcomeReason ?? "game over";
                break;
            }
            if (played.Count >= settings.MaxPlies)
            {
                whiteScore = 0.5;
                reason = $"adjudicated draw after {settings.MaxPlies} plies";
                break;
            }
            int side = position.SideToMove;
            UciClient mover = side == 0 ? white : black;
            mover.Send(played.Count == 0 ? "position startpos" : "position startpos moves " + string.Join(' ', played));
            mover.Send(string.Create(CultureInfo.InvariantCulture,
                $"go wtime {(long)clock[0].TotalMilliseconds} btime {(long)clock[1].TotalMilliseconds} winc {(long)settings.Increment.TotalMilliseconds} binc {(long)settings.Increment.TotalMilliseconds}"));
            long start = TimeProvider.System.GetTimestamp();
            ChessPosition before = position;
            string? line = mover.ReadUntil(l => l.StartsWith("bestmove", StringComparison.Ordinal), clock[side] + Grace, seen =>
            {
                if (side == zeroSide)
                {
                    illegalPv += CountIllegalPv(before, seen);
                }
            });
            TimeSpan used = TimeProvider.System.GetElapsedTime(start);
            if (line is null)
            {
                whiteScore = side == 0 ? 0 : 1;
                reason = mover.HasExited ? $"crash: {mover.Name} exited ({mover.ErrorTail})" : $"time forfeit: {mover.Name} sent no bestmove";
                fault = mover.Name;
                break;
            }
            clock[side] -= used;
            if (side == zeroSide)
            {
                lowest = clock[side] < lowest ? clock[side] : lowest;
            }
            if (clock[side] < TimeSpan.Zero)
            {
                whiteScore = side == 0 ? 0 : 1;
                reason = string.Create(CultureInfo.InvariantCulture, $"time forfeit: {mover.Name} overstepped by {-clock[side].TotalMilliseconds:F0} ms");
                fault = mover.Name;
                break;
            }
            clock[side] += settings.Increment;
            string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            string text = words.Length > 1 ? words[1] : "";
            if (!position.TryParseMove(text, out ChessMove chosen, out string? error))
            {
                whiteScore = side == 0 ? 0 : 1;
                reason = $"illegal move by {mover.Name}: {error}";
                fault = mover.Name;
                break;
            }
            pgn.Moves.Add(chosen);
            position = position.Play(chosen);
            played.Add(text);
        }

        // 3. Record.
        pgn.Result = whiteScore switch { 1.0 => "1-0", 0.0 => "0-1", _ => "1/2-1/2" };
        pgn["Termination"] = reason;
        double zeroScore = zeroWhite ? whiteScore.Value : 1 - whiteScore.Value;
        return new GameRecord(number, zeroWhite, zeroScore, reason, fault, pgn, lowest, illegalPv);
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
}
