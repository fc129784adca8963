using System.Collections.Concurrent;
using Zero.SelfPlay.Training;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Tests;

/// <summary>Records what the training loop reports; optionally cancels after a number of finished games.</summary>
internal sealed class CollectingObserver(CancellationTokenSource? cancelAfterGames = null, int games = int.MaxValue) : ITrainingObserver
{
    private int _games;
    public ConcurrentQueue<string> Messages { get; } = new();
    public List<GenerationSummary> Generations { get; } = [];
    public List<SelfPlayStats> SelfPlays { get; } = [];
    public int TrainingCalls { get; private set; }

    public void Message(string text) => Messages.Enqueue(text);
    public void SelfPlayStarted(int generation, int games) { }

    public void GameFinished(int plies)
    {
        if (Interlocked.Increment(ref _games) == games)
        {
            cancelAfterGames?.Cancel();
        }
    }

    public void SelfPlayFinished(SelfPlayStats stats) => SelfPlays.Add(stats);
    public void Training(int step, int steps, LossParts loss) => TrainingCalls++;
    public void EvaluationStarted(int generation, int games) { }
    public void GenerationFinished(GenerationSummary summary) => Generations.Add(summary);
}
