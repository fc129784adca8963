using Microsoft.Data.Sqlite;
using Zero.Games;

namespace Zero.Arena.Tournaments;

/// <summary>
/// The SQLite file that makes a tournament resumable: every round of a pairing (its one or two games) is written in
/// one transaction when the round is complete, so an interruption at any moment (Ctrl+C, kill -9, a power cut) leaves
/// either the whole round or none of it, and a resumed tournament replays exactly the rounds that are missing with
/// nothing counted twice. The file remembers the tournament's signature and refuses another tournament's results.
/// Opened by <see cref="Tournament{TGame,TMove}"/> when a database path is given.
/// </summary>
public sealed class ResultStore : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly Lock _lock = new();

    private ResultStore(SqliteConnection connection) => _connection = connection;

    /// <summary>Opens or creates the store at <paramref name="path"/> for the tournament with <paramref name="signature"/>.</summary>
    /// <exception cref="ZeroException">The file holds another tournament, or is not a results file.</exception>
    public static ResultStore Open(string path, string signature)
    {
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        try
        {
            connection.Open();
            Execute(connection, """
                PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;
                CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
                CREATE TABLE IF NOT EXISTS games(round INTEGER NOT NULL, pairing INTEGER NOT NULL, game INTEGER NOT NULL,
                    first INTEGER NOT NULL, second INTEGER NOT NULL, first_result INTEGER NOT NULL, termination TEXT NOT NULL,
                    reason TEXT NOT NULL, faulty INTEGER, start TEXT NOT NULL, moves TEXT NOT NULL,
                    PRIMARY KEY(round, pairing, game));
                """);
            using SqliteCommand read = connection.CreateCommand();
            read.CommandText = "SELECT value FROM meta WHERE key = 'signature'";
            if (read.ExecuteScalar() is string stored)
            {
                if (stored != signature)
                {
                    throw new ZeroException($"results file '{path}' holds another tournament ({stored}); this one is ({signature}): give another --db file, or delete it to start again");
                }
            }
            else
            {
                using SqliteCommand write = connection.CreateCommand();
                write.CommandText = "INSERT INTO meta(key, value) VALUES ('signature', $s)";
                write.Parameters.AddWithValue("$s", signature);
                write.ExecuteNonQuery();
            }
            return new ResultStore(connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new ZeroException($"results file '{path}' cannot be used ({e.Message}): give another --db file");
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Every stored game, in round, pairing and game order.</summary>
    public List<StoredGame> Load()
    {
        lock (_lock)
        {
            using SqliteCommand read = _connection.CreateCommand();
            read.CommandText = "SELECT round, pairing, game, first, second, first_result, termination, reason, faulty, start, moves FROM games ORDER BY round, pairing, game";
            using SqliteDataReader r = read.ExecuteReader();
            var games = new List<StoredGame>();
            while (r.Read())
            {
                games.Add(new StoredGame(r.GetInt32(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5),
                    r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetInt32(8), r.GetString(9), r.GetString(10)));
            }
            return games;
        }
    }

    /// <summary>Stores one round of a pairing (all its games) atomically; a round stored before is left as it was.</summary>
    public void SaveRound(IReadOnlyList<StoredGame> games)
    {
        lock (_lock)
        {
            using SqliteTransaction transaction = _connection.BeginTransaction();
            foreach (StoredGame g in games)
            {
                using SqliteCommand insert = _connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = """
                    INSERT OR IGNORE INTO games(round, pairing, game, first, second, first_result, termination, reason, faulty, start, moves)
                    VALUES ($round, $pairing, $game, $first, $second, $result, $termination, $reason, $faulty, $start, $moves)
                    """;
                insert.Parameters.AddWithValue("$round", g.Round);
                insert.Parameters.AddWithValue("$pairing", g.Pairing);
                insert.Parameters.AddWithValue("$game", g.Game);
                insert.Parameters.AddWithValue("$first", g.First);
                insert.Parameters.AddWithValue("$second", g.Second);
                insert.Parameters.AddWithValue("$result", g.FirstResult);
                insert.Parameters.AddWithValue("$termination", g.Termination);
                insert.Parameters.AddWithValue("$reason", g.Reason);
                insert.Parameters.AddWithValue("$faulty", g.Faulty is { } f ? f : DBNull.Value);
                insert.Parameters.AddWithValue("$start", g.Start);
                insert.Parameters.AddWithValue("$moves", g.Moves);
                insert.ExecuteNonQuery();
            }
            transaction.Commit();
        }
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using SqliteCommand command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _connection.Dispose();
}
