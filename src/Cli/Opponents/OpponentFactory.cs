using System.Globalization;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Players;

namespace Zero.Cli.Opponents;

/// <summary>
/// Turns an opponent spec from the command line (`random`, `perfect`, `alphabeta:6`, `alphabeta:500ms`) into a
/// player for the chosen game. Used by `zero play` and later by the arena. To add an opponent kind (`mcts:N`,
/// `net:FILE`), add one case to the switch in <see cref="Create{TGame, TMove}"/> and one line to <see cref="Choices"/>.
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
    ];

    /// <summary>The opponent used when none is given: the strongest ready-made one for the game.</summary>
    public static string DefaultFor(string game) => game switch
    {
        "tictactoe" => "perfect",
        "connect4" => "alphabeta:1000ms",
        _ => "random",
    };

    /// <summary>Creates the opponent described by <paramref name="spec"/> for the game <typeparamref name="TGame"/>.</summary>
    /// <exception cref="UsageException">The spec is unknown, malformed, or not available for this game.</exception>
    public static IPlayer<TGame, TMove> Create<TGame, TMove>(string spec, OpponentOptions options)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        string trimmed = spec.Trim().ToLowerInvariant();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string kind = colon < 0 ? trimmed : trimmed[..colon];
        string? argument = colon < 0 ? null : trimmed[(colon + 1)..];
        return kind switch
        {
            "random" => new RandomPlayer<TGame, TMove>(new Random(NoArgument(spec, argument, options.Seed))),
            "perfect" => Perfect<TGame, TMove>(spec, argument, options),
            "alphabeta" => AlphaBeta<TGame, TMove>(spec, argument),
            "mcts" => Mcts<TGame, TMove>(spec, argument, options),
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
