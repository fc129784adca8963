using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Training;

/// <summary>
/// Receives the training loop's progress: the live console view of `zero train` (Spectre.Console, or plain lines
/// when the output is redirected) and the tests implement it. Calls come from the loop's thread, except
/// <see cref="GameFinished"/>, which self-play worker threads call concurrently.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>A one-line notice (resumed, a damaged record skipped, a limit reached).</summary>
    void Message(string text);

    /// <summary>A self-play phase starts: <paramref name="games"/> games with generation <paramref name="generation"/>'s network.</summary>
    void SelfPlayStarted(int generation, int games);

    /// <summary>A self-play game finished with <paramref name="plies"/> moves (thread-safe implementations only).</summary>
    void GameFinished(int plies);

    /// <summary>A self-play phase ended.</summary>
    void SelfPlayFinished(SelfPlayStats stats);

    /// <summary>Training progress within a phase (called every few steps).</summary>
    void Training(int step, int steps, LossParts loss);

    /// <summary>Evaluation matches of a new generation start.</summary>
    void EvaluationStarted(int generation, int games);

    /// <summary>A generation is complete (trained, saved, evaluated, checkpointed).</summary>
    void GenerationFinished(GenerationSummary summary);
}
