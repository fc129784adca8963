using System.Globalization;
using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Baselines;
using Zero.Search.Players;

namespace Zero.SelfPlay.Matches;

/// <summary>
/// Builds the fixed evaluation opponents named in a run config ("random", "perfect" for tic-tac-toe,
/// "alphabeta:DEPTH" for Connect Four) for the evaluation stage of the training loop. Unknown or unsuitable names
/// are refused with the valid choices, so a config error shows before training starts.
/// </summary>
public static class Baselines
{
    /// <summary>Checks a baseline name for game <typeparamref name="TGame"/>; null when valid, else the reason.</summary>
    public static string? Check<TGame, TMove>(string spec)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        try
        {
            Create<TGame, TMove>(spec, 0, probeOnly: true);
            return null;
        }
        catch (ZeroException e)
        {
            return e.Message;
        }
    }

    /// <summary>Creates the opponent called <paramref name="spec"/>, seeded with <paramref name="seed"/> where it is random.</summary>
    /// <exception cref="ZeroException">The name is unknown or does not fit the game.</exception>
    public static IPlayer<TGame, TMove> Create<TGame, TMove>(string spec, int seed)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove> =>
        Create<TGame, TMove>(spec, seed, probeOnly: false)!;

    private static IPlayer<TGame, TMove>? Create<TGame, TMove>(string spec, int seed, bool probeOnly)
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        string s = spec.Trim().ToLowerInvariant();
        string choices = typeof(TGame) == typeof(TicTacToePosition) ? "random, perfect"
            : typeof(TGame) == typeof(ConnectFourPosition) ? "random, alphabeta:DEPTH (1-20)"
            : "random";
        if (s == "random")
        {
            return probeOnly ? null : new RandomPlayer<TGame, TMove>(new Random(seed));
        }
        if (s == "perfect" && typeof(TGame) == typeof(TicTacToePosition))
        {
            return probeOnly ? null : (IPlayer<TGame, TMove>)(object)new PerfectTicTacToePlayer(new Random(seed), SharedSolver.Value);
        }
        if (s.StartsWith("alphabeta:", StringComparison.Ordinal) && typeof(TGame) == typeof(ConnectFourPosition))
        {
            if (!int.TryParse(s["alphabeta:".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int depth) || depth is < 1 or > 20)
            {
                throw new ZeroException($"baseline '{spec}': the depth must be a whole number from 1 to 20 (alphabeta:4)");
            }
            return probeOnly ? null : (IPlayer<TGame, TMove>)(object)AlphaBetaPlayer.WithDepth(depth);
        }
        throw new ZeroException($"unknown baseline '{spec}' for {TGame.Name}: choose from {choices}");
    }

    private static readonly Lazy<TicTacToeSolver> SharedSolver = new(() => new TicTacToeSolver());
}
