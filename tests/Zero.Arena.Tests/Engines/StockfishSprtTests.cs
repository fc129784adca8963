using Zero.Arena.Engines;
using Zero.Arena.Openings;
using Zero.Arena.Participants;
using Zero.Arena.Statistics;
using Zero.Arena.Tournaments;
using Zero.Games.Chess;

namespace Zero.Arena.Tests.Engines;

/// <summary>A real match: Stockfish (Debian) skill 3 against skill 0 at 2+0.05, SPRT [0, 100] must accept H1.</summary>
public sealed class StockfishSprtTests
{
    [StockfishFact]
    [Trait("Category", "Slow")]
    public void Sprt_Skill3AgainstSkill0_AcceptsH1()
    {
        var clock = new SearchLimit(TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(50));
        EngineSpec Spec(string name, int level) => new()
        {
            Name = name, Command = "stockfish", Limit = clock, Margin = TimeSpan.FromMilliseconds(100),
            Options = [new("Skill Level", level.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("Threads", "1"), new("Hash", "16"), new("Move Overhead", "100")],
        };
        EngineSpec strong = Spec("sf3", 3), weak = Spec("sf0", 0);
        var sprt = new Sprt(0, 100, 0.05, 0.05, SprtModel.Normalized);
        List<Opening<ChessPosition, ChessMove>> openings = OpeningBook.Random<ChessPosition, ChessMove>(100, 4, 1);
        var t = new Tournament<ChessPosition, ChessMove>(
            [new(strong.Name, clock, strong.Margin, () => new UciParticipant(strong)), new(weak.Name, clock, weak.Margin, () => new UciParticipant(weak))],
            openings, new OpeningOrder(openings.Count, false, 0),
            new TournamentOptions { Rounds = 100, Concurrency = 2, Sprt = sprt, Recover = true });
        TournamentOutcome outcome = t.Run();
        Assert.Null(outcome.Error);
        Assert.True(outcome.SprtDecided, $"no decision after {t.GamesFinished} games: {t.Tally(0, 1)}");
        Assert.Equal(SprtDecision.H1, t.SprtState()!.Value.Decision);
    }
}

/// <summary>A fact skipped, with the reason and the fix, when stockfish is not on PATH or in /usr/games.</summary>
public sealed class StockfishFactAttribute : FactAttribute
{
    public StockfishFactAttribute()
    {
        if (ExternalProgram.Find("stockfish") is null)
        {
            Skip = "stockfish is not installed (apt-get install -y stockfish; .ci/run installs it)";
        }
    }
}
