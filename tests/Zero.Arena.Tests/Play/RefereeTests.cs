using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Play;
using Zero.Games.Chess;
using Zero.Games.ConnectFour;
using Zero.Games.TicTacToe;

namespace Zero.Arena.Tests.Play;

/// <summary>The referee: rules end games, faults lose with a reason, clocks are kept by the arena, adjudication by scores.</summary>
public sealed class RefereeTests
{
    /// <summary>Plays scripted moves (text), then the first legal move; may sleep and report a score.</summary>
    private sealed class Scripted<TGame, TMove>(string name, string[] script, TimeSpan delay = default, EngineScore? score = null) : IParticipant<TGame, TMove>
        where TGame : struct, Zero.Games.IGame<TGame, TMove>
        where TMove : struct, IEquatable<TMove>
    {
        private int _next;
        public string Name => name;
        public string? NewGame() => null;

        public MoveReply<TMove> Think(MoveRequest<TGame, TMove> request)
        {
            if (delay > TimeSpan.Zero)
            {
                Thread.Sleep(delay);
            }
            if (_next < script.Length)
            {
                string text = script[_next++];
                return request.Position.TryParseMove(text, out TMove m, out string? error)
                    ? MoveReply<TMove>.Played(m, text, score)
                    : MoveReply<TMove>.Illegal(text, error!, score);
            }
            var legal = new TMove[TGame.MaxMoves];
            request.Position.GenerateMoves(legal);
            return MoveReply<TMove>.Played(legal[0], request.Position.FormatMove(legal[0]), score);
        }

        public void Dispose()
        {
        }
    }

    [Fact]
    public void Play_ConnectFourLine_FirstWinsByTheRules()
    {
        var a = new Scripted<ConnectFourPosition, ConnectFourMove>("a", ["1", "1", "1", "1"]);
        var b = new Scripted<ConnectFourPosition, ConnectFourMove>("b", ["2", "2", "2"]);
        GameReport<ConnectFourPosition, ConnectFourMove> r = Referee.Play(a, b, Opening<ConnectFourPosition, ConnectFourMove>.Initial, GameSettings.Untimed);
        Assert.Equal(1, r.FirstResult);
        Assert.Equal(Termination.Rules, r.Termination);
        Assert.Equal(7, r.Moves.Count);
        Assert.Null(r.Faulty);
    }

    [Fact]
    public void Play_IllegalMove_LosesWithTheReason()
    {
        var a = new Scripted<TicTacToePosition, TicTacToeMove>("a", ["5"]);
        var b = new Scripted<TicTacToePosition, TicTacToeMove>("cheat", ["5"]);
        GameReport<TicTacToePosition, TicTacToeMove> r = Referee.Play(a, b, Opening<TicTacToePosition, TicTacToeMove>.Initial, GameSettings.Untimed);
        Assert.Equal(1, r.FirstResult);
        Assert.Equal(Termination.IllegalMove, r.Termination);
        Assert.Equal(1, r.Faulty);
        Assert.Contains("cheat plays an illegal move '5'", r.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Play_MoveAfterTheFlag_LosesOnTimeEvenThoughItCame()
    {
        var clock = new SearchLimit(TimeSpan.FromMilliseconds(2000));
        var fast = new Scripted<TicTacToePosition, TicTacToeMove>("fast", []);
        var slow = new Scripted<TicTacToePosition, TicTacToeMove>("slow", [], TimeSpan.FromMilliseconds(1200));
        var settings = new GameSettings([clock, clock], TimeSpan.Zero, Timeout.InfiniteTimeSpan, Adjudication.None);
        GameReport<TicTacToePosition, TicTacToeMove> r = Referee.Play(fast, slow, Opening<TicTacToePosition, TicTacToeMove>.Initial, settings);
        Assert.Equal(Termination.TimeLoss, r.Termination);
        Assert.Equal(1, r.Faulty);
        Assert.Contains("slow loses on time", r.Reason, StringComparison.Ordinal);
        Assert.Equal(3, r.Moves.Count); // slow's first move came in time (1200 of 2000 ms), its second after the flag
    }

    [Fact]
    public void Play_MarginCoversTheOverdraw_NoTimeLoss()
    {
        var clock = new SearchLimit(TimeSpan.FromMilliseconds(300));
        var fast = new Scripted<TicTacToePosition, TicTacToeMove>("fast", []);
        var slow = new Scripted<TicTacToePosition, TicTacToeMove>("slow", [], TimeSpan.FromMilliseconds(200));
        var settings = new GameSettings([clock, clock], TimeSpan.FromSeconds(2), Timeout.InfiniteTimeSpan, Adjudication.None);
        GameReport<TicTacToePosition, TicTacToeMove> r = Referee.Play(fast, slow, Opening<TicTacToePosition, TicTacToeMove>.Initial, settings);
        Assert.Equal(Termination.Rules, r.Termination);
    }

    [Fact]
    public void Play_ScoresNearZero_AdjudicatedDrawAfterMoveCount()
    {
        var zero = new EngineScore(3, null);
        var a = new Scripted<ChessPosition, ChessMove>("a", ["g1f3", "f3g1", "b1c3", "c3b1"], score: zero);
        var b = new Scripted<ChessPosition, ChessMove>("b", ["g8f6", "f6g8", "b8c6", "c6b8"], score: zero);
        var settings = GameSettings.Untimed with { Adjudication = new Adjudication(DrawMoveNumber: 0, DrawMoveCount: 2, DrawScore: 10) };
        GameReport<ChessPosition, ChessMove> r = Referee.Play(a, b, Opening<ChessPosition, ChessMove>.Initial, settings);
        Assert.Equal(Termination.AdjudicatedDraw, r.Termination);
        Assert.Equal(4, r.Moves.Count);
    }

    [Fact]
    public void Play_OneSideSeesItselfLost_ResignsAfterMoveCount()
    {
        var a = new Scripted<ChessPosition, ChessMove>("a", ["g1f3", "f3g1", "b1c3", "c3b1"], score: new EngineScore(900, null));
        var b = new Scripted<ChessPosition, ChessMove>("b", ["g8f6", "f6g8", "b8c6", "c6b8"], score: new EngineScore(-900, null));
        var settings = GameSettings.Untimed with { Adjudication = new Adjudication(ResignMoveCount: 3, ResignScore: 600, ResignTwoSided: true) };
        GameReport<ChessPosition, ChessMove> r = Referee.Play(a, b, Opening<ChessPosition, ChessMove>.Initial, settings);
        Assert.Equal(Termination.AdjudicatedResign, r.Termination);
        Assert.Equal(1, r.FirstResult);
        Assert.Equal(6, r.Moves.Count);
    }

    [Fact]
    public void Play_MaxPlies_Draw()
    {
        var a = new Scripted<ChessPosition, ChessMove>("a", ["g1f3", "f3g1"]);
        var b = new Scripted<ChessPosition, ChessMove>("b", ["g8f6", "f6g8"]);
        var settings = GameSettings.Untimed with { Adjudication = new Adjudication(MaxPlies: 3) };
        GameReport<ChessPosition, ChessMove> r = Referee.Play(a, b, Opening<ChessPosition, ChessMove>.Initial, settings);
        Assert.Equal(Termination.MaxMoves, r.Termination);
        Assert.Equal(0, r.FirstResult);
    }
}
