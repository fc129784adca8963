using System.CommandLine;
using Zero.Games;

namespace Zero.Cli;

/// <summary>
/// Builds the `zero` command tree and maps failures to exit codes: 0 success, 1 runtime failure (a
/// <see cref="ZeroException"/> or an unexpected error, reported in one line), 2 bad usage (a parse error,
/// reported with the command to run for help). Each subcommand lives in its own file under Commands/.
/// </summary>
public static class ZeroCli
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int BadUsage = 2;

    /// <summary>Parses and runs one command line, reading from the console's standard input.</summary>
    public static int Run(string[] args, TextWriter output, TextWriter error) =>
        Run(args, new CliContext(Console.In, EchoInput: Console.IsInputRedirected), output, error);

    /// <summary>Parses and runs one command line; interactive commands read <see cref="CliContext.Input"/> (tests pass a script).</summary>
    public static int Run(string[] args, CliContext context, TextWriter output, TextWriter error)
    {
        RootCommand root = BuildRoot(context);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors)
            {
                error.WriteLine($"zero: {e.Message}");
            }
            string path = string.Join(' ', CommandPath(parse.CommandResult.Command));
            error.WriteLine($"Run '{path} --help' to see the usage.");
            return BadUsage;
        }
        try
        {
            var config = new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false };
            return parse.Invoke(config);
        }
        catch (UsageException e)
        {
            error.WriteLine($"zero: {e.Message}");
            return BadUsage;
        }
        catch (ZeroException e)
        {
            error.WriteLine($"zero: {e.Message}");
            return Failure;
        }
        catch (OperationCanceledException)
        {
            error.WriteLine("zero: cancelled");
            return Failure;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"zero: {e.Message}");
            return Failure;
        }
        catch (Exception e)
        {
            // A bug, not a user error: one line by default, the stack trace when ZERO_DEBUG=1.
            error.WriteLine($"zero: unexpected error ({e.GetType().Name}): {e.Message}");
            error.WriteLine(Environment.GetEnvironmentVariable("ZERO_DEBUG") == "1"
                ? e.ToString()
                : "This is a bug in zero: please report it with the command line; ZERO_DEBUG=1 prints the stack trace.");
            return Failure;
        }
    }

    private static IEnumerable<string> CommandPath(Command command)
    {
        var names = new List<string>();
        for (Command? c = command; c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Add(c is RootCommand ? "zero" : c.Name);
        }
        names.Reverse();
        return names;
    }

    /// <summary>The full command tree, reading standard input.</summary>
    public static RootCommand BuildRoot() => BuildRoot(new CliContext(Console.In, EchoInput: Console.IsInputRedirected));

    /// <summary>The full command tree; one line per subcommand.</summary>
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "Zero: an AlphaZero-style game-AI engine. Learns games by self-play (train), plays them (play, uci), " +
            "analyses positions (analyze) and measures itself (bench).");
        foreach (Command command in CommandList.All(context))
        {
            root.Subcommands.Add(command);
        }
        return root;
    }
}

/// <summary>Thrown by a command for bad usage that the parser cannot see (an unknown game name, a bad value); exit code 2.</summary>
public sealed class UsageException(string message) : ZeroException(message);
