using Zero.Arena.Engines;
using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Play;
using Zero.Arena.Tournaments;
using Zero.Games.Chess;

namespace Zero.Arena.Tests.Engines;

/// <summary>
/// Engines that crash, go silent or play illegal moves mid-game (a fake engine script): the game is lost with the
/// reason, nothing hangs, and the tournament stops without --recover or restarts the engine and goes on with it.
/// </summary>
public sealed class UciParticipantTests
{
    // The fakes answer at once; a long clock keeps a loaded machine from turning their moves into time losses.
    private static readonly SearchLimit Clock = new(TimeSpan.FromSeconds(30), TimeSpan.FromMilliseconds(100));
    private static readonly SearchLimit Short = new(TimeSpan.FromSeconds(1), TimeSpan.FromMilliseconds(100));

    private static Tournament<ChessPosition, ChessMove> Tournament(EngineSpec a, EngineSpec b, int rounds, bool recover, List<GameReport<ChessPosition, ChessMove>> games) =>
        new([new(a.Name, a.Limit, TimeSpan.Zero, () => new UciParticipant(a)), new(b.Name, b.Limit, TimeSpan.Zero, () => new UciParticipant(b))],
            [Opening<ChessPosition, ChessMove>.Initial], new OpeningOrder(1, false, 0),
            new TournamentOptions { Rounds = rounds, GamesPerRound = 2, Recover = recover })
        {
            GameFinished = (_, report, _, _) => games.Add(report),
        };

    [Fact]
    public void Tournament_GoodFakes_DrawByRepetition()
    {
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        TournamentOutcome outcome = Tournament(FakeEngine.Spec("a", "good", 0, Clock), FakeEngine.Spec("b", "good", 0, Clock), 1, false, games).Run();
        Assert.Null(outcome.Error);
        Assert.All(games, g => Assert.Contains("threefold repetition", g.Reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Tournament_EngineCrashesMidGameWithoutRecover_GameLostAndTournamentStops()
    {
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        TournamentOutcome outcome = Tournament(FakeEngine.Spec("good", "good", 0, Clock), FakeEngine.Spec("crasher", "crash", 2, Clock), 3, false, games).Run();
        GameReport<ChessPosition, ChessMove> first = Assert.Single(games);
        Assert.Equal(Termination.Disconnect, first.Termination);
        Assert.Equal(1, first.Faulty);
        Assert.Equal(1, first.FirstResult);
        Assert.Contains("crasher", outcome.Error, StringComparison.Ordinal);
        Assert.Contains("--recover", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tournament_EngineCrashesWithRecover_RestartedAndEveryGamePlayed()
    {
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        Tournament<ChessPosition, ChessMove> t = Tournament(FakeEngine.Spec("good", "good", 0, Clock), FakeEngine.Spec("crasher", "crash", 2, Clock), 2, true, games);
        TournamentOutcome outcome = t.Run();
        Assert.Null(outcome.Error);
        Assert.Equal(4, games.Count);
        Assert.All(games, g => Assert.Equal(Termination.Disconnect, g.Termination));
        Assert.Equal(new Zero.Arena.Statistics.Pentanomial(0, 0, 0, 0, 2), t.Tally(0, 1).Pentanomial);
    }

    [Fact]
    public void Tournament_EngineGoesSilent_LosesOnTimeThenStallIsRecovered()
    {
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        Tournament<ChessPosition, ChessMove> t = Tournament(FakeEngine.Spec("good", "good", 0, Clock), FakeEngine.Spec("silent", "silent", 1, Short, pingSeconds: 1), 1, true, games);
        TournamentOutcome outcome = t.Run();
        Assert.Null(outcome.Error);
        Assert.Equal(2, games.Count);
        Assert.Equal(Termination.TimeLoss, games[0].Termination);
        Assert.Contains("silent loses on time", games[0].Reason, StringComparison.Ordinal);
        Assert.Equal(1, games[0].Faulty);
        // The restarted engine plays again and goes silent again on its second move.
        Assert.Equal(Termination.TimeLoss, games[1].Termination);
        Assert.Equal(0, games[1].Faulty);
    }

    [Fact]
    public void Tournament_EngineGoesSilentWithoutRecover_StallStopsTheTournament()
    {
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        TournamentOutcome outcome = Tournament(FakeEngine.Spec("good", "good", 0, Clock), FakeEngine.Spec("silent", "silent", 1, Short, pingSeconds: 1), 2, false, games).Run();
        Assert.Single(games);
        Assert.Contains("stall", outcome.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Tournament_IllegalMove_LosesWithTheEnginesText()
    {
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        TournamentOutcome outcome = Tournament(FakeEngine.Spec("good", "good", 0, Clock), FakeEngine.Spec("cheat", "illegal", 1, Clock), 1, false, games).Run();
        Assert.Null(outcome.Error);
        Assert.All(games, g => Assert.Equal(Termination.IllegalMove, g.Termination));
        Assert.Contains("cheat plays an illegal move 'e2e5'", games[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Commands_ClockAndOpening_AreWhatAGuiSends()
    {
        ChessPosition.TryParsePosition("startpos moves e2e4", out ChessPosition p, out _);
        var request = new MoveRequest<ChessPosition, ChessMove>(ChessPosition.Initial, ["e2e4"], p, new SearchLimit(TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(1), 40),
            [TimeSpan.FromSeconds(39.5), TimeSpan.FromSeconds(40)], [TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], 39, TimeSpan.FromSeconds(40));
        Assert.Equal("position startpos moves e2e4", UciParticipant.PositionCommand(request));
        Assert.Equal("go wtime 39500 btime 40000 winc 1000 binc 1000 movestogo 39", UciParticipant.GoCommand(request));
        Assert.Equal(new EngineScore(-35, null), UciParticipant.ParseScore("info depth 9 score cp -35 nodes 10 pv e7e5"));
        Assert.Equal(-2, UciParticipant.ParseScore("info depth 9 score mate -2 pv e7e5")!.Value.Mate);
    }
}
