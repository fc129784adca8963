namespace Zero.Games;

/// <summary>
/// Called back with a game's concrete types. Command-line code that receives a game name as text uses
/// <see cref="GameCatalog.Dispatch{TResult}"/> to get back into fully generic, JIT-specialised code.
/// </summary>
public interface IGameVisitor<out TResult>
{
    TResult Visit<TGame, TMove>()
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>;
}

/// <summary>The games Zero knows by name; the one place a new game is registered.</summary>
public static class GameCatalog
{
    /// <summary>The game names accepted on the command line, in the order they are listed in help.</summary>
    public static IReadOnlyList<string> Names { get; } = ["tictactoe", "connect4", "chess", "go", "go9", "go13", "go25"];

    /// <summary>Calls <paramref name="visitor"/> with the types of the game called <paramref name="name"/>.</summary>
    /// <exception cref="ZeroException">The name is not a known game.</exception>
    public static TResult Dispatch<TResult>(string name, IGameVisitor<TResult> visitor) => Normalize(name) switch
    {
        "tictactoe" => visitor.Visit<TicTacToe.TicTacToePosition, TicTacToe.TicTacToeMove>(),
        "connect4" => visitor.Visit<ConnectFour.ConnectFourPosition, ConnectFour.ConnectFourMove>(),
        "chess" => visitor.Visit<Chess.ChessPosition, Chess.ChessMove>(),
        "go" => visitor.Visit<Go.GoPosition<Go.Go19>, Go.GoMove>(),
        "go9" => visitor.Visit<Go.GoPosition<Go.Go9>, Go.GoMove>(),
        "go13" => visitor.Visit<Go.GoPosition<Go.Go13>, Go.GoMove>(),
        "go25" => visitor.Visit<Go.GoPosition<Go.Go25>, Go.GoMove>(),
        _ => throw new ZeroException($"unknown game '{name}': choose one of {string.Join(", ", Names)}"),
    };

    /// <summary>True when <paramref name="name"/> (or an accepted alias) names a game.</summary>
    public static bool IsKnown(string name) => Names.Contains(Normalize(name));

    /// <summary>Maps accepted aliases ("ttt", "c4", "connectfour") to the canonical name.</summary>
    public static string Normalize(string name) => name.Trim().ToLowerInvariant() switch
    {
        "ttt" or "tic-tac-toe" => "tictactoe",
        "c4" or "connectfour" or "connect-four" => "connect4",
        "go19" or "baduk" or "weiqi" => "go",
        var other => other,
    };
}
