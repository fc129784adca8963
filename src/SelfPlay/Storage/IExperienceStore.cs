using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Storage;

/// <summary>
/// Where a training run keeps everything it learns from and everything it measures: game records, network
/// generations (weights files referenced by SHA-256), metrics, evaluation results and the run state (replay
/// cursor, counters) that a resume needs. The embedded implementation is <see cref="SqliteExperienceStore"/>
/// (a file in the run folder); a PostgreSQL implementation for many machines will follow behind the same
/// contract. Implementations are safe to call from several threads (self-play workers add games while the
/// trainer reads).
/// </summary>
public interface IExperienceStore : IDisposable
{
    /// <summary>Stores one finished game atomically (a crash never leaves half a game) and returns its id.</summary>
    long AddGame(GameRecord record);

    /// <summary>Stores several finished games in one transaction; returns the id of the last one.</summary>
    long AddGames(IReadOnlyList<GameRecord> records);

    /// <summary>Number of games stored (damaged rows included).</summary>
    long GameCount { get; }

    /// <summary>The largest game id, or 0 when there are none.</summary>
    long LastGameId { get; }

    /// <summary>
    /// Reads up to <paramref name="limit"/> games with id greater than <paramref name="afterId"/>, oldest first.
    /// Rows that cannot be decoded are skipped and listed in <see cref="GameBatch.Problems"/>.
    /// </summary>
    GameBatch ReadGames(long afterId, int limit);

    /// <summary>Reads the newest <paramref name="count"/> games, oldest first, skipping damaged rows.</summary>
    GameBatch ReadLatestGames(int count);

    /// <summary>Records a generation (its weights file must already be on disk).</summary>
    void AddGeneration(GenerationInfo generation);

    /// <summary>Updates whether a generation became the self-play network (gating).</summary>
    void SetAccepted(int generation, bool accepted);

    /// <summary>All generations, oldest first.</summary>
    IReadOnlyList<GenerationInfo> Generations();

    /// <summary>Stores one evaluation match result.</summary>
    void AddEvaluation(EvaluationResult result);

    /// <summary>All evaluation results, oldest first.</summary>
    IReadOnlyList<EvaluationResult> Evaluations();

    /// <summary>Stores a metrics line (a JSON object) for <paramref name="generation"/>.</summary>
    void AddMetrics(int generation, string json);

    /// <summary>All metrics lines, oldest first.</summary>
    IReadOnlyList<(int Generation, string Json)> Metrics();

    /// <summary>A run-state value (replay cursor, counters), or null when never set.</summary>
    string? GetState(string key);

    /// <summary>Sets several run-state values in one transaction.</summary>
    void SetState(IReadOnlyDictionary<string, string> values);
}
