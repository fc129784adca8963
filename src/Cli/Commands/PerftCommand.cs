using System.CommandLine;
using System.Globalization;
using Zero.Cli.Validation;
using Zero.Games;
using Zero.Games.Chess;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero perft [--fen FEN] DEPTH [--divide] [--threads N]`: counts the leaves of the chess move tree, the way GUIs
/// and other engines print it (per-move counts with --divide, then a last line `Nodes searched: N`), so its output
/// can be diffed against Stockfish's `go perft`. The time and speed go to standard error to keep standard output
/// identical to other engines'.
/// </summary>
internal static class PerftCommand
{
    /// <summary>The deepest count accepted: far beyond what finishes (perft 15 from the start is 2·10^21 nodes), and a recursion depth that never nears the stack's limit.</summary>
    public const int MaxDepth = 20;

    /// <summary>From this depth on a warning says the count may take hours.</summary>
    private const int SlowDepth = 8;

    public static Command Create()
    {
        var depth = Checked.IntArgument("depth", "How many plies deep to count (the last ply is bulk-counted)", 1, MaxDepth);
        var fen = new Option<string>("--fen") { Description = "The position to count from, as FEN (default: the start position)." };
        var divide = new Option<bool>("--divide") { Description = "Print the count under each legal move first (\"e2e4: 9771\")." };
        var threads = Checked.Int("--threads", "Threads to share the root moves among (the counts are the same)", 1, 1, 256);
        var command = new Command("perft", "Count the leaf positions of the chess move tree to a depth (a move-generator check and speed test).")
        {
            depth, fen, divide, threads,
        };
        command.SetAction(parse =>
        {
            int d = parse.GetValue(depth);
            int t = parse.GetValue(threads);
            string text = parse.GetValue(fen) ?? Fen.StartPosition;
            if (!Fen.TryParse(text, out ChessBoard board, out string? error))
            {
                throw new UsageException($"--fen: {error}");
            }
            TextWriter output = parse.InvocationConfiguration.Output;
            if (d >= SlowDepth)
            {
                parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"perft {d}: the count grows about 30 times a ply (perft 7 from the start is 3.2 billion nodes); this may take hours, Ctrl+C stops it"));
            }
            long start = TimeProvider.System.GetTimestamp();
            long total;
            if (parse.GetValue(divide))
            {
                total = 0;
                foreach (var (move, nodes) in Perft.Divide(board, d, t))
                {
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{board.FormatUci(move)}: {nodes}"));
                    total += nodes;
                }
                output.WriteLine();
            }
            else
            {
                total = Perft.Run(board, d, t);
            }
            double seconds = TimeProvider.System.GetElapsedTime(start).TotalSeconds;
            parse.InvocationConfiguration.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"perft {d}: {seconds:F3} s, {total / Math.Max(seconds, 1e-9) / 1e6:F1} M nodes/s, {t} thread{(t == 1 ? "" : "s")}"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Nodes searched: {total}"));
            return ZeroCli.Success;
        });
        return command;
    }
}
