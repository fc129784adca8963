using System.Globalization;
using Spectre.Console;
using Zero.SelfPlay.Configuration;
using Zero.SelfPlay.Training;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Console;

/// <summary>
/// The live console view of `zero train` on a terminal (Spectre.Console): a panel refreshed four times a second
/// with the phase, games, positions/s, generation, loss parts, win rates against each opponent and Elo, plus the
/// latest notices and one summary line per finished generation printed above it. The training loop runs on
/// another thread and only updates a <see cref="TrainingStatus"/>; <see cref="Show"/> owns the console.
/// </summary>
public sealed class LiveTrainingView(string runFolder, string game) : ITrainingObserver
{
    private readonly TrainingStatus _status = new();
    private readonly List<string> _generations = [];
    private readonly Lock _lock = new();

    /// <summary>Runs <paramref name="work"/> on a background thread while drawing the view; returns its result.</summary>
    public T Show<T>(Func<T> work)
    {
        Task<T> task = Task.Factory.StartNew(work, TaskCreationOptions.LongRunning);
        AnsiConsole.Live(Render()).AutoClear(false).Overflow(VerticalOverflow.Ellipsis).Start(context =>
        {
            while (!task.IsCompleted)
            {
                context.UpdateTarget(Render());
                task.Wait(250);
            }
            context.UpdateTarget(Render());
        });
        return task.GetAwaiter().GetResult();
    }

    private Spectre.Console.Rendering.IRenderable Render()
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("k").AddColumn("v");
        table.Title = new TableTitle($"zero train {game} — {Markup.Escape(runFolder)}");
        table.AddRow("phase", Markup.Escape(_status.Phase)
            + (_status.Phase == "self-play" ? $" {_status.PhaseGames}/{_status.PhaseTarget} games" : ""));
        table.AddRow("generation", $"{_status.Generation} (self-play net: gen {_status.SelfPlayGeneration})");
        table.AddRow("games", _status.TotalGames.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("positions/s", _status.PositionsPerSecond.ToString("N0", CultureInfo.InvariantCulture));
        if (_status.Loss is LossParts loss)
        {
            table.AddRow("loss", string.Create(CultureInfo.InvariantCulture,
                $"policy {loss.Policy:0.000}   value {loss.Value:0.000}   L2 {loss.L2:0.0000}   total {loss.Total:0.000}"));
        }
        foreach (var r in _status.LastEvaluations)
        {
            table.AddRow("vs " + Markup.Escape(r.Opponent), Markup.Escape(PlainTrainingView.Score(r)[(r.Opponent.Length + 4)..]));
        }
        table.AddRow("Elo (chained)", _status.Elo.ToString("+0;-0;0", CultureInfo.InvariantCulture));
        table.AddRow("elapsed", DurationText.Format(_status.Elapsed));
        var rows = new List<Spectre.Console.Rendering.IRenderable>();
        lock (_lock)
        {
            rows.AddRange(_generations.Skip(Math.Max(0, _generations.Count - 8)).Select(g => new Text(g)));
        }
        rows.Add(table);
        rows.AddRange(_status.Messages(3).Select(m => new Markup($"[grey]{Markup.Escape(m)}[/]")));
        return new Rows(rows);
    }

    public void Message(string text) => _status.AddMessage(text);
    public void SelfPlayStarted(int generation, int games) => _status.StartSelfPlay(generation, games);
    public void GameFinished(int plies) => _status.AddGame(plies);
    public void SelfPlayFinished(SelfPlayStats stats) => _status.FinishSelfPlay(stats);
    public void Training(int step, int steps, LossParts loss) => _status.SetTraining(step, steps, loss);
    public void EvaluationStarted(int generation, int games) => _status.StartEvaluation(generation, games);

    public void GenerationFinished(GenerationSummary summary)
    {
        _status.FinishGeneration(summary);
        lock (_lock)
        {
            _generations.Add(PlainTrainingView.Summary(summary));
        }
    }
}
