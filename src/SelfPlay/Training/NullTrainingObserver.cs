using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Training;

/// <summary>An observer that ignores everything (library use without a console).</summary>
public sealed class NullTrainingObserver : ITrainingObserver
{
    public static NullTrainingObserver Instance { get; } = new();
    public void Message(string text) { }
    public void SelfPlayStarted(int generation, int games) { }
    public void GameFinished(int plies) { }
    public void SelfPlayFinished(SelfPlayStats stats) { }
    public void Training(int step, int steps, LossParts loss) { }
    public void EvaluationStarted(int generation, int games) { }
    public void GenerationFinished(GenerationSummary summary) { }
}
