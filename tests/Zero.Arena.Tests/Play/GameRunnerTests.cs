using Zero.Games;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;
using Zero.Search.Players;
using Zero.Arena.Play;

namespace Zero.Arena.Tests.Play;

public class GameRunnerTests
{
    /// <summary>Plays the lowest legal action, or the moves of a script in order.</summary>
    private sealed class ScriptedPlayer<TGame, TMove>(string name, params string[] script) : IPlayer<TGame, TMove>
        where TGame : struct, IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        private int _next;
        public int NewGames { get; private set; }
        public string Name => name;

        public void NewGame()
        {
            NewGames++;
            _next = 0;
        }

        public TMove ChooseMove(TGame position, CancellationToken cancellation = default)
        {
            if (_next < script.Length)
            {
                Assert.True(position.TryParseMove(script[_next++], out TMove scripted, out string? error), error);
                return scripted;
            }
            var moves = new TMove[TGame.MaxMoves];
            position.GenerateMoves(moves);
            return moves[0];
        }
    }

    [Fact]
    public void Play_FirstPlayerCompletesTopRow_FirstPlayerWins()
    {
        var x = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("x", "1", "2", "3");
        var o = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("o", "4", "5");
        PlayedGame<TicTacToePosition, TicTacToeMove> game = GameRunner.Play(x, o, TicTacToePosition.Initial);
        Assert.Equal(1, game.FirstPlayerResult);
        Assert.Equal(5, game.Moves.Count);
        Assert.False(game.Truncated);
        Assert.Equal(1, x.NewGames);
        Assert.Equal(1, o.NewGames);
    }

    [Fact]
    public void Play_SecondPlayerWins_ResultIsLossForFirst()
    {
        var first = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("a", "1", "2", "9");
        var second = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("b", "4", "5", "6");
        Assert.Equal(-1, GameRunner.Play(first, second, TicTacToePosition.Initial).FirstPlayerResult);
    }

    [Fact]
    public void Play_FromPositionWithSecondPlayerToMove_ResultCountsForWhoeverMovesFirst()
    {
        Assert.True(TicTacToePosition.TryParsePosition("15", out TicTacToePosition start, out _));
        // X to move at "15"... after two plies X is to move again; use a position with O to move instead.
        Assert.True(TicTacToePosition.TryParsePosition("154", out start, out _));
        var o = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("o", "6", "3", "7");
        var x = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("x", "2", "8");
        PlayedGame<TicTacToePosition, TicTacToeMove> game = GameRunner.Play(o, x, start);
        Assert.Equal(1, game.FirstPlayerResult); // O (first to move here) completes 3-5-7.
    }

    [Fact]
    public void Play_PlyLimit_TruncatedDraw()
    {
        var a = new ScriptedPlayer<ConnectFourPosition, ConnectFourMove>("a");
        var b = new ScriptedPlayer<ConnectFourPosition, ConnectFourMove>("b");
        PlayedGame<ConnectFourPosition, ConnectFourMove> game = GameRunner.Play(a, b, ConnectFourPosition.Initial, maxPlies: 5);
        Assert.True(game.Truncated);
        Assert.Equal(0, game.FirstPlayerResult);
        Assert.Equal(5, game.Moves.Count);
    }

    [Fact]
    public void Play_IllegalMove_ThrowsNamingThePlayer()
    {
        var bad = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("bad", "1");
        var illegal = new IllegalPlayer();
        var e = Assert.Throws<InvalidOperationException>(() => GameRunner.Play(bad, illegal, TicTacToePosition.Initial));
        Assert.Contains("illegal", e.Message);
        Assert.Contains("cheat", e.Message);
    }

    private sealed class IllegalPlayer : IPlayer<TicTacToePosition, TicTacToeMove>
    {
        public string Name => "cheat";
        public void NewGame() { }
        public TicTacToeMove ChooseMove(TicTacToePosition position, CancellationToken cancellation = default) => new(0);
    }

    [Fact]
    public void Match_AlternatesColours_CountsForA()
    {
        // Both play the lowest legal cell: the first player always wins (1-2-3 beats 4-5), so A wins even games.
        var a = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("a");
        var b = new ScriptedPlayer<TicTacToePosition, TicTacToeMove>("b");
        var firsts = new List<int>();
        MatchResult result = Match.Play(a, b, 5, onGame: (i, g) => firsts.Add(g.FirstPlayerResult));
        Assert.Equal(new MatchResult(3, 0, 2), result);
        Assert.All(firsts, r => Assert.Equal(1, r));
        Assert.Equal(5, a.NewGames);
    }
}
