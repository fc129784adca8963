namespace Zero.SelfPlay.Training;

/// <summary>
/// The files of a training run folder, in one place:
/// <code>
/// RUN/
///   run.json                   the config the run uses (written at start; edited configs take effect on resume)
///   experience.db              SQLite experience store: games, generations, evaluations, metrics, run state
///   generations/gen-0003.weights   one weights file per generation (SHA-256 in the store)
///   checkpoint.bin             latest weights + optimizer state (SHA-256 in the store's run state)
///   metrics.jsonl              one JSON object per event
///   losses.svg winrate.svg elo.svg   plots, refreshed after every generation
///   run-id                     the run's identity, also in the store: a database from another run is refused
///   lock, lock.owner           held while a process trains here (RunFolderLock); lock.owner names its PID
/// </code>
/// </summary>
public sealed record RunFolder(string Path)
{
    public string Config => System.IO.Path.Combine(Path, "run.json");
    public string Store => System.IO.Path.Combine(Path, "experience.db");
    public string Checkpoint => System.IO.Path.Combine(Path, "checkpoint.bin");
    public string Metrics => System.IO.Path.Combine(Path, "metrics.jsonl");
    public string Generations => System.IO.Path.Combine(Path, "generations");
    public string RunId => System.IO.Path.Combine(Path, "run-id");
    public string Lock => System.IO.Path.Combine(Path, "lock");
    public string LockOwner => System.IO.Path.Combine(Path, "lock.owner");

    /// <summary>The weights file of generation <paramref name="generation"/>, relative to the run folder.</summary>
    public static string WeightsName(int generation) => $"generations/gen-{generation:D4}.weights";

    /// <summary>A path relative to the run folder made absolute.</summary>
    public string Resolve(string relative) => System.IO.Path.Combine(Path, relative);
}
