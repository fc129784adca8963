using System.CommandLine;
using Zero.Cli.Commands;

namespace Zero.Cli;

/// <summary>The subcommands of `zero`, in the order `zero --help` lists them. Register a new command here.</summary>
internal static class CommandList
{
    public static IEnumerable<Command> All()
    {
        yield return BenchCommand.Create();
        yield return RlCommand.Create();
    }
}
