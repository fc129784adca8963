using Zero.Uci.Match;

namespace Zero.Uci.Tests.Match;

/// <summary>Plays `zero uci` against Stockfish with the match runner: complete games, legality and clocks checked.</summary>
public sealed class UciMatchTests
{
    [StockfishFact]
    [Trait("Category", "Slow")]
    public void Match_TwoFastGamesAgainstStockfish_NoForfeitIllegalMoveOrCrash()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var settings = new MatchSettings(
            2, TimeSpan.FromSeconds(3), TimeSpan.FromMilliseconds(50),
            [dotnet, RepositoryPaths.ZeroDll, "uci"], [],
            [ExternalProgram.Find("stockfish")!], [new("Skill Level", "0"), new("Threads", "1"), new("Move Overhead", "100")]);
        var log = new List<string>();
        List<GameRecord> games = new UciMatch(settings, log.Add).Run();
        Assert.Equal(2, games.Count);
        foreach (GameRecord g in games)
        {
            Assert.False(g.ZeroFault, $"game {g.Number}: {g.Reason}\n{string.Join('\n', log)}");
            Assert.Equal(0, g.IllegalPvMoves);
            Assert.True(g.Pgn.Moves.Count > 4, $"game {g.Number} ended in the opening: {g.Reason}");
        }
    }

    [Fact]
    public void CountIllegalPv_LegalAndIllegalLines_CountsFromTheFirstBadMove()
    {
        Zero.Games.Chess.ChessPosition start = Zero.Games.Chess.ChessPosition.Initial;
        Assert.Equal(0, UciMatch.CountIllegalPv(start, "info depth 2 score cp 10 pv e2e4 e7e5 g1f3"));
        Assert.Equal(2, UciMatch.CountIllegalPv(start, "info depth 2 score cp 10 pv e2e4 e2e4 g1f3"));
        Assert.Equal(0, UciMatch.CountIllegalPv(start, "bestmove e2e4"));
    }
}
