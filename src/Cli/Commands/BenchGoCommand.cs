using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Zero.Games.Go;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero bench go [--seconds S] [--json]`: random-playout speed of the Go rules on 9×9 and 19×19, one thread.
/// Each playout starts from the empty board and plays uniformly random legal moves that do not fill the
/// player's own one-point eyes until two passes (<see cref="GoPlayout"/>), then counts the area score. The
/// first 1,000 playouts from seed 1 give a signature (moves played, Black wins at komi 7.5) that must not
/// change when the code is only made faster.
/// </summary>
internal static class BenchGoCommand
{
    private const int SignaturePlayouts = 1000;

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object instead of a table." };
        var seconds = new Option<double>("--seconds")
        {
            Description = "Time each board size for this many seconds (default 3).",
            DefaultValueFactory = _ => 3.0,
        };
        var command = new Command("go", "Go random-playout speed (playouts/s on 9x9 and 19x19, one thread) and a move-count signature.")
        {
            json, seconds,
        };
        command.SetAction(parse =>
        {
            double limit = parse.GetValue(seconds);
            if (!(limit > 0 && limit <= 600))
            {
                throw new UsageException("--seconds takes a number above 0 and at most 600");
            }
            TextWriter output = parse.InvocationConfiguration.Output;
            var rows = new List<Row>();
            foreach (int size in new[] { 9, 19 })
            {
                Measure(size, 0.2); // warm-up: tier-1 JIT of the playout loop
                (long moves, int blackWins) = Signature(size);
                (long playouts, long played, double elapsed, double cpu) = Measure(size, limit);
                rows.Add(new Row(size, playouts, played, elapsed, cpu, moves, blackWins));
            }
            if (parse.GetValue(json))
            {
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    bench = "go",
                    threads = 1,
                    boards = rows.Select(r => new
                    {
                        size = r.Size,
                        playouts = r.Playouts,
                        seconds = r.Seconds,
                        playoutsPerSecond = r.Playouts / r.Seconds,
                        cpuSeconds = r.CpuSeconds,
                        playoutsPerCpuSecond = r.Playouts / r.CpuSeconds,
                        movesPerSecond = r.Moves / r.Seconds,
                        signatureMoves = r.SignatureMoves,
                        signatureBlackWins = r.SignatureBlackWins,
                    }),
                }));
                return ZeroCli.Success;
            }
            output.WriteLine("Go random playouts (uniform legal moves, no own-eye filling, until two passes), one thread");
            output.WriteLine("(playouts/cpu-s divides by the process's CPU time: on a busy machine it shows what one core does)");
            output.WriteLine();
            output.WriteLine($"{"board",6} {"playouts",10} {"seconds",8} {"playouts/s",11} {"playouts/cpu-s",15} {"moves/s",11}   signature (1000 playouts from seed 1)");
            foreach (Row r in rows)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{$"{r.Size}x{r.Size}",6} {r.Playouts,10:N0} {r.Seconds,8:F2} {r.Playouts / r.Seconds,11:N0} {r.Playouts / r.CpuSeconds,15:N0} {r.Moves / r.Seconds,11:N0}   {r.SignatureMoves} moves, Black won {r.SignatureBlackWins}"));
            }
            return ZeroCli.Success;
        });
        return command;
    }

    private static (long Moves, int BlackWins) Signature(int size)
    {
        var random = new GoRandom(1);
        var empty = new GoBoard(size);
        long moves = 0;
        int blackWins = 0;
        for (int i = 0; i < SignaturePlayouts; i++)
        {
            GoBoard board = empty.Clone();
            moves += GoPlayout.Run(board, ref random, 3 * size * size);
            (int black, int white) = board.AreaScore();
            if (black - white - 7.5 > 0) blackWins++;
        }
        return (moves, blackWins);
    }

    private static (long Playouts, long Moves, double Seconds, double CpuSeconds) Measure(int size, double seconds)
    {
        var random = new GoRandom(2);
        var empty = new GoBoard(size);
        GoBoard board = empty.Clone();
        long playouts = 0, moves = 0;
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        TimeSpan cpuStart = process.TotalProcessorTime;
        long start = TimeProvider.System.GetTimestamp();
        double elapsed;
        do
        {
            for (int i = 0; i < 64; i++)
            {
                board.CopyFrom(empty);
                moves += GoPlayout.Run(board, ref random, 3 * size * size);
                board.AreaScore();
                playouts++;
            }
            elapsed = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
        }
        while (elapsed < seconds);
        process.Refresh();
        double cpu = (process.TotalProcessorTime - cpuStart).TotalSeconds;
        return (playouts, moves, elapsed, cpu);
    }

    private sealed record Row(int Size, long Playouts, long Moves, double Seconds, double CpuSeconds, long SignatureMoves, int SignatureBlackWins);
}
