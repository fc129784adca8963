using System.Diagnostics;
using Zero.SelfPlay.Storage;
using Zero.SelfPlay.Training;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Console;

/// <summary>
/// The state both training views show, updated by the training loop's observer calls (self-play worker threads
/// included, hence the lock) and read by the views as a snapshot. Positions/s is measured over the current
/// self-play phase.
/// </summary>
public sealed class TrainingStatus
{
    private readonly Lock _lock = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Stopwatch _phase = new();
    private readonly List<string> _messages = [];

    public string Phase { get; private set; } = "starting";
    public int SelfPlayGeneration { get; private set; }
    public int Generation { get; private set; }
    public int PhaseGames { get; private set; }
    public int PhaseTarget { get; private set; }
    public long PhasePositions { get; private set; }
    public long TotalGames { get; private set; }
    public LossParts? Loss { get; private set; }
    public double Elo { get; private set; }
    public IReadOnlyList<EvaluationResult> LastEvaluations { get; private set; } = [];
    public SelfPlayStats? LastSelfPlay { get; private set; }

    public TimeSpan Elapsed => _clock.Elapsed;

    public double PositionsPerSecond
    {
        get
        {
            lock (_lock)
            {
                return _phase.Elapsed.TotalSeconds > 0 ? PhasePositions / _phase.Elapsed.TotalSeconds : 0;
            }
        }
    }

    /// <summary>The newest messages, oldest first.</summary>
    public IReadOnlyList<string> Messages(int count)
    {
        lock (_lock)
        {
            return _messages.Skip(Math.Max(0, _messages.Count - count)).ToList();
        }
    }

    public void AddMessage(string text)
    {
        lock (_lock)
        {
            _messages.Add(text);
        }
    }

    public void StartSelfPlay(int generation, int games)
    {
        lock (_lock)
        {
            Phase = "self-play";
            SelfPlayGeneration = generation;
            PhaseGames = 0;
            PhaseTarget = games;
            PhasePositions = 0;
            _phase.Restart();
        }
    }

    public void AddGame(int plies)
    {
        lock (_lock)
        {
            PhaseGames++;
            TotalGames++;
            PhasePositions += plies;
        }
    }

    public void FinishSelfPlay(SelfPlayStats stats)
    {
        lock (_lock)
        {
            LastSelfPlay = stats;
            _phase.Stop();
        }
    }

    public void SetTraining(int step, int steps, LossParts loss)
    {
        lock (_lock)
        {
            Phase = $"training step {step}/{steps}";
            Loss = loss;
        }
    }

    public void StartEvaluation(int generation, int games)
    {
        lock (_lock)
        {
            Phase = $"evaluating gen {generation} ({games} games)";
        }
    }

    public void FinishGeneration(GenerationSummary summary)
    {
        lock (_lock)
        {
            Generation = summary.Generation;
            SelfPlayGeneration = summary.SelfPlayGeneration;
            TotalGames = summary.TotalGames;
            Loss = summary.Loss;
            Elo = summary.Elo;
            LastEvaluations = summary.Evaluations;
            Phase = "generation done";
        }
    }
}
