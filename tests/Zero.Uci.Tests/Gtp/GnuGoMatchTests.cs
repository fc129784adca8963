using Zero.Arena.Engines;
using Zero.Uci.Gtp;

namespace Zero.Uci.Tests.Gtp;

/// <summary>
/// Complete 9×9 games between the real `zero gtp` and GNU Go over GTP (<see cref="GtpMatch"/>): every move checked by
/// Zero's Go rules as referee and accepted by the other engine, Zero on a tight Canadian clock kept by the referee.
/// The bar is no illegal move, no crash, no refused move and no time loss — not a score. Slow (about a minute a
/// game on a busy 2-core machine); CI installs gnugo and runs it.
/// </summary>
public sealed class GnuGoMatchTests
{
    [GnuGoFact]
    [Trait("Category", "Slow")]
    public void GtpMatch_AgainstGnuGo_NoIllegalMoveCrashOrTimeLoss()
    {
        string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        string gnugo = ExternalProgram.Find("gnugo")!;
        var settings = new GtpMatchSettings(
            Games: 2, Size: 9, Komi: 7, MainTime: TimeSpan.FromSeconds(10), ByoYomi: TimeSpan.FromSeconds(3), ByoYomiStones: 5,
            Zero: [dotnet, RepositoryPaths.ZeroDll, "gtp", "--threads", "2", "--playouts", "0"],
            Opponent: [gnugo, "--mode", "gtp", "--level", "1", "--chinese-rules"],
            OpponentName: "GNU Go level 1");
        var log = new List<string>();
        List<GtpGameRecord> records = new GtpMatch(settings, log.Add).Run();
        Assert.Equal(2, records.Count);
        foreach (GtpGameRecord r in records)
        {
            Assert.True(r.Fault is null, $"game {r.Number}: {r.Fault}\n{string.Join('\n', log)}\n{r.Sgf}");
            Assert.Matches(@"^(B|W)\+", r.Result);
            Assert.True(r.Moves >= 10, $"game {r.Number} ended after {r.Moves} moves: {r.Sgf}");
        }
        Assert.Contains(records, r => r.ZeroColor == Zero.Games.Go.GoColor.Black);
        Assert.Contains(records, r => r.ZeroColor == Zero.Games.Go.GoColor.White);
    }
}
