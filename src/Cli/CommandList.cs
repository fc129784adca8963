using System.CommandLine;
using Zero.Cli.Commands;

namespace Zero.Cli;

/// <summary>The subcommands of `zero`, in the order `zero --help` lists them. Register a new command here.</summary>
internal static class CommandList
{
    public static IEnumerable<Command> All(CliContext context)
    {
        yield return TrainCommand.Create();
        yield return PlayCommand.Create(context);
        yield return AnalyzeCommand.Create(context);
        yield return EvalCommand.Create();
        yield return MatchCommand.Create();
        yield return ArenaCommand.Create();
        yield return BenchCommand.Create();
        yield return PerftCommand.Create();
        yield return UciCommand.Create(context);
        yield return UciMatchCommand.Create();
        yield return GtpCommand.Create(context);
        yield return GtpMatchCommand.Create();
        yield return RlCommand.Create();
    }
}
