using System.Globalization;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Storage;
using Zero.SelfPlay.Training;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Console;

/// <summary>
/// The training view for redirected output (logs, CI, tests): one plain line per event, no cursor movement.
/// `zero train` uses it when stdout is not a terminal; <see cref="LiveTrainingView"/> otherwise. Numbers are
/// formatted with the invariant culture (the build sets InvariantGlobalization).
/// </summary>
public sealed class PlainTrainingView(TextWriter output) : ITrainingObserver
{
    private readonly Lock _lock = new();

    public void Message(string text) => Write(text);

    public void SelfPlayStarted(int generation, int games) => Write($"self-play: {games} games with gen {generation}");

    public void GameFinished(int plies)
    {
    }

    public void SelfPlayFinished(SelfPlayStats stats) => Write(
        $"  {stats.Games} games, {stats.Positions} positions in {DurationText.Format(stats.Elapsed)} ({stats.PositionsPerSecond:0} positions/s), "
        + $"first player +{stats.FirstPlayerWins} ={stats.Draws} -{stats.FirstPlayerLosses}"
        + (stats.ResignChecks > 0 ? $", resign false positives {stats.ResignFalsePositives}/{stats.ResignChecks}" : ""));

    public void Training(int step, int steps, LossParts loss)
    {
        if (step == steps)
        {
            Write(string.Create(CultureInfo.InvariantCulture,
                $"  trained {steps} steps: loss policy {loss.Policy:0.000} value {loss.Value:0.000} l2 {loss.L2:0.0000}"));
        }
    }

    public void EvaluationStarted(int generation, int games) => Write($"  evaluating gen {generation}: {games} games");

    public void GenerationFinished(GenerationSummary s) => Write(Summary(s));

    /// <summary>The one-line summary of a generation (also the live view's last line).</summary>
    public static string Summary(GenerationSummary s) =>
        $"gen {s.Generation} | games {s.TotalGames} | loss {s.Loss.Policy:0.000}+{s.Loss.Value:0.000} | "
        + string.Join(" | ", s.Evaluations.Select(Score))
        + $" | Elo {s.Elo:+0;-0;0} | {(s.Accepted ? "accepted" : "rejected")} | {DurationText.Format(s.Elapsed)}";

    /// <summary>"vs random 95% (+19 =0 -1)".</summary>
    public static string Score(EvaluationResult r) => string.Create(CultureInfo.InvariantCulture,
        $"vs {r.Opponent} {r.Score * 100:0}% (+{r.Wins} ={r.Draws} -{r.Losses})");

    private void Write(string line)
    {
        lock (_lock)
        {
            output.WriteLine(line);
            output.Flush();
        }
    }
}
