using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;

namespace Zero.Search.Tests;

/// <summary>Parsed test positions, each with the reason it is interesting.</summary>
internal static class SearchTestPositions
{
    public static TicTacToePosition Ttt(string text)
    {
        Assert.True(TicTacToePosition.TryParsePosition(text, out var p, out string? error), error);
        return p;
    }

    public static ConnectFourPosition C4(string text)
    {
        Assert.True(ConnectFourPosition.TryParsePosition(text, out var p, out string? error), error);
        return p;
    }
}
