using System.CommandLine;
using Zero.Cli;

// Entry point of the `zero` command. Exit codes: 0 success, 1 runtime failure, 2 bad usage.
return ZeroCli.Run(args, Console.Out, Console.Error);
