using System.Globalization;
using Microsoft.Data.Sqlite;
using Zero.Games;
using Zero.SelfPlay.Records;

namespace Zero.SelfPlay.Storage;

/// <summary>
/// The embedded experience store: one SQLite file (conventionally <c>experience.db</c> in the run folder) in WAL
/// mode, so the self-play workers' writes never block the trainer's reads for long and a crash (kill -9) loses at
/// most the transaction in flight. Each game is one row written in one transaction. Created by the training loop
/// (<c>zero train</c>) and by tests; all members are thread-safe (one connection behind a lock: SQLite serialises
/// writers anyway, and the calls are short).
/// <code>
/// meta(key, value)                schema_version, game
/// games(id, generation, plies, outcome, record BLOB)      record = GameRecordCodec bytes
/// generations(number, weights_file, sha256, training_steps, games_played, accepted, created_at)
/// evaluations(id, generation, opponent, wins, draws, losses, elo)
/// metrics(id, generation, json)
/// run_state(key, value)           replay cursor, counters, optimizer step
/// </code>
/// </summary>
public sealed class SqliteExperienceStore : IExperienceStore
{
    /// <summary>The schema version this build creates and the newest it opens.</summary>
    public const int SchemaVersion = 1;

    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private SqliteExperienceStore(SqliteConnection connection)
    {
        _connection = connection;
    }

    /// <summary>The database file.</summary>
    public required string Path { get; init; }

    /// <summary>
    /// Opens (creating when missing) the store at <paramref name="path"/> for game <paramref name="game"/>.
    /// </summary>
    /// <exception cref="ZeroException">The file is not a Zero store, was written by a newer build, or belongs to another game.</exception>
    public static SqliteExperienceStore Open(string path, string game)
    {
        string? folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
        }.ToString());
        bool existing = File.Exists(path) && new FileInfo(path).Length > 0;
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout=5000;");
            if (existing)
            {
                CheckIntegrity(connection, path);
            }
            Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS games(id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER NOT NULL,
                    plies INTEGER NOT NULL, outcome INTEGER NOT NULL, record BLOB NOT NULL);
                CREATE TABLE IF NOT EXISTS generations(number INTEGER PRIMARY KEY, weights_file TEXT NOT NULL,
                    sha256 TEXT NOT NULL, training_steps INTEGER NOT NULL, games_played INTEGER NOT NULL,
                    accepted INTEGER NOT NULL, created_at TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS evaluations(id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER NOT NULL,
                    opponent TEXT NOT NULL, wins INTEGER NOT NULL, draws INTEGER NOT NULL, losses INTEGER NOT NULL, elo REAL);
                CREATE TABLE IF NOT EXISTS metrics(id INTEGER PRIMARY KEY AUTOINCREMENT, generation INTEGER NOT NULL,
                    json TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS run_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                """);
            CheckMeta(connection, path, game);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ZeroException(
                $"cannot open the experience store '{path}': {e.Message}. If the file is damaged, restore it from a copy, or "
                + "recover what SQLite can read (sqlite3 experience.db .recover | sqlite3 recovered.db, then put recovered.db in its place), "
                + "or train in a new --run folder");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteExperienceStore(connection) { Path = path };
    }

    /// <summary>
    /// SQLite's <c>PRAGMA integrity_check</c> on an existing store before anything is written to it: a damaged page can
    /// silently drop games, and writing on would spread the damage. Refuses with the first problems and a way out.
    /// </summary>
    /// <exception cref="ZeroException">The check reports anything but "ok".</exception>
    private static void CheckIntegrity(SqliteConnection connection, string path)
    {
        var problems = new List<string>();
        using (SqliteCommand command = connection.CreateCommand())
        {
            command.CommandText = "PRAGMA integrity_check(5);";
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                problems.Add(reader.GetString(0).Replace('\n', ' '));
            }
        }
        if (problems.Count != 1 || problems[0] != "ok")
        {
            throw new ZeroException(
                $"the experience store '{path}' is damaged (SQLite integrity check: {string.Join("; ", problems)}); nothing was written to it. "
                + "Restore it from a copy, or recover what SQLite can read (sqlite3 experience.db .recover | sqlite3 recovered.db, then put "
                + "recovered.db in its place and resume), or train in a new --run folder");
        }
    }

    private static void CheckMeta(SqliteConnection connection, string path, string game)
    {
        string? version = Scalar(connection, "SELECT value FROM meta WHERE key='schema_version'")?.ToString();
        string? storedGame = Scalar(connection, "SELECT value FROM meta WHERE key='game'")?.ToString();
        if (version is null)
        {
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "INSERT INTO meta(key, value) VALUES ('schema_version', $v), ('game', $g)";
            cmd.Parameters.AddWithValue("$v", SchemaVersion.ToString(CultureInfo.InvariantCulture));
            cmd.Parameters.AddWithValue("$g", game);
            cmd.ExecuteNonQuery();
            return;
        }
        if (!int.TryParse(version, out int v) || v > SchemaVersion)
        {
            throw new ZeroException(
                $"the experience store '{path}' has schema version {version}, newer than this build reads ({SchemaVersion}): "
                + "update zero (git pull, then rebuild)");
        }
        if (storedGame != game)
        {
            throw new ZeroException(
                $"the experience store '{path}' belongs to a {storedGame} run, not {game}: choose another run folder (--run DIR)");
        }
    }

    public long AddGame(GameRecord record) => AddGames([record]);

    public long AddGames(IReadOnlyList<GameRecord> records)
    {
        // Encode outside the lock: compression is the expensive part.
        var encoded = new byte[records.Count][];
        for (int i = 0; i < records.Count; i++)
        {
            encoded[i] = GameRecordCodec.Encode(records[i]);
        }
        lock (_lock)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT INTO games(generation, plies, outcome, record) VALUES ($g, $p, $o, $r); SELECT last_insert_rowid();";
            SqliteParameter g = cmd.Parameters.Add("$g", SqliteType.Integer);
            SqliteParameter p = cmd.Parameters.Add("$p", SqliteType.Integer);
            SqliteParameter o = cmd.Parameters.Add("$o", SqliteType.Integer);
            SqliteParameter r = cmd.Parameters.Add("$r", SqliteType.Blob);
            long id = 0;
            for (int i = 0; i < records.Count; i++)
            {
                g.Value = records[i].Generation;
                p.Value = records[i].Moves.Count;
                o.Value = records[i].Outcome;
                r.Value = encoded[i];
                id = (long)cmd.ExecuteScalar()!;
            }
            tx.Commit();
            return id;
        }
    }

    public long GameCount
    {
        get
        {
            lock (_lock)
            {
                return (long)Scalar(_connection, "SELECT COUNT(*) FROM games")!;
            }
        }
    }

    public long LastGameId
    {
        get
        {
            lock (_lock)
            {
                return (long)Scalar(_connection, "SELECT IFNULL(MAX(id), 0) FROM games")!;
            }
        }
    }

    public GameBatch ReadGames(long afterId, int limit) =>
        Read("SELECT id, record FROM games WHERE id > $a ORDER BY id LIMIT $n", afterId, limit);

    public GameBatch ReadLatestGames(int count) =>
        Read("SELECT id, record FROM (SELECT id, record FROM games WHERE id > $a ORDER BY id DESC LIMIT $n) ORDER BY id", 0, count);

    private GameBatch Read(string sql, long afterId, int limit)
    {
        var games = new List<StoredGame>();
        var problems = new List<string>();
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = sql;
            cmd.Parameters.AddWithValue("$a", afterId);
            cmd.Parameters.AddWithValue("$n", limit);
            using SqliteDataReader reader = cmd.ExecuteReader();
            while (reader.Read())
            {
                long id = reader.GetInt64(0);
                byte[] bytes = reader.IsDBNull(1) ? [] : reader.GetValue(1) as byte[] ?? [];
                if (GameRecordCodec.TryDecode(bytes, out GameRecord? record, out string? error))
                {
                    games.Add(new StoredGame(id, record!));
                }
                else
                {
                    problems.Add($"game {id} in {Path}: {error}; skipped");
                }
            }
        }
        return new GameBatch(games, problems);
    }

    public void AddGeneration(GenerationInfo generation)
    {
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = """
                INSERT OR REPLACE INTO generations(number, weights_file, sha256, training_steps, games_played, accepted, created_at)
                VALUES ($n, $w, $s, $t, $g, $a, $c)
                """;
            cmd.Parameters.AddWithValue("$n", generation.Number);
            cmd.Parameters.AddWithValue("$w", generation.WeightsFile);
            cmd.Parameters.AddWithValue("$s", generation.Sha256);
            cmd.Parameters.AddWithValue("$t", generation.TrainingSteps);
            cmd.Parameters.AddWithValue("$g", generation.GamesPlayed);
            cmd.Parameters.AddWithValue("$a", generation.Accepted ? 1 : 0);
            cmd.Parameters.AddWithValue("$c", generation.CreatedAt.ToString("O", CultureInfo.InvariantCulture));
            cmd.ExecuteNonQuery();
        }
    }

    public void SetAccepted(int generation, bool accepted)
    {
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "UPDATE generations SET accepted = $a WHERE number = $n";
            cmd.Parameters.AddWithValue("$a", accepted ? 1 : 0);
            cmd.Parameters.AddWithValue("$n", generation);
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<GenerationInfo> Generations()
    {
        var list = new List<GenerationInfo>();
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT number, weights_file, sha256, training_steps, games_played, accepted, created_at FROM generations ORDER BY number";
            using SqliteDataReader r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(new GenerationInfo(
                    r.GetInt32(0), r.GetString(1), r.GetString(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5) != 0,
                    DateTimeOffset.Parse(r.GetString(6), CultureInfo.InvariantCulture)));
            }
        }
        return list;
    }

    public void AddEvaluation(EvaluationResult result)
    {
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "INSERT INTO evaluations(generation, opponent, wins, draws, losses, elo) VALUES ($g, $o, $w, $d, $l, $e)";
            cmd.Parameters.AddWithValue("$g", result.Generation);
            cmd.Parameters.AddWithValue("$o", result.Opponent);
            cmd.Parameters.AddWithValue("$w", result.Wins);
            cmd.Parameters.AddWithValue("$d", result.Draws);
            cmd.Parameters.AddWithValue("$l", result.Losses);
            cmd.Parameters.AddWithValue("$e", result.Elo is double e && double.IsFinite(e) ? e : DBNull.Value);
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<EvaluationResult> Evaluations()
    {
        var list = new List<EvaluationResult>();
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT generation, opponent, wins, draws, losses, elo FROM evaluations ORDER BY id";
            using SqliteDataReader r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(new EvaluationResult(
                    r.GetInt32(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.IsDBNull(5) ? null : r.GetDouble(5)));
            }
        }
        return list;
    }

    public void AddMetrics(int generation, string json)
    {
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "INSERT INTO metrics(generation, json) VALUES ($g, $j)";
            cmd.Parameters.AddWithValue("$g", generation);
            cmd.Parameters.AddWithValue("$j", json);
            cmd.ExecuteNonQuery();
        }
    }

    public IReadOnlyList<(int Generation, string Json)> Metrics()
    {
        var list = new List<(int, string)>();
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT generation, json FROM metrics ORDER BY id";
            using SqliteDataReader r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add((r.GetInt32(0), r.GetString(1)));
            }
        }
        return list;
    }

    public string? GetState(string key)
    {
        lock (_lock)
        {
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.CommandText = "SELECT value FROM run_state WHERE key = $k";
            cmd.Parameters.AddWithValue("$k", key);
            return cmd.ExecuteScalar() as string;
        }
    }

    public void SetState(IReadOnlyDictionary<string, string> values)
    {
        lock (_lock)
        {
            using SqliteTransaction tx = _connection.BeginTransaction();
            using SqliteCommand cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR REPLACE INTO run_state(key, value) VALUES ($k, $v)";
            SqliteParameter k = cmd.Parameters.Add("$k", SqliteType.Text);
            SqliteParameter v = cmd.Parameters.Add("$v", SqliteType.Text);
            foreach ((string key, string value) in values)
            {
                k.Value = key;
                v.Value = value;
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _connection.Dispose();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using SqliteCommand cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        return cmd.ExecuteScalar();
    }
}
