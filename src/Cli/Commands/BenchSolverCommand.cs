using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Search.Baselines;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero bench solver`: solves every position of a labelled Connect Four file with a fresh
/// <see cref="ConnectFourSolver"/> and prints positions/s, nodes/s, the node count (a signature: it changes only
/// when the search changes) and how many positions agree with the labels (score and set of optimal columns, or
/// every column's value with --all-columns). Exit 1 when any position disagrees.
/// </summary>
internal static class BenchSolverCommand
{
    private const string DefaultFile = "data/connect4/positions_ply17-28.txt";

    public static Command Create()
    {
        var file = new Option<string?>("--file")
        {
            Description = $"Labelled positions file (MOVES SCORE OPTIMAL | V1..V7). Default: {DefaultFile} from the repository root",
        };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text" };
        var allColumns = new Option<bool>("--all-columns")
        {
            Description = "Solve every column's exact value (7 solves a position) and check all of them, not just the score and the optimal set",
        };
        var tableBits = new Option<int>("--table-bits")
        {
            Description = "Transposition table size as a power of two (8 bytes an entry; 23 = 64 MiB)",
            DefaultValueFactory = _ => 23,
        };
        var command = new Command("solver", "Connect Four solver speed and correctness on a labelled file (default: 400 positions, ply 17-28)")
        {
            file, json, allColumns, tableBits,
        };
        command.SetAction(parse =>
        {
            int bits = parse.GetValue(tableBits);
            if (bits is < 16 or > 30)
            {
                throw new UsageException($"--table-bits {bits} is out of range: use 16 to 30");
            }
            string path = parse.GetValue(file) ?? RepositoryRoot.Path(DefaultFile);
            return Run(path, parse.GetValue(allColumns), bits, parse.GetValue(json), parse.InvocationConfiguration.Output);
        });
        return command;
    }

    private static int Run(string path, bool allColumns, int tableBits, bool json, TextWriter output)
    {
        // 1. Load and solve with a fresh solver, so the node count is reproducible.
        IReadOnlyList<LabelledPosition> positions = LabelledPosition.ReadFile(path);
        var solver = new ConnectFourSolver(tableBits);
        var disagreements = new List<string>();
        Span<int> values = stackalloc int[ConnectFourPosition.Width];
        using var process = Process.GetCurrentProcess();
        TimeSpan cpuStart = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        foreach (LabelledPosition labelled in positions)
        {
            string? problem = allColumns ? CheckAllColumns(solver, labelled, values) : CheckOptimal(solver, labelled, values);
            if (problem is not null)
            {
                disagreements.Add($"{labelled.Moves}: {problem}");
            }
        }
        watch.Stop();
        process.Refresh();
        double cpuSeconds = (process.TotalProcessorTime - cpuStart).TotalSeconds;

        // 2. Report.
        double seconds = watch.Elapsed.TotalSeconds;
        int agree = positions.Count - disagreements.Count;
        var figures = new
        {
            file = Path.GetFullPath(path),
            mode = allColumns ? "all-columns" : "score-and-optimal",
            positions = positions.Count,
            agree,
            seconds = Math.Round(seconds, 3),
            positionsPerSecond = Math.Round(positions.Count / seconds, 1),
            nodes = solver.Nodes,
            nodesPerSecond = Math.Round(solver.Nodes / seconds),
            meanMicroseconds = Math.Round(seconds * 1e6 / Math.Max(1, positions.Count), 1),
            cpuSeconds = Math.Round(cpuSeconds, 3),
            nodesPerCpuSecond = Math.Round(solver.Nodes / Math.Max(cpuSeconds, 1e-9)),
        };
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(figures));
        }
        else
        {
            var c = CultureInfo.InvariantCulture;
            output.WriteLine($"solver bench: {figures.file} ({figures.mode})");
            output.WriteLine(string.Format(c, "positions      {0}, agree with the labels {1}/{0}", figures.positions, agree));
            output.WriteLine(string.Format(c, "time           {0:F3} s ({1:F1} µs a position)", seconds, figures.meanMicroseconds));
            output.WriteLine(string.Format(c, "positions/s    {0:F1}", figures.positionsPerSecond));
            output.WriteLine(string.Format(c, "nodes          {0} (signature: changes only when the search does)", solver.Nodes));
            output.WriteLine(string.Format(c, "nodes/s        {0:F0}", figures.nodesPerSecond));
            output.WriteLine(string.Format(c, "cpu time       {0:F3} s, {1:F0} nodes a cpu-second (steadier than wall time on a busy machine)",
                cpuSeconds, figures.nodesPerCpuSecond));
        }
        foreach (string d in disagreements.Take(10))
        {
            output.WriteLine($"disagrees: {d}");
        }
        if (disagreements.Count > 0)
        {
            throw new ZeroException($"the solver disagrees with the labels on {disagreements.Count} of {positions.Count} positions (first ones above): the search is wrong, or the file is");
        }
        return ZeroCli.Success;
    }

    private static string? CheckOptimal(ConnectFourSolver solver, LabelledPosition labelled, Span<int> columns)
    {
        int count = solver.OptimalColumns(labelled.Position, columns, out int score);
        if (score != labelled.Score)
        {
            return $"score {score}, label {labelled.Score}";
        }
        return columns[..count].SequenceEqual(labelled.OptimalColumns.ToArray())
            ? null
            : $"optimal columns {Columns(columns[..count])}, label {Columns(labelled.OptimalColumns.ToArray())}";
    }

    private static string? CheckAllColumns(ConnectFourSolver solver, LabelledPosition labelled, Span<int> values)
    {
        solver.SolveColumns(labelled.Position, values);
        for (int c = 0; c < ConnectFourPosition.Width; c++)
        {
            int? actual = values[c] == ConnectFourSolver.Unplayable ? null : values[c];
            if (actual != labelled.ColumnValues[c])
            {
                return $"column {c + 1} value {actual?.ToString(CultureInfo.InvariantCulture) ?? "x"}, label {labelled.ColumnValues[c]?.ToString(CultureInfo.InvariantCulture) ?? "x"}";
            }
        }
        return null;
    }

    private static string Columns(ReadOnlySpan<int> columns)
    {
        var parts = new string[columns.Length];
        for (int i = 0; i < columns.Length; i++)
        {
            parts[i] = (columns[i] + 1).ToString(CultureInfo.InvariantCulture);
        }
        return string.Join(',', parts);
    }
}
