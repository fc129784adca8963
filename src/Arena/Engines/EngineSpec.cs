using System.Globalization;
using Zero.Arena.Participants;
using Zero.Games;

namespace Zero.Arena.Engines;

/// <summary>
/// One participant as the command line describes it, in fastchess's `key=value` words:
/// <c>name=</c>, <c>cmd=</c> (a program), <c>proto=uci|gtp</c>, <c>args=</c> (arguments, split at spaces),
/// <c>dir=</c> (working directory), <c>option.NAME=VALUE</c> (a `setoption`, repeatable), <c>tc=</c>, <c>st=</c>,
/// <c>nodes=</c>, <c>timemargin=</c> (milliseconds a clock may be overdrawn), <c>ping=</c> (seconds an engine has to
/// answer `isready` before it counts as stalled); or an internal player <c>player=SPEC</c> (`zero play`'s opponent
/// forms: random, perfect, alphabeta:4, mcts:800, net:400). `--each` gives keys every participant shares; a
/// participant's own keys win. Parsed by the arena command; <see cref="UciParticipant"/> starts what it describes.
/// </summary>
public sealed record EngineSpec
{
    /// <summary>The name reports use (default: the program's or the player's name).</summary>
    public required string Name { get; init; }

    /// <summary>The program to start, or null for an internal player.</summary>
    public string? Command { get; init; }

    /// <summary>The internal player's spec (`alphabeta:4`), or null for a program.</summary>
    public string? Player { get; init; }

    /// <summary>The protocol the program speaks.</summary>
    public EngineProtocol Protocol { get; init; } = EngineProtocol.Uci;

    /// <summary>Arguments for the program.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>The working directory of the program, or null for ours.</summary>
    public string? Directory { get; init; }

    /// <summary>The options to set, in order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Options { get; init; } = [];

    /// <summary>The search limit (clock, fixed time or nodes).</summary>
    public SearchLimit Limit { get; init; } = SearchLimit.Untimed;

    /// <summary>How far the clock may be overdrawn before a move is late (fastchess's timemargin, default 0).</summary>
    public TimeSpan Margin { get; init; } = TimeSpan.Zero;

    /// <summary>How long the engine has to answer `isready` (a stall after that).</summary>
    public TimeSpan Ping { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Parses the keys of <paramref name="each"/> then <paramref name="own"/> (later keys win; options accumulate,
    /// a later value of the same option replacing the earlier one).
    /// </summary>
    /// <exception cref="ZeroException">A key is unknown or a value malformed; the message names it and shows the form.</exception>
    public static EngineSpec Parse(IEnumerable<string> each, IEnumerable<string> own)
    {
        string? name = null, command = null, player = null, directory = null;
        EngineProtocol protocol = EngineProtocol.Uci;
        var arguments = new List<string>();
        var options = new List<KeyValuePair<string, string>>();
        SearchLimit limit = SearchLimit.Untimed;
        TimeSpan margin = TimeSpan.Zero, ping = TimeSpan.FromSeconds(10);
        foreach (string token in each.Concat(own))
        {
            int eq = token.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new ZeroException($"'{token}': write key=value (name=, cmd=, proto=, args=, dir=, option.NAME=, tc=, st=, nodes=, timemargin=, ping=, player=)");
            }
            string key = token[..eq].Trim(), value = token[(eq + 1)..];
            if (key.StartsWith("option.", StringComparison.Ordinal) && key.Length > "option.".Length)
            {
                string option = key["option.".Length..];
                options.RemoveAll(o => string.Equals(o.Key, option, StringComparison.OrdinalIgnoreCase));
                options.Add(new(option, value));
                continue;
            }
            switch (key)
            {
                case "name": name = value; break;
                case "cmd": command = value; break;
                case "player": player = value; break;
                case "dir": directory = value; break;
                case "args": arguments = [.. value.Split(' ', StringSplitOptions.RemoveEmptyEntries)]; break;
                case "proto":
                    protocol = value.ToLowerInvariant() switch
                    {
                        "uci" => EngineProtocol.Uci,
                        "gtp" => EngineProtocol.Gtp,
                        _ => throw new ZeroException($"proto={value}: write proto=uci (chess) or proto=gtp (Go)"),
                    };
                    break;
                case "tc":
                    if (value is "inf" or "infinite")
                    {
                        limit = limit with { Base = null, Increment = TimeSpan.Zero, MovesPerPeriod = 0 };
                        break;
                    }
                    if (!SearchLimit.TryParseTimeControl(value, out SearchLimit clock, out string? error))
                    {
                        throw new ZeroException(error!);
                    }
                    limit = limit with { Base = clock.Base, Increment = clock.Increment, MovesPerPeriod = clock.MovesPerPeriod };
                    break;
                case "st":
                    limit = limit with { MoveTime = TimeSpan.FromSeconds(Positive(key, value, "st=0.5 (seconds per move)")) };
                    break;
                case "nodes":
                    if (!long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out long nodes) || nodes < 1)
                    {
                        throw new ZeroException($"nodes={value}: give a whole number of 1 or more, e.g. nodes=10000");
                    }
                    limit = limit with { Nodes = nodes };
                    break;
                case "timemargin":
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out int ms))
                    {
                        throw new ZeroException($"timemargin={value}: give milliseconds, e.g. timemargin=50");
                    }
                    margin = TimeSpan.FromMilliseconds(ms);
                    break;
                case "ping":
                    ping = TimeSpan.FromSeconds(Positive(key, value, "ping=10 (seconds)"));
                    break;
                default:
                    throw new ZeroException($"unknown key '{key}' in '{token}': use name=, cmd=, proto=uci|gtp, args=, dir=, option.NAME=VALUE, tc=, st=, nodes=, timemargin=, ping= or player=");
            }
        }
        if ((command is null) == (player is null))
        {
            throw new ZeroException($"participant '{string.Join(' ', own)}': give either cmd=PROGRAM (an engine) or player=SPEC (an internal player such as alphabeta:4)");
        }
        if (command is not null && limit.Base is null && limit.MoveTime is null && limit.Nodes is null)
        {
            throw new ZeroException($"engine '{name ?? command}': give it a limit, e.g. tc=10+0.1, st=1 or nodes=10000 (with --each for all engines)");
        }
        return new EngineSpec
        {
            Name = name ?? (command is not null ? Path.GetFileNameWithoutExtension(command) : player!),
            Command = command,
            Player = player,
            Protocol = protocol,
            Arguments = arguments,
            Directory = directory,
            Options = options,
            Limit = limit,
            Margin = margin,
            Ping = ping,
        };
    }

    private static double Positive(string key, string value, string example) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out double x) && x > 0 && !double.IsInfinity(x)
            ? x
            : throw new ZeroException($"{key}={value}: give a positive number, e.g. {example}");
}
