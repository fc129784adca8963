using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero bench perft [--json]`: move-generation speed in nodes per second for perft 6 from the start position and
/// perft 5 from Kiwipete, single-threaded, and, when Stockfish is installed, Stockfish's own `go perft` on the same
/// positions in the same run (driven over stdin, timed from the command to its `Nodes searched` line), with the
/// ratio. The node counts double as a signature: they must equal the published numbers and Stockfish's.
/// </summary>
internal static class BenchPerftCommand
{
    private static readonly (string Name, string Fen, int Depth, long Expected)[] Cases =
    [
        ("startpos", Fen.StartPosition, 6, 119_060_324),
        ("kiwipete", "r3k2r/p1ppqpb1/bn2pnp1/3PN3/1p2P3/2N2Q1p/PPPBBPPP/R3K2R w KQkq - 0 1", 5, 193_690_690),
    ];

    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the figures as one JSON object instead of a table." };
        var stockfish = new Option<string>("--stockfish")
        {
            Description = "Path of the Stockfish binary to compare with (default: 'stockfish' on PATH, then /usr/games/stockfish; 'none' to skip).",
        };
        var repeat = new Option<int>("--repeat")
        {
            Description = "Time each count this many times and keep the fastest (default 1).",
            DefaultValueFactory = _ => 1,
        };
        var threads = new Option<int>("--threads")
        {
            Description = "Also time Zero with this many threads over the root moves (default 1: single-threaded only).",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("perft", "Chess move-generation speed (perft 6 start position, perft 5 Kiwipete), side by side with Stockfish's go perft.")
        {
            json, stockfish, repeat, threads,
        };
        command.SetAction(parse =>
        {
            int repeats = parse.GetValue(repeat);
            int t = parse.GetValue(threads);
            if (repeats < 1 || t < 1)
            {
                throw new UsageException("--repeat and --threads take 1 or more");
            }
            string? sfPath = FindStockfish(parse.GetValue(stockfish));
            TextWriter output = parse.InvocationConfiguration.Output;
            bool asJson = parse.GetValue(json);

            // warm-up: let the JIT compile the generator at full optimisation before timing
            Perft.Count(ChessBoard.Start, 4);

            var rows = new List<Row>();
            using StockfishPerft? sf = sfPath is null ? null : StockfishPerft.Start(sfPath);
            foreach (var (name, fen, depth, expected) in Cases)
            {
                Fen.TryParse(fen, out ChessBoard board, out _);
                (long nodes, double seconds) = Best(repeats, () => Perft.Run(board, depth, 1));
                if (nodes != expected)
                {
                    throw new ZeroException($"perft {depth} of {name} counted {nodes} instead of {expected}: the move generator is broken");
                }
                double? threaded = null;
                if (t > 1)
                {
                    threaded = Best(repeats, () => Perft.Run(board, depth, t)).Seconds;
                }
                double? sfSeconds = null;
                if (sf is not null)
                {
                    (long sfNodes, double s) = Best(repeats, () => sf.Run(fen, depth));
                    if (sfNodes != expected)
                    {
                        throw new ZeroException($"Stockfish counted {sfNodes} for perft {depth} of {name}, expected {expected}");
                    }
                    sfSeconds = s;
                }
                rows.Add(new Row(name, depth, nodes, seconds, threaded, sfSeconds));
            }
            string attacks = Attacks.UsesPext ? "PEXT" : "magic";
            if (asJson)
            {
                var doc = new
                {
                    bench = "perft",
                    attacks,
                    threads = t,
                    stockfish = sf?.Version,
                    positions = rows.Select(r => new
                    {
                        name = r.Name,
                        depth = r.Depth,
                        nodes = r.Nodes,
                        seconds = r.Seconds,
                        nodesPerSecond = r.Nodes / r.Seconds,
                        threadedSeconds = r.ThreadedSeconds,
                        stockfishSeconds = r.StockfishSeconds,
                        stockfishNodesPerSecond = r.StockfishSeconds is double s ? r.Nodes / s : (double?)null,
                        ratio = r.StockfishSeconds is double s2 ? s2 / r.Seconds : (double?)null,
                    }),
                };
                output.WriteLine(JsonSerializer.Serialize(doc));
                return ZeroCli.Success;
            }
            output.WriteLine($"perft speed, single thread, {attacks} sliding attacks, best of {repeats}");
            output.WriteLine(sf is null
                ? "Stockfish: not found (apt-get install stockfish, or --stockfish PATH) - no comparison"
                : $"Stockfish: {sf.Version} ({sfPath})");
            output.WriteLine();
            output.WriteLine($"{"position",-10} {"depth",5} {"nodes",13} {"zero s",8} {"zero Mn/s",10} {"sf s",8} {"sf Mn/s",8} {"zero/sf",8}" +
                             (t > 1 ? $" {$"zero x{t} Mn/s",14}" : ""));
            foreach (Row r in rows)
            {
                string sfCols = r.StockfishSeconds is double s
                    ? string.Create(CultureInfo.InvariantCulture, $"{s,8:F3} {r.Nodes / s / 1e6,8:F1} {s / r.Seconds,8:F2}")
                    : $"{"-",8} {"-",8} {"-",8}";
                string threadedCol = r.ThreadedSeconds is double ts
                    ? string.Create(CultureInfo.InvariantCulture, $" {r.Nodes / ts / 1e6,14:F1}")
                    : "";
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Name,-10} {r.Depth,5} {r.Nodes,13:N0} {r.Seconds,8:F3} {r.Nodes / r.Seconds / 1e6,10:F1} ") + sfCols + threadedCol);
            }
            return ZeroCli.Success;
        });
        return command;
    }

    private static (long Nodes, double Seconds) Best(int repeats, Func<long> run)
    {
        long nodes = 0;
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            long start = TimeProvider.System.GetTimestamp();
            nodes = run();
            best = Math.Min(best, TimeProvider.System.GetElapsedTime(start).TotalSeconds);
        }
        return (nodes, best);
    }

    private static string? FindStockfish(string? given)
    {
        if (given is "none")
        {
            return null;
        }
        if (given is not null)
        {
            return File.Exists(given) ? given : throw new UsageException($"--stockfish {given}: no such file");
        }
        return ExternalProgram.Find("stockfish");
    }

    private sealed record Row(string Name, int Depth, long Nodes, double Seconds, double? ThreadedSeconds, double? StockfishSeconds);

    /// <summary>A Stockfish process driven over stdin for `go perft`; the time runs from the command to `Nodes searched`.</summary>
    private sealed class StockfishPerft : IDisposable
    {
        private readonly Process _process;

        private StockfishPerft(Process process, string version)
        {
            _process = process;
            Version = version;
        }

        public string Version { get; }

        public static StockfishPerft Start(string path)
        {
            var info = new ProcessStartInfo(path)
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            Process process;
            try
            {
                process = Process.Start(info) ?? throw new ZeroException($"could not start {path}");
            }
            catch (System.ComponentModel.Win32Exception e)
            {
                throw new ZeroException($"could not start Stockfish at {path}: {e.Message} (use --stockfish PATH or --stockfish none)");
            }
            process.StandardInput.WriteLine("uci");
            string version = "Stockfish";
            for (string? line; (line = process.StandardOutput.ReadLine()) != "uciok";)
            {
                if (line is null)
                {
                    throw new ZeroException($"{path} closed before answering 'uci': is it a UCI engine?");
                }
                if (line.StartsWith("id name ", StringComparison.Ordinal))
                {
                    version = line[8..];
                }
            }
            var sf = new StockfishPerft(process, version);
            sf.Send("isready", "readyok");
            return sf;
        }

        private void Send(string command, string until)
        {
            _process.StandardInput.WriteLine(command);
            for (string? line; (line = _process.StandardOutput.ReadLine()) != until;)
            {
                if (line is null)
                {
                    throw new ZeroException($"Stockfish closed while waiting for '{until}'");
                }
            }
        }

        public long Run(string fen, int depth)
        {
            _process.StandardInput.WriteLine($"position fen {fen}");
            Send("isready", "readyok");
            _process.StandardInput.WriteLine(string.Create(CultureInfo.InvariantCulture, $"go perft {depth}"));
            for (string? line; (line = _process.StandardOutput.ReadLine()) is not null;)
            {
                if (line.StartsWith("Nodes searched:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(15).Trim(), CultureInfo.InvariantCulture);
                }
            }
            throw new ZeroException("Stockfish closed during go perft");
        }

        public void Dispose()
        {
            try
            {
                _process.StandardInput.WriteLine("quit");
                if (!_process.WaitForExit(2000))
                {
                    _process.Kill();
                }
            }
            catch (IOException)
            {
                // the process is already gone
            }
            _process.Dispose();
        }
    }
}
