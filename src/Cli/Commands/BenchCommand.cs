using System.CommandLine;

namespace Zero.Cli.Commands;

/// <summary>`zero bench ...`: the speed benchmarks, each printing stable figures (and `--json` where it says so).</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure speed: each subcommand prints figures and the reference they compare with.");
        foreach (Command sub in Subcommands())
        {
            bench.Subcommands.Add(sub);
        }
        return bench;
    }

    private static IEnumerable<Command> Subcommands()
    {
        yield return BenchPerftCommand.Create();
        yield return BenchSolverCommand.Create();
        yield return BenchNnCommand.Create();
        yield return BenchSearchCommand.Create();
        yield return BenchRlCommand.Create();
        yield return BenchGoCommand.Create();
    }
}
