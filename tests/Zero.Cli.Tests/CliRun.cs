namespace Zero.Cli.Tests;

/// <summary>Runs `zero` in-process with a scripted standard input and captures what it prints.</summary>
internal static class CliRun
{
    public static (int ExitCode, string Output, string Error) Run(string input, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = ZeroCli.Run(args, new CliContext(new StringReader(input)), output, error);
        return (code, output.ToString(), error.ToString());
    }
}
