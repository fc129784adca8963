using System.CommandLine;
using System.Globalization;
using Zero.Arena.Engines;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero gtp-match --games 10 --gnugo-level 1`: complete Go games between `zero gtp` (a child process, as a GUI would
/// start it) and GNU Go over GTP, every move checked by Zero's rules as referee and accepted by the other engine, Zero
/// on a Canadian clock the referee keeps; prints each game and the score. An illegal move, a crash or a time loss by
/// Zero makes the exit code 1.
/// </summary>
internal static class GtpMatchCommand
{
    public static Command Create()
    {
        var games = new Option<int>("--games") { Description = "Games to play (Zero takes Black in the odd ones).", DefaultValueFactory = _ => 10 };
        var size = new Option<int>("--size") { Description = "Board size.", DefaultValueFactory = _ => 9 };
        var komi = new Option<double>("--komi") { Description = "Komi.", DefaultValueFactory = _ => 7 };
        var level = new Option<int>("--gnugo-level") { Description = "GNU Go's --level, 0 (weakest) to 10.", DefaultValueFactory = _ => 1 };
        var gnugo = new Option<string>("--gnugo") { Description = "The GNU Go program (default: gnugo on PATH or /usr/games/gnugo)." };
        var main = new Option<double>("--main-time") { Description = "Zero's main time in seconds.", DefaultValueFactory = _ => 60 };
        var byo = new Option<double>("--byoyomi") { Description = "Zero's Canadian byo-yomi block in seconds (0 with --stones 0: absolute time).", DefaultValueFactory = _ => 10 };
        var stones = new Option<int>("--stones") { Description = "Stones per byo-yomi block.", DefaultValueFactory = _ => 5 };
        var engine = new Option<string>("--engine") { Description = "Zero's command line (default: this zero program with 'gtp')." };
        var option = new Option<string[]>("--engine-option") { Description = "A `zero gtp` flag for Zero as name=value (repeatable), e.g. playouts=800." };
        var sgf = new Option<string>("--sgf") { Description = "Also write the games to this SGF file." };
        var command = new Command("gtp-match", "Play Go games between 'zero gtp' and GNU Go over GTP, checking every move and Zero's clock; prints the score.")
        {
            games, size, komi, level, gnugo, main, byo, stones, engine, option, sgf,
        };
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            int n = parse.GetValue(games);
            int lv = parse.GetValue(level);
            int sz = parse.GetValue(size);
            if (n < 1)
            {
                throw new UsageException($"--games {n}: give 1 or more games");
            }
            if (lv is < 0 or > 10)
            {
                throw new UsageException($"--gnugo-level {lv}: give 0 to 10");
            }
            if (sz is < 5 or > 19)
            {
                throw new UsageException($"--size {sz}: GNU Go plays 5 to 19");
            }
            var zeroCommand = new List<string>(EngineCommand(parse.GetValue(engine)));
            foreach (string pair in parse.GetValue(option) ?? [])
            {
                int eq = pair.IndexOf('=', StringComparison.Ordinal);
                if (eq <= 0)
                {
                    throw new UsageException($"--engine-option '{pair}': write name=value, e.g. playouts=800");
                }
                zeroCommand.Add("--" + pair[..eq].TrimStart('-'));
                zeroCommand.Add(pair[(eq + 1)..]);
            }
            string program = parse.GetValue(gnugo) ?? ExternalProgram.Require("gnugo", "apt-get install -y gnugo");
            var settings = new GtpMatchSettings(
                n, sz, parse.GetValue(komi), TimeSpan.FromSeconds(parse.GetValue(main)), TimeSpan.FromSeconds(parse.GetValue(byo)), parse.GetValue(stones),
                zeroCommand, [program, "--mode", "gtp", "--level", lv.ToString(CultureInfo.InvariantCulture), "--chinese-rules"], $"GNU Go level {lv}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"zero gtp-match: {n} games on {sz}x{sz}, komi {settings.Komi}, Zero on {settings.MainTime.TotalSeconds} s + {settings.ByoYomiStones} stones / {settings.ByoYomi.TotalSeconds} s, {settings.OpponentName}; Zero: {string.Join(' ', zeroCommand.Skip(1))}"));
            List<GtpGameRecord> records = new GtpMatch(settings, line =>
            {
                output.WriteLine(line);
                output.Flush();
            }).Run();
            int wins = records.Count(r => r.ZeroWon);
            int zeroFaults = records.Count(r => r.Fault is not null && r.ZeroFault);
            int otherFaults = records.Count(r => r.Fault is not null && !r.ZeroFault);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Score of Zero vs {settings.OpponentName}: {wins}/{records.Count} ({100.0 * wins / records.Count:F0} %)"));
            output.WriteLine($"Zero's illegal moves, crashes and time losses: {zeroFaults}; the opponent's: {otherFaults}");
            if (parse.GetValue(sgf) is { } path)
            {
                File.WriteAllText(path, string.Join('\n', records.Select(r => r.Sgf)));
                output.WriteLine($"Games written to {path}");
            }
            return zeroFaults == 0 ? ZeroCli.Success : ZeroCli.Failure;
        });
        return command;
    }

    private static string[] EngineCommand(string? given)
    {
        if (!string.IsNullOrWhiteSpace(given))
        {
            return given.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        }
        string process = Environment.ProcessPath ?? throw new ZeroException("cannot find this program's path: give --engine '<path to zero> gtp'");
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(GtpMatchCommand).Assembly.Location, "gtp"]
            : [process, "gtp"];
    }
}
