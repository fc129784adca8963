using System.Globalization;
using Zero.Games.Go;

namespace Zero.Arena.Engines;

/// <summary>
/// Complete games between `zero gtp` and another GTP engine (GNU Go), both child processes driven exactly as a
/// controller drives them, with Zero's own Go rules as an independent referee: every move of either side is checked
/// (GoPosition, positional superko) before the other engine receives it, and the receiving engine must accept it.
/// Zero plays on a Canadian clock that the referee keeps (time_left is sent before each genmove); a move past the
/// clock is a loss on time. Two passes end a game, scored by the opponent's final_score (Zero's own is recorded
/// beside it). Used by `zero gtp-match` and the Slow GNU Go test.
/// </summary>
public sealed class GtpMatch(GtpMatchSettings settings, Action<string>? log = null)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>Plays every game; a crashed engine is restarted for the next game.</summary>
    public List<GtpGameRecord> Run()
    {
        var records = new List<GtpGameRecord>();
        GtpClient? zero = null, opponent = null;
        try
        {
            for (int g = 1; g <= settings.Games; g++)
            {
                zero ??= GtpClient.Start("Zero", settings.Zero[0], settings.Zero.Skip(1));
                opponent ??= GtpClient.Start(settings.OpponentName, settings.Opponent[0], settings.Opponent.Skip(1));
                GoColor zeroColor = g % 2 == 1 ? GoColor.Black : GoColor.White;
                GtpGameRecord record = Play(g, zeroColor, zero, opponent);
                records.Add(record);
                log?.Invoke(string.Create(CultureInfo.InvariantCulture,
                    $"game {g}: Zero {(zeroColor == GoColor.Black ? "Black" : "White")}, {record.Result} after {record.Moves} moves ({(record.ZeroWon ? "Zero wins" : "Zero loses")}; Zero's own count {record.ZeroScore ?? "-"}; longest think {record.ZeroLongestMove.TotalSeconds:0.00} s){(record.Fault is null ? "" : " — " + record.Fault)}"));
                if (zero.HasExited)
                {
                    zero.Dispose();
                    zero = null;
                }
                if (opponent.HasExited)
                {
                    opponent.Dispose();
                    opponent = null;
                }
            }
        }
        finally
        {
            zero?.Dispose();
            opponent?.Dispose();
        }
        return records;
    }

    private GtpGameRecord Play(int number, GoColor zeroColor, GtpClient zero, GtpClient opponent)
    {
        int size = settings.Size;
        var rules = new GoRules(size, settings.Komi);
        GoPosition<Go25> referee = GoPosition<Go25>.Create(rules);
        var moves = new List<SgfMove>();
        var clock = new RefereeClock(settings.MainTime, settings.ByoYomi, settings.ByoYomiStones);
        TimeSpan longest = TimeSpan.Zero;
        string komi = GoRules.FormatKomi(settings.Komi);
        string? setupError = null;
        foreach (GtpClient e in new[] { zero, opponent })
        {
            foreach (string c in new[] { $"boardsize {size}", "clear_board", $"komi {komi}" })
            {
                if (e.Command(c, Patience) is not { Success: true })
                {
                    setupError ??= $"{e.Name} refused '{c}'";
                }
            }
        }
        string stones = settings.ByoYomiStones.ToString(CultureInfo.InvariantCulture);
        zero.Command(string.Create(CultureInfo.InvariantCulture, $"time_settings {(int)settings.MainTime.TotalSeconds} {(int)settings.ByoYomi.TotalSeconds} {stones}"), Patience);
        if (setupError is not null)
        {
            return End(number, zeroColor, referee, moves, null, setupError, zeroFault: setupError.StartsWith("Zero", StringComparison.Ordinal), longest, null);
        }
        while (!referee.IsOver)
        {
            GoColor mover = referee.ToMove;
            bool zeroMoves = mover == zeroColor;
            GtpClient engine = zeroMoves ? zero : opponent;
            GtpClient other = zeroMoves ? opponent : zero;
            string color = mover == GoColor.Black ? "b" : "w";
            if (zeroMoves)
            {
                zero.Command(clock.TimeLeftCommand(color), Patience);
            }
            long start = TimeProvider.System.GetTimestamp();
            GtpReply? reply = engine.Command($"genmove {color}", Patience + clock.Limit);
            TimeSpan used = TimeProvider.System.GetElapsedTime(start);
            if (reply is not { Success: true })
            {
                string why = reply is null ? (engine.HasExited ? "crashed" : "did not answer genmove") : $"answered genmove with an error: {reply.Text}";
                return End(number, zeroColor, referee, moves, Forfeit(mover, "F"), $"{engine.Name} {why}; errors: {engine.ErrorTail}", zeroMoves, longest, null);
            }
            if (zeroMoves)
            {
                longest = used > longest ? used : longest;
                if (!clock.Spend(used))
                {
                    return End(number, zeroColor, referee, moves, Forfeit(mover, "T"), $"Zero lost on time ({used.TotalSeconds:0.00} s for a move)", true, longest, null);
                }
            }
            if (!GoCoordinates.TryParse(reply.Text, size, out GoMove move, out string? error) || !referee.IsLegal(move, out error))
            {
                return End(number, zeroColor, referee, moves, Forfeit(mover, "F"), $"{engine.Name} played an illegal move '{reply.Text}': {error}", zeroMoves, longest, null);
            }
            if (move.IsResign)
            {
                return End(number, zeroColor, referee.Play(move), moves, Forfeit(mover, "R"), null, false, longest, null);
            }
            moves.Add(new SgfMove(mover, move));
            referee = referee.Play(move);
            if (other.Command($"play {color} {reply.Text}", Patience) is not { Success: true })
            {
                return End(number, zeroColor, referee, moves, null, $"{other.Name} refused {engine.Name}'s move {color} {reply.Text}", zeroMoves, longest, null);
            }
        }
        GtpReply? theirs = opponent.Command("final_score", Patience);
        GtpReply? ours = zero.Command("final_score", Patience);
        string result = theirs is { Success: true } ? theirs.Text : ours?.Text ?? "?";
        return End(number, zeroColor, referee, moves, result, null, false, longest, ours?.Text);
    }

    private static string Forfeit(GoColor loser, string how) => (loser == GoColor.Black ? "W+" : "B+") + how;

    private GtpGameRecord End(int number, GoColor zeroColor, GoPosition<Go25> referee, List<SgfMove> moves, string? result, string? fault, bool zeroFault, TimeSpan longest, string? zeroScore)
    {
        result ??= "Void";
        bool zeroWon = fault is null || !zeroFault
            ? result.StartsWith(zeroColor == GoColor.Black ? "B+" : "W+", StringComparison.OrdinalIgnoreCase)
            : false;
        var sgf = new SgfGame(referee.Setup, moves)
        {
            PlayerBlack = zeroColor == GoColor.Black ? "Zero" : settings.OpponentName,
            PlayerWhite = zeroColor == GoColor.White ? "Zero" : settings.OpponentName,
            Result = result,
        };
        return new GtpGameRecord(number, zeroColor, result, zeroWon, moves.Count, fault, zeroFault, longest, zeroScore, SgfWriter.Write(sgf));
    }

    /// <summary>Zero's Canadian clock as the referee keeps it (absolute when there are no byo-yomi stones).</summary>
    private sealed class RefereeClock(TimeSpan main, TimeSpan byoYomi, int stones)
    {
        private readonly TimeSpan _byoYomi = byoYomi;
        private readonly int _stones = stones;
        private TimeSpan _main = main;
        private TimeSpan _block = byoYomi;
        private int _stonesLeft = stones;
        private bool _inByoYomi;

        /// <summary>The longest a move may take now.</summary>
        public TimeSpan Limit => _inByoYomi ? _block : _main + (_stones > 0 ? _byoYomi : TimeSpan.Zero);

        public string TimeLeftCommand(string color) => _inByoYomi
            ? string.Create(CultureInfo.InvariantCulture, $"time_left {color} {_block.TotalSeconds:0.###} {_stonesLeft}")
            : string.Create(CultureInfo.InvariantCulture, $"time_left {color} {_main.TotalSeconds:0.###} 0");

        /// <summary>Charges a move; false when it overran the clock.</summary>
        public bool Spend(TimeSpan used)
        {
            if (!_inByoYomi)
            {
                if (used <= _main)
                {
                    _main -= used;
                    return true;
                }
                if (_stones == 0)
                {
                    return false;
                }
                used -= _main;
                _main = TimeSpan.Zero;
                _inByoYomi = true;
                _block = _byoYomi;
                _stonesLeft = _stones;
            }
            _block -= used;
            if (_block < TimeSpan.Zero)
            {
                return false;
            }
            if (--_stonesLeft == 0)
            {
                _block = _byoYomi;
                _stonesLeft = _stones;
            }
            return true;
        }
    }
}
