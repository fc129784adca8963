using System.Text.Json;
using System.Xml.Linq;
using Zero.SelfPlay.Reporting;
using Zero.SelfPlay.Storage;

namespace Zero.SelfPlay.Tests.Reporting;

public class ReportingTests
{
    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    [Fact]
    public void MetricsLog_WriteThenRead_LinesRoundTripAndTornLineSkipped()
    {
        using var folder = new TempFolder();
        var log = new MetricsLog(folder.File("metrics.jsonl"), new FixedTime(new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)));
        log.Write("train", 1, new Dictionary<string, double> { ["step"] = 10, ["policyLoss"] = 1.5, ["valueLoss"] = double.NaN });
        log.Write("selfplay", 1, new Dictionary<string, double> { ["games"] = 200 });
        File.AppendAllText(log.Path, "{\"event\":\"tr");
        IReadOnlyList<JsonElement> lines = MetricsLog.ReadAll(log.Path);
        Assert.Equal(2, lines.Count);
        Assert.Equal("2026-01-02T03:04:05.0000000+00:00", lines[0].GetProperty("time").GetString());
        Assert.Equal(1.5, lines[0].GetProperty("policyLoss").GetDouble());
        Assert.Equal(JsonValueKind.Null, lines[0].GetProperty("valueLoss").ValueKind);
        Assert.Equal(200, lines[1].GetProperty("games").GetDouble());
    }

    [Fact]
    public void SvgLineChart_Render_IsWellFormedWithOnePolylinePerSeries()
    {
        string svg = SvgLineChart.Render("t <&>", "x", "y",
        [
            new PlotSeries("a", [(0, 1), (1, 2), (2, 1.5)]),
            new PlotSeries("b & c", [(0, -1), (2, 3)]),
            new PlotSeries("empty", []),
        ]);
        XDocument doc = XDocument.Parse(svg);
        XNamespace ns = "http://www.w3.org/2000/svg";
        Assert.Equal(2, doc.Descendants(ns + "polyline").Count());
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "b & c");
        Assert.Contains(doc.Descendants(ns + "text"), t => t.Value == "t <&>");
        // Points lie inside the plot area.
        foreach (XElement line in doc.Descendants(ns + "polyline"))
        {
            foreach (string pair in line.Attribute("points")!.Value.Split(' '))
            {
                double[] xy = pair.Split(',').Select(double.Parse).ToArray();
                Assert.InRange(xy[0], 64, 720 - 170 + 0.01);
                Assert.InRange(xy[1], 40, 420 - 50 + 0.01);
            }
        }
    }

    [Theory]
    [InlineData(0, 1, new[] { 0, 0.2, 0.4, 0.6, 0.8, 1.0 })]
    [InlineData(0, 97, new[] { 0.0, 20, 40, 60, 80, 100 })]
    [InlineData(-3, 3, new[] { -4.0, -2, 0, 2, 4 })]
    public void NiceTicks_CoverRangeWithRoundSteps(double lo, double hi, double[] expected)
    {
        double[] ticks = SvgLineChart.NiceTicks(lo, hi, 6);
        Assert.Equal(expected.Length, ticks.Length);
        for (int i = 0; i < ticks.Length; i++)
        {
            Assert.Equal(expected[i], ticks[i], 9);
        }
    }

    [Fact]
    public void RunPlots_Write_ThreeFilesAndChainedElo()
    {
        using var folder = new TempFolder();
        var log = new MetricsLog(folder.File("metrics.jsonl"), TimeProvider.System);
        log.Write("train", 1, new Dictionary<string, double> { ["step"] = 1, ["policyLoss"] = 2, ["valueLoss"] = 1, ["totalLoss"] = 3 });
        log.Write("train", 1, new Dictionary<string, double> { ["step"] = 2, ["policyLoss"] = 1.8, ["valueLoss"] = 0.9, ["totalLoss"] = 2.7 });
        EvaluationResult[] evals =
        [
            new(1, "gen 0", 15, 0, 5, null),
            new(1, "random", 18, 0, 2, null),
            new(2, "gen 1", 10, 0, 10, null),
            new(3, "gen 2", 5, 0, 15, null),
        ];
        IReadOnlyList<string> files = RunPlots.Write(folder.Path, MetricsLog.ReadAll(log.Path), evals);
        Assert.Equal(3, files.Count);
        Assert.All(files, f => XDocument.Load(f));
        var elo = RunPlots.ChainedElo(evals);
        Assert.Equal(4, elo.Count);
        Assert.Equal(190.85, elo[1].Y, 1);
        Assert.Equal(elo[1].Y, elo[2].Y, 6);
        Assert.Equal(0, elo[3].Y, 6);
    }
}
