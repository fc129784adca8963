namespace Zero.Cli;

/// <summary>
/// What a command may need from its surroundings beyond its arguments: the input an interactive command reads
/// (standard input, or a script in tests). Built once by <see cref="ZeroCli.Run(string[], CliContext, TextWriter, TextWriter)"/>
/// and handed to the commands that want it through <see cref="CommandList.All"/>.
/// </summary>
/// <param name="Input">Where interactive commands (`zero play`) read lines from.</param>
/// <param name="EchoInput">True when the input is not typed at a terminal: commands echo each line read after the prompt, so a
/// scripted transcript reads like a typed one.</param>
public sealed record CliContext(TextReader Input, bool EchoInput = true);
