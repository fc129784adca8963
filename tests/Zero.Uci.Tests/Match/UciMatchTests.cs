using Zero.Arena.Engines;
using Zero.Arena.Participants;
using Zero.Arena.Play;
using Zero.Arena.Tournaments;
using Zero.Games.Chess;

namespace Zero.Uci.Tests.Match;

/// <summary>Plays `zero uci` against Stockfish through the arena: complete games, legality and clocks checked.</summary>
public sealed class UciMatchTests
{
    [StockfishFact]
    [Trait("Category", "Slow")]
    public void Match_TwoFastGamesAgainstStockfish_NoForfeitIllegalMoveOrCrash()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var clock = new SearchLimit(TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(50));
        var zero = new UciParticipant(new EngineSpec { Name = "Zero", Command = dotnet, Arguments = [RepositoryPaths.ZeroDll, "uci"], Limit = clock });
        var entrants = new List<Entrant<ChessPosition, ChessMove>>
        {
            new("Zero", clock, TimeSpan.Zero, () => zero),
            new("Stockfish", clock, TimeSpan.Zero, () => new UciParticipant(new EngineSpec
            {
                Name = "Stockfish", Command = ExternalProgram.Find("stockfish")!, Limit = clock,
                Options = [new("Skill Level", "0"), new("Threads", "1"), new("Move Overhead", "100")],
            })),
        };
        var games = new List<GameReport<ChessPosition, ChessMove>>();
        var tournament = new Tournament<ChessPosition, ChessMove>(entrants, [Zero.Arena.Openings.Opening<ChessPosition, ChessMove>.Initial],
            new Zero.Arena.Openings.OpeningOrder(1, false, 0), new TournamentOptions { Rounds = 1, GamesPerRound = 2 })
        {
            GameFinished = (_, report, _, _) => games.Add(report),
        };
        TournamentOutcome outcome = tournament.Run();
        Assert.Null(outcome.Error);
        Assert.Equal(2, games.Count);
        foreach (GameReport<ChessPosition, ChessMove> g in games)
        {
            Assert.True(g.Faulty is null, g.Reason);
            Assert.True(g.Moves.Count > 4, $"a game ended in the opening: {g.Reason}");
        }
        Assert.Equal(0, zero.IllegalPvMoves);
    }

    [Fact]
    public void CountIllegalPv_LegalAndIllegalLines_CountsFromTheFirstBadMove()
    {
        ChessPosition start = ChessPosition.Initial;
        Assert.Equal(0, UciParticipant.CountIllegalPv(start, "info depth 2 score cp 10 pv e2e4 e7e5 g1f3"));
        Assert.Equal(2, UciParticipant.CountIllegalPv(start, "info depth 2 score cp 10 pv e2e4 e2e4 g1f3"));
        Assert.Equal(0, UciParticipant.CountIllegalPv(start, "bestmove e2e4"));
    }
}
