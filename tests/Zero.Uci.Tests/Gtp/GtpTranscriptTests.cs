using System.Globalization;
using System.Text.RegularExpressions;
using Zero.Games.Go;

namespace Zero.Uci.Tests.Gtp;

/// <summary>
/// Drives the real `zero gtp` process over standard input and output as a Go GUI would: every GTP v2 command the
/// engine lists, ids, the spec's error texts, clocks, handicap, SGF, the analysis streams (stopped by the next input
/// line) and the end of input. Every move the engine generates is checked with Zero's Go rules.
/// </summary>
public sealed partial class GtpTranscriptTests
{
    [GeneratedRegex(@"^(pass|resign|[A-HJ-T]\d{1,2})$")]
    private static partial Regex Vertex();

    private static readonly string[] Required =
    [
        "protocol_version", "name", "version", "known_command", "list_commands", "quit", "boardsize", "clear_board", "komi",
        "play", "genmove", "undo", "showboard", "final_score", "final_status_list", "fixed_handicap", "place_free_handicap",
        "set_free_handicap", "time_settings", "time_left", "kgs-time_settings", "kgs-genmove_cleanup", "loadsgf", "printsgf",
        "lz-analyze", "lz-genmove_analyze", "kata-analyze", "kata-genmove_analyze", "gogui-analyze_commands",
    ];

    [Fact]
    public void Handshake_IdsAndAdminCommands_AnswerAsTheSpecSays()
    {
        using var zero = GtpProcess.Start();
        GtpReplyAssert(zero.Ask("1 protocol_version"), true, 1, "2");
        GtpReplyAssert(zero.Ask("2 name"), true, 2, "Zero");
        Assert.True(zero.Ask("version").Text.Length > 0);
        string[] commands = zero.Ok("list_commands").Split('\n');
        foreach (string c in Required)
        {
            Assert.Contains(c, commands);
            Assert.Equal("true", zero.Ok($"known_command {c}"));
        }
        Assert.Equal("false", zero.Ok("known_command frobnicate"));
    }

    private static void GtpReplyAssert(Zero.Arena.Engines.GtpReply reply, bool success, int? id, string text)
    {
        Assert.Equal(success, reply.Success);
        Assert.Equal(id, reply.Id);
        Assert.Equal(text, reply.Text);
    }

    [Fact]
    public void BadLines_GetTheSpecErrorTexts_AndTheEngineGoesOn()
    {
        using var zero = GtpProcess.Start();
        GtpReplyAssert(zero.Ask("7 frobnicate"), false, 7, "unknown command");
        Assert.Equal("syntax error", zero.Error("boardsize nine"));
        Assert.Equal("unacceptable size", zero.Error("boardsize 30"));
        Assert.Equal("unacceptable size", zero.Error("boardsize 1"));
        zero.Ok("boardsize 9");
        Assert.Equal("syntax error", zero.Error("komi lots"));
        Assert.Equal("syntax error", zero.Error("play x E5"));
        Assert.Equal("syntax error", zero.Error("play b I5"));
        Assert.Equal("illegal move", zero.Error("play b K10"));
        zero.Ok("play b E5");
        Assert.Equal("illegal move", zero.Error("play w E5"));
        Assert.Equal("syntax error", zero.Error("genmove purple"));
        Assert.Equal("syntax error", zero.Error("final_status_list undead"));
        Assert.Equal("syntax error", zero.Error("time_left b soon 0"));
        Assert.Equal("syntax error", zero.Error("lz-analyze b 10 sideways"));
        zero.Client.Send("\u0001\t# a comment line is ignored");
        GtpReplyAssert(zero.Ask("8 name"), true, 8, "Zero");
    }

    [Fact]
    public void PlayGenmoveUndo_FullGameStart_MovesAreLegalAndUndoRestores()
    {
        using var zero = GtpProcess.Start();
        zero.Ok("boardsize 9");
        zero.Ok("clear_board");
        zero.Ok("komi 6.5");
        GoPosition<Go9> referee = GoPosition<Go9>.Create(new GoRules(9, 6.5));
        var played = new List<GoPosition<Go9>> { referee };
        foreach (string m in new[] { "E5", "C3" })
        {
            string color = referee.ToMove == GoColor.Black ? "b" : "w";
            zero.Ok($"play {color} {m}");
            Assert.True(referee.TryParseMove(m, out GoMove move, out string? error), error);
            referee = referee.Play(move);
            played.Add(referee);
        }
        for (int i = 0; i < 6; i++)
        {
            string color = referee.ToMove == GoColor.Black ? "b" : "w";
            string vertex = zero.Ok($"genmove {color}");
            Assert.Matches(Vertex(), vertex);
            Assert.True(referee.TryParseMove(vertex, out GoMove move, out string? error), error);
            referee = referee.Play(move);
            played.Add(referee);
        }
        string board = zero.Ok("showboard");
        Assert.Equal(referee.Render().TrimEnd('\n'), board);
        zero.Ok("undo");
        zero.Ok("undo");
        Assert.Equal(played[^3].Render().TrimEnd('\n'), zero.Ok("showboard"));
        zero.Ok("clear_board");
        Assert.Equal("cannot undo", zero.Error("undo"));
    }

    [Fact]
    public void Handicap_FixedFreeAndSet_PlaceStonesOnlyOnAnEmptyBoard()
    {
        using var zero = GtpProcess.Start();
        zero.Ok("boardsize 9");
        string fixedStones = zero.Ok("fixed_handicap 4");
        Assert.Equal(["C3", "C7", "G3", "G7"], fixedStones.Split(' ').Order(StringComparer.Ordinal));
        Assert.Equal("board not empty", zero.Error("fixed_handicap 2"));
        zero.Ok("clear_board");
        Assert.Equal("invalid number of stones", zero.Error("fixed_handicap 10"));
        Assert.Equal("invalid number of stones", zero.Error("fixed_handicap 1"));
        Assert.Equal(6, zero.Ok("place_free_handicap 6").Split(' ').Distinct().Count());
        zero.Ok("clear_board");
        Assert.Equal("bad vertex list", zero.Error("set_free_handicap D4 D4"));
        Assert.Equal("bad vertex list", zero.Error("set_free_handicap D4"));
        zero.Ok("set_free_handicap D4 F6 E5");
        string vertex = zero.Ok("genmove w");
        Assert.Matches(Vertex(), vertex);
        Assert.DoesNotContain(vertex, new[] { "D4", "F6", "E5" });
    }

    [Fact]
    public void Clocks_EveryTimeSystem_IsAcceptedAndGenmoveAnswersInTime()
    {
        using var zero = GtpProcess.Start("--playouts", "0");
        zero.Ok("boardsize 9");
        foreach (string settings in new[]
        {
            "time_settings 2 0 0", "time_settings 0 1 1", "time_settings 10 0 1",
            "kgs-time_settings none", "kgs-time_settings absolute 2", "kgs-time_settings byoyomi 0 1 3",
            "kgs-time_settings canadian 0 2 2", "kata-time_settings fischer 1 0.2",
        })
        {
            zero.Ok(settings);
            var started = TimeProvider.System.GetTimestamp();
            Assert.Matches(Vertex(), zero.Ok("genmove b"));
            TimeSpan used = TimeProvider.System.GetElapsedTime(started);
            Assert.True(used < TimeSpan.FromSeconds(settings.Contains("none", StringComparison.Ordinal) ? 30 : 1.5), $"{settings}: genmove took {used.TotalSeconds:0.00} s");
            zero.Ok("undo");
        }
        zero.Ok("time_settings 60 10 5");
        zero.Ok("time_left b 1 3");
        var start = TimeProvider.System.GetTimestamp();
        zero.Ok("genmove b");
        Assert.True(TimeProvider.System.GetElapsedTime(start) < TimeSpan.FromSeconds(1), "1 s for 3 byo-yomi stones was overrun");
        Assert.Equal("syntax error", zero.Error("kgs-time_settings hourglass 5"));
    }

    [Fact]
    public void FinalScore_AfterTwoPasses_IsAResultAndStatusListsAreVertices()
    {
        using var zero = GtpProcess.Start();
        zero.Ok("boardsize 5");
        zero.Ok("komi 0.5");
        foreach (string m in new[] { "b C3", "w A1", "b B2", "w pass", "b pass" })
        {
            zero.Ok($"play {m}");
        }
        string score = zero.Ok("final_score");
        Assert.Matches(@"^(B\+|W\+)\d+(\.5)?$|^0$", score);
        Assert.StartsWith("B+", score, StringComparison.Ordinal); // the lone white stone in Black's area is dead
        Assert.Equal("A1", zero.Ok("final_status_list dead"));
        Assert.Equal(["B2", "C3"], zero.Ok("final_status_list alive").Split(' ').Order(StringComparer.Ordinal));
        zero.Ok("final_status_list seki");
        zero.Ok("play w E5"); // GTP plays on after two passes
        Assert.Matches(Vertex(), zero.Ok("kgs-genmove_cleanup b"));
    }

    [Fact]
    public void LoadsgfPrintsgf_RoundTrip_AndMissingFileIsCannotLoad()
    {
        using var zero = GtpProcess.Start();
        string path = Path.Combine(Path.GetTempPath(), $"zero-gtp-{Guid.NewGuid():N}.sgf");
        try
        {
            File.WriteAllText(path, "(;GM[1]FF[4]SZ[9]KM[5.5];B[ee];W[cc];B[gg];W[cg])");
            zero.Ok($"loadsgf {path} 3");
            string sgf = zero.Ok("printsgf");
            Assert.Contains("SZ[9]", sgf, StringComparison.Ordinal);
            Assert.Contains("KM[5.5]", sgf, StringComparison.Ordinal);
            Assert.Contains(";B[ee]", sgf, StringComparison.Ordinal);
            Assert.Contains(";W[cc]", sgf, StringComparison.Ordinal);
            Assert.DoesNotContain("[gg]", sgf, StringComparison.Ordinal);
            Assert.Equal("illegal move", zero.Error("play b E5"));
            zero.Ok($"printsgf {path}");
            zero.Ok($"loadsgf {path}");
            zero.Ok("undo");
            zero.Ok("undo");
            Assert.Equal("cannot undo", zero.Error("undo"));
            Assert.Equal("cannot load file", zero.Error($"loadsgf {path}.missing"));
            File.WriteAllText(path, "(;GM[1]FF[4]SZ[9];B[ee];W[ee])");
            Assert.Equal("cannot load file", zero.Error($"loadsgf {path}"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("lz-analyze b 10", false)]
    [InlineData("lz-analyze interval 10", false)]
    [InlineData("lz-analyze w interval 10 maxmoves 3", false)]
    [InlineData("kata-analyze b interval 10", true)]
    [InlineData("kata-analyze 10 ownership true", true)]
    public void Analyze_StreamsInfoLines_UntilTheNextInputLine(string command, bool kata)
    {
        using var zero = GtpProcess.Start();
        zero.Ok("boardsize 9");
        zero.Ok("play b E5");
        zero.Client.Send("5 " + command);
        Assert.Equal("=5", zero.ReadUntil(_ => true, "the '=' of analysis")[0]);
        List<string> lines = zero.ReadUntil(l => l.StartsWith("info move", StringComparison.Ordinal), "an info line");
        zero.ReadUntil(l => l.StartsWith("info move", StringComparison.Ordinal), "a second info line");
        string info = lines[^1];
        CheckInfo(info, kata, command.Contains("ownership", StringComparison.Ordinal), command.Contains("maxmoves 3", StringComparison.Ordinal) ? 3 : 81);
        zero.Client.Send("6 name");
        List<string> tail = zero.ReadUntil(l => l.Length == 0, "the blank line that ends the analysis");
        Assert.All(tail.SkipLast(1), l => Assert.StartsWith("info move", l, StringComparison.Ordinal));
        GtpReplyAssert(zero.Client.ReadReply(GtpProcess.Patience)!, true, 6, "Zero");
    }

    private static void CheckInfo(string info, bool kata, bool ownership, int maxMoves)
    {
        string[] parts = info.Split(" ownership ");
        string[] candidates = parts[0].Split("info move ", StringSplitOptions.RemoveEmptyEntries);
        Assert.InRange(candidates.Length, 1, maxMoves);
        var position = GoPosition<Go9>.Create(new GoRules(9)).Play(GoMove.At(4, 4));
        foreach (string c in candidates)
        {
            string[] w = c.Trim().Split(' ');
            Assert.True(position.TryParseMove(w[0], out _, out string? error), error);
            var fields = new Dictionary<string, string>();
            int pv = Array.IndexOf(w, "pv");
            Assert.True(pv > 0, c);
            for (int i = 1; i + 1 < pv; i += 2)
            {
                fields[w[i]] = w[i + 1];
            }
            Assert.Equal(w[0], w[pv + 1]);
            foreach (string key in new[] { "visits", "winrate", "prior", "lcb", "order" })
            {
                Assert.True(fields.ContainsKey(key), $"{key} missing in '{c}'");
            }
            if (kata)
            {
                double winrate = double.Parse(fields["winrate"], CultureInfo.InvariantCulture);
                Assert.InRange(winrate, 0, 1);
                Assert.Contains('.', fields["winrate"]);
            }
            else
            {
                Assert.InRange(int.Parse(fields["winrate"], CultureInfo.InvariantCulture), 0, 10000);
                Assert.InRange(int.Parse(fields["prior"], CultureInfo.InvariantCulture), 0, 10000);
            }
        }
        if (ownership)
        {
            float[] own = parts[1].Split(' ').Select(s => float.Parse(s, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(81, own.Length);
            Assert.All(own, o => Assert.InRange(o, -1f, 1f));
        }
        else
        {
            Assert.Single(parts);
        }
    }

    [Theory]
    [InlineData("lz-genmove_analyze b 10")]
    [InlineData("kata-genmove_analyze b interval 10")]
    public void GenmoveAnalyze_EndsWithPlayAndABlankLine_AndThePlayIsMade(string command)
    {
        using var zero = GtpProcess.Start("--playouts", "400");
        zero.Ok("boardsize 9");
        zero.Client.Send(command);
        Assert.Equal("=", zero.ReadUntil(_ => true, "the '='")[0]);
        List<string> lines = zero.ReadUntil(l => l.StartsWith("play ", StringComparison.Ordinal), "the play line");
        Assert.All(lines.SkipLast(1), l => Assert.StartsWith("info move", l, StringComparison.Ordinal));
        string vertex = lines[^1]["play ".Length..];
        Assert.Matches(Vertex(), vertex);
        Assert.Equal("", zero.ReadUntil(_ => true, "the closing blank line")[0]);
        Assert.Equal("illegal move", zero.Error($"play w {vertex}"));
    }

    [Fact]
    public void GoGuiAnalyzeCommands_EachListedCommandAnswers()
    {
        using var zero = GtpProcess.Start();
        zero.Ok("boardsize 9");
        zero.Ok("play b E5");
        string[] entries = zero.Ok("gogui-analyze_commands").Split('\n');
        Assert.All(entries, e => Assert.Equal(3, e.Split('/').Length));
        foreach (string entry in entries)
        {
            string command = entry.Split('/')[2].Replace("%p", "w", StringComparison.Ordinal);
            zero.Ok(command);
        }
        string[] rows = zero.Ok("zero-ownership").Split('\n');
        Assert.Equal(9, rows.Length);
        Assert.All(rows, r => Assert.Equal(9, r.Split(' ').Length));
        Assert.True(float.Parse(rows[4].Split(' ')[4], CultureInfo.InvariantCulture) > 0, "Black's stone on E5 is Black's");
    }

    [Fact]
    public void Options_LzSetoption_ChecksNameAndValue()
    {
        using var zero = GtpProcess.Start();
        zero.Ok("lz-setoption name Playouts value 50");
        Assert.Contains("unknown option", zero.Error("lz-setoption name Frobs value 1"), StringComparison.Ordinal);
        Assert.Contains("Threads", zero.Error("lz-setoption name Threads value 0"), StringComparison.Ordinal);
    }

    [Fact]
    public void QuitAndEndOfInput_ExitCleanly()
    {
        using (var zero = GtpProcess.Start())
        {
            GtpReplyAssert(zero.Ask("3 quit"), true, 3, "");
            Assert.True(zero.Client.WaitForExit(GtpProcess.Patience));
            Assert.Equal(0, zero.Client.ExitCode);
        }
        using (var zero = GtpProcess.Start())
        {
            zero.Ok("boardsize 9");
            zero.Client.CloseInput();
            Assert.True(zero.Client.WaitForExit(GtpProcess.Patience));
            Assert.Equal(0, zero.Client.ExitCode);
        }
    }
}
