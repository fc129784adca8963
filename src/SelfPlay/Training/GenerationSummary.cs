using Zero.SelfPlay.Storage;
using Zero.SelfPlay.Workers;

namespace Zero.SelfPlay.Training;

/// <summary>
/// What one turn of the training loop did: the self-play phase, the training phase, the new generation and its
/// evaluation. Handed to the observer (the live view) and summarised in the metrics file.
/// </summary>
public sealed record GenerationSummary(
    int Generation,
    SelfPlayStats SelfPlay,
    int Steps,
    LossParts Loss,
    double LearningRate,
    long WindowPositions,
    IReadOnlyList<EvaluationResult> Evaluations,
    bool Accepted,
    int SelfPlayGeneration,
    double Elo,
    long TotalGames,
    TimeSpan Elapsed);
