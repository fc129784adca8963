using System.CommandLine;
using Zero.Uci.Gtp;
using Zero.Uci.Protocol;

namespace Zero.Cli.Commands;

/// <summary>
/// `zero gtp [--playouts N --threads N ...]`: the Go engine over GTP v2 on standard input and output, for Go GUIs
/// (Sabaki, GoGui, Lizzie), kgsGtp and engine matches (GNU Go). Every option is also a flag here, generated from
/// <see cref="GtpOptions"/>; `--options-doc` prints docs/gtp-options.md. Logs go to standard error.
/// </summary>
internal static class GtpCommand
{
    public static Command Create(CliContext context)
    {
        var flags = GtpOptions.All.Select(o => (Option: o, Flag: new Option<string>(o.CliFlag)
        {
            Description = $"{o.RangeText}, default {(o.Default.Length == 0 ? "empty" : o.Default)}: {o.Description}",
        })).ToList();
        var doc = new Option<bool>("--options-doc") { Description = "Print the option table (docs/gtp-options.md) and exit." };
        var command = new Command("gtp", "Run the Go engine over GTP v2 on standard input and output (for Go GUIs: Sabaki, GoGui, Lizzie).") { doc };
        foreach (var (_, flag) in flags)
        {
            command.Options.Add(flag);
        }
        command.SetAction(parse =>
        {
            TextWriter output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(doc))
            {
                output.Write(GtpOptions.Markdown());
                return ZeroCli.Success;
            }
            var values = new OptionValues(GtpOptions.All);
            foreach (var (option, flag) in flags)
            {
                string? value = parse.GetValue(flag);
                if (value is not null && !values.TrySet(option.Name, value, out string? error))
                {
                    throw new UsageException($"{flag.Name}: {error}");
                }
            }
            using var engine = new GtpEngine(output, parse.InvocationConfiguration.Error, values);
            engine.Run(context.Input);
            return ZeroCli.Success;
        });
        return command;
    }
}
