namespace Zero.SelfPlay.Storage;

/// <summary>
/// A network generation as the experience store lists it. The weights live in a file beside the store (path
/// relative to the run folder) and are identified by their SHA-256, so a damaged or swapped file is noticed
/// before it plays. Written by the training loop after each training phase; read on resume and by reports.
/// </summary>
/// <param name="Number">0 for the random initial network, then 1, 2, ...</param>
/// <param name="WeightsFile">Path of the weights file relative to the run folder.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of the weights file.</param>
/// <param name="TrainingSteps">Optimizer steps taken in total when this generation was saved.</param>
/// <param name="GamesPlayed">Self-play games stored in total when this generation was saved.</param>
/// <param name="Accepted">True when the generation became the self-play network (always true without gating).</param>
/// <param name="CreatedAt">When the generation was saved.</param>
public sealed record GenerationInfo(
    int Number,
    string WeightsFile,
    string Sha256,
    long TrainingSteps,
    long GamesPlayed,
    bool Accepted,
    DateTimeOffset CreatedAt);
