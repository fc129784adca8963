using Zero.Arena.Play;
using Zero.Arena.Statistics;
using System.Text.Json;
using Zero.SelfPlay.Matches;
using Zero.SelfPlay.Storage;

namespace Zero.SelfPlay.Reporting;

/// <summary>
/// Writes the plots of a run folder from its metrics and evaluation results: losses.svg (policy, value and total
/// loss per training step), winrate.svg (score against each opponent per generation) and elo.svg (Elo per
/// generation, chained through the matches against the previous generation, and the Elo difference against
/// each baseline). Called by the training loop after every generation; cheap enough to redo each time.
/// </summary>
public static class RunPlots
{
    /// <summary>Rewrites the three plots in <paramref name="folder"/>; returns their paths.</summary>
    public static IReadOnlyList<string> Write(string folder, IReadOnlyList<JsonElement> metrics, IReadOnlyList<EvaluationResult> evaluations)
    {
        // 1. Losses: one point per "train" line.
        var lossNames = new[] { ("policyLoss", "policy (cross-entropy)"), ("valueLoss", "value (MSE)"), ("totalLoss", "total") };
        var lossSeries = lossNames.Select(n => new PlotSeries(n.Item2, metrics
            .Where(m => Event(m) == "train" && m.TryGetProperty("step", out _) && m.TryGetProperty(n.Item1, out var v) && v.ValueKind == JsonValueKind.Number)
            .Select(m => (m.GetProperty("step").GetDouble(), m.GetProperty(n.Item1).GetDouble()))
            .ToList())).ToList();
        string losses = Path.Combine(folder, "losses.svg");
        SvgLineChart.Write(losses, "Training loss", "training step", "loss", lossSeries);

        // 2. Score per generation against each opponent ("previous" for the previous generation).
        var byOpponent = evaluations
            .GroupBy(e => e.Opponent.StartsWith("gen ", StringComparison.Ordinal) ? "previous generation" : e.Opponent)
            .Select(g => new PlotSeries(g.Key, g.OrderBy(e => e.Generation).Select(e => ((double)e.Generation, e.Score)).ToList()))
            .ToList();
        string winRate = Path.Combine(folder, "winrate.svg");
        SvgLineChart.Write(winRate, "Score per generation (win = 1, draw = ½)", "generation", "score", byOpponent, 0, 1);

        // 3. Elo: chained self-Elo plus the difference to each baseline.
        var eloSeries = new List<PlotSeries> { new("self-play Elo (chained)", ChainedElo(evaluations)) };
        eloSeries.AddRange(evaluations
            .Where(e => !e.Opponent.StartsWith("gen ", StringComparison.Ordinal))
            .GroupBy(e => e.Opponent)
            .Select(g => new PlotSeries("vs " + g.Key, g.OrderBy(e => e.Generation)
                .Select(e => ((double)e.Generation, e.Elo ?? EloEstimate.FromResults(e.Wins, e.Draws, e.Losses).Difference)).ToList())));
        string elo = Path.Combine(folder, "elo.svg");
        SvgLineChart.Write(elo, "Elo per generation", "generation", "Elo", eloSeries);
        return [losses, winRate, elo];
    }

    /// <summary>
    /// Elo per generation: generation 0 is 0; each later generation adds the difference measured in its match
    /// against the previous generation (opponent "gen N−1"). Generations without that match carry the last value.
    /// </summary>
    public static IReadOnlyList<(double X, double Y)> ChainedElo(IReadOnlyList<EvaluationResult> evaluations)
    {
        var vsPrevious = evaluations
            .Where(e => e.Opponent == $"gen {e.Generation - 1}")
            .GroupBy(e => e.Generation)
            .ToDictionary(g => g.Key, g => g.Last());
        int last = evaluations.Count == 0 ? 0 : evaluations.Max(e => e.Generation);
        var points = new List<(double, double)> { (0, 0) };
        double elo = 0;
        for (int g = 1; g <= last; g++)
        {
            if (vsPrevious.TryGetValue(g, out EvaluationResult? e))
            {
                elo += e.Elo ?? EloEstimate.FromResults(e.Wins, e.Draws, e.Losses).Difference;
            }
            points.Add((g, elo));
        }
        return points;
    }

    private static string? Event(JsonElement m) =>
        m.TryGetProperty("event", out JsonElement e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null;
}
