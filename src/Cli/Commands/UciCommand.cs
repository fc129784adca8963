using System.CommandLine;
using Zero.Uci.Protocol;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero uci [--threads N --hash MB ...]`: the chess engine over UCI on standard input and output, for chess GUIs
/// (CuteChess, Arena, BanksiaGUI, Scid) and adapters such as polyglot. Every engine option is also a flag here,
/// generated from <see cref="EngineOptions"/>; `--options-doc` prints docs/options.md.
/// </summary>
internal static class UciCommand
{
    public static Command Create(CliContext context)
    {
        var flags = EngineOptions.All.Select(o => (Option: o, Flag: new Option<string>(o.CliFlag)
        {
            Description = $"UCI option {o.Name} ({o.RangeText}, default {(o.Default.Length == 0 ? "empty" : o.Default)}): {o.Description}",
        })).ToList();
        var doc = new Option<bool>("--options-doc") { Description = "Print the option table (docs/options.md) and exit." };
        var command = new Command("uci", "Run the chess engine over the UCI protocol on standard input and output (for chess GUIs).") { doc };
        foreach (var (_, flag) in flags)
        {
            command.Options.Add(flag);
        }
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(doc))
            {
                output.Write(EngineOptions.Markdown());
                return ZeroCli.Success;
            }
            var values = new OptionValues();
            foreach (var (option, flag) in flags)
            {
                string? value = parse.GetValue(flag);
                if (value is not null && !values.TrySet(option.Name, value, out string? error))
                {
                    throw new UsageException($"{flag.Name}: {error}");
                }
            }
            using var engine = new UciEngine(output, parse.InvocationConfiguration.Error, values);
            engine.Run(context.Input);
            return ZeroCli.Success;
        });
        return command;
    }
}
