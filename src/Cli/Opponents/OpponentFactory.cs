using System.Globalization;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Evaluation;
using Zero.Search.Players;
using Zero.Network;
using Zero.SelfPlay.Matches;

namespace Zero.Cli.Opponents;

/// <summary>
/// Turns an opponent spec from the command line (`random`, `perfect`, `alphabeta:6`, `alphabeta:500ms`) into a
/// player for the chosen game. Used by `zero play` and `zero match`. To add an opponent kind, add one case to the switch
/// in <see cref="Create{TGame, TMove}"/> and one line to <see cref="Choices"/>.
/// </summary>
public static class OpponentFactory
{
    /// <summary>The spec forms accepted, as shown in help and error messages.</summary>
    public static IReadOnlyList<string> Choices { get; } =
    [
        "random",
        "perfect (tictactoe)",
        "alphabeta:DEPTH or alphabeta:TIMEms (connect4)",
        "mcts:PLAYOUTS (pure MCTS with random rollouts, any game)",
        "net, net:PLAYOUTS, net:FILE or net:FILE:PLAYOUTS (a trained network with MCTS; default the shipped weights/<game>.weights, 800 playouts)",
    ];

    /// <summary>Playouts per move of a `net` opponent when the spec gives none.</summary>
    public const int DefaultNetPlayouts = 800;

    /// <summary>The opponent used when none is given: the strongest ready-made one for the game.</summary>
    /// Where the repository ships a trained network for the game (weights/&lt;game&gt;.weights), that network is the default.
    public static string DefaultFor(string game) => ShippedNetworks.Find(game) is not null ? "net" : game switch
    {
        "tictactoe" => "perfect",
        "connect4" => "alphabeta:1000ms",
        "go9" => "mcts:2000",
        "go" or "go13" or "go25" => "mcts:800",
        _ => "random",
    };

    /// <summary>Creates the opponent described by <paramref name="spec"/> for the game <typeparamref name="TGame"/>.</summary>
    /// <exception cref="UsageException">The spec is unknown, malformed, or not available for this game.</exception>
    public static IPlayer<TGame, TMove> Create<TGame, TMove>(string spec, OpponentOptions options)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        string trimmed = spec.Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string kind = (colon < 0 ? trimmed : trimmed[..colon]).ToLowerInvariant();
        string? exact = colon < 0 ? null : trimmed[(colon + 1)..];
        string? argument = exact?.ToLowerInvariant();
        return kind switch
        {
            "random" => new RandomPlayer<TGame, TMove>(new Random(NoArgument(spec, argument, options.Seed))),
            "perfect" => Perfect<TGame, TMove>(spec, argument, options),
            "alphabeta" => AlphaBeta<TGame, TMove>(spec, argument),
            "mcts" => Mcts<TGame, TMove>(spec, argument, options),
            "net" => Net<TGame, TMove>(spec, exact, options),
            _ => throw Unknown(spec),
        };
    }

    private static UsageException Unknown(string spec) =>
        new($"unknown opponent '{spec}': choose {string.Join(", ", Choices)}");

    private static int NoArgument(string spec, string? argument, int seed) =>
        argument is null ? seed : throw new UsageException($"opponent '{spec}' takes no ':' argument: write just the name, e.g. 'random'");

    private static IPlayer<TGame, TMove> Perfect<TGame, TMove>(string spec, string? argument, OpponentOptions options)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        int seed = NoArgument(spec, argument, options.Seed);
        if (typeof(TGame) == typeof(TicTacToePosition))
        {
            return (IPlayer<TGame, TMove>)(object)new PerfectTicTacToePlayer(new Random(seed));
        }
        throw new UsageException($"opponent 'perfect' exists only for tictactoe; for {TGame.Name} choose {string.Join(", ", Choices.Where(c => !c.StartsWith("perfect", StringComparison.Ordinal)))}");
    }

    private static IPlayer<TGame, TMove> Mcts<TGame, TMove>(string spec, string? argument, OpponentOptions options)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        if (argument is null || !int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int playouts) || playouts < 1)
        {
            throw new UsageException($"bad opponent '{spec}': write mcts:PLAYOUTS, e.g. mcts:2000");
        }
        return MctsPlayer<TGame, TMove>.Rollout(playouts, options.Seed);
    }

    /// <summary>
    /// `net[:FILE][:PLAYOUTS]`: MCTS over a trained network, the most visited move every ply (no noise, no temperature).
    /// The file keeps its case; a last ':' part made of digits is the playout count.
    /// </summary>
    private static IPlayer<TGame, TMove> Net<TGame, TMove>(string spec, string? argument, OpponentOptions options)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        const string usage = "write net (the shipped network), net:PLAYOUTS, net:FILE or net:FILE:PLAYOUTS, e.g. net:runs/connect4/generations/gen-0100.weights:400";
        string? file = argument;
        int playouts = DefaultNetPlayouts;
        if (argument is not null)
        {
            int last = argument.LastIndexOf(':');
            string tail = argument[(last + 1)..];
            if (tail.Length > 0 && tail.All(char.IsAsciiDigit))
            {
                if (!int.TryParse(tail, NumberStyles.None, CultureInfo.InvariantCulture, out playouts) || playouts < 1)
                {
                    throw new UsageException($"bad opponent '{spec}': the playout count must be 1 or more; {usage}");
                }
                file = last < 0 ? null : argument[..last];
            }
            if (file is { Length: 0 })
            {
                throw new UsageException($"bad opponent '{spec}': {usage}");
            }
        }
        string path = file ?? ShippedNetworks.Find(TGame.Name)
            ?? throw new UsageException($"opponent '{spec}': there is no shipped network for {TGame.Name} (weights/{TGame.Name}.weights); {usage}");
        NetworkModel model = NetworkLoader.Load<TGame, TMove>(path);
        IEvaluator<TGame, TMove> evaluator = NetworkEvaluator.Create<TGame, TMove>(model);
        return NetworkPlayers.Create(evaluator, playouts, temperatureMoves: 0, searchBatch: 8, options.Seed,
            $"net:{Path.GetFileNameWithoutExtension(path)}:{playouts}");
    }

    private static IPlayer<TGame, TMove> AlphaBeta<TGame, TMove>(string spec, string? argument)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        if (typeof(TGame) != typeof(ConnectFourPosition))
        {
            throw new UsageException($"opponent 'alphabeta' exists only for connect4; for {TGame.Name} choose random or perfect");
        }
        const string usage = "write alphabeta:DEPTH (plies, 1-42, e.g. alphabeta:8) or alphabeta:TIMEms (e.g. alphabeta:500ms)";
        if (argument is null)
        {
            throw new UsageException($"opponent '{spec}' needs a depth or a time: {usage}");
        }
        AlphaBetaPlayer player;
        if (argument.EndsWith("ms", StringComparison.Ordinal)
            && int.TryParse(argument[..^2], NumberStyles.None, CultureInfo.InvariantCulture, out int milliseconds) && milliseconds > 0)
        {
            player = AlphaBetaPlayer.WithTime(TimeSpan.FromMilliseconds(milliseconds));
        }
        else if (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int depth) && depth is >= 1 and <= ConnectFourSolver.Cells)
        {
            player = AlphaBetaPlayer.WithDepth(depth);
        }
        else
        {
            throw new UsageException($"bad opponent '{spec}': {usage}");
        }
        return (IPlayer<TGame, TMove>)(object)player;
    }
}
