using Microsoft.Data.Sqlite;
using Zero.Games;
using Zero.SelfPlay.Records;
using Zero.SelfPlay.Storage;

namespace Zero.SelfPlay.Tests.Storage;

public class SqliteExperienceStoreTests
{
    [Fact]
    public void AddGame_ThenReopen_GamesReadBackInOrder()
    {
        using var folder = new TempFolder();
        var random = new Random(1);
        var records = Enumerable.Range(0, 25).Select(i => TestGames.RandomConnectFour(random, i)).ToList();
        using (var store = SqliteExperienceStore.Open(folder.File("experience.db"), "connect4"))
        {
            foreach (GameRecord r in records.Take(10))
            {
                store.AddGame(r);
            }
            store.AddGames(records.Skip(10).ToList());
        }
        using (var store = SqliteExperienceStore.Open(folder.File("experience.db"), "connect4"))
        {
            Assert.Equal(25, store.GameCount);
            GameBatch all = store.ReadGames(0, 100);
            Assert.Empty(all.Problems);
            Assert.Equal(25, all.Games.Count);
            for (int i = 0; i < 25; i++)
            {
                Assert.True(records[i].ContentEquals(all.Games[i].Record));
            }
            GameBatch after = store.ReadGames(all.Games[19].Id, 100);
            Assert.Equal(5, after.Games.Count);
            GameBatch latest = store.ReadLatestGames(3);
            Assert.Equal(all.Games.Skip(22).Select(g => g.Id), latest.Games.Select(g => g.Id));
            Assert.Equal(all.Games[^1].Id, store.LastGameId);
        }
    }

    [Fact]
    public void Open_UsesWriteAheadLog()
    {
        using var folder = new TempFolder();
        using var store = SqliteExperienceStore.Open(folder.File("x.db"), "tictactoe");
        using var connection = new SqliteConnection($"Data Source={folder.File("x.db")};Pooling=False");
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", cmd.ExecuteScalar() as string);
    }

    [Fact]
    public void ReadGames_CorruptedRow_ReportedAndSkippedOthersRead()
    {
        using var folder = new TempFolder();
        string path = folder.File("experience.db");
        var random = new Random(2);
        using var store = SqliteExperienceStore.Open(path, "tictactoe");
        for (int i = 0; i < 5; i++)
        {
            store.AddGame(TestGames.RandomTicTacToe(random));
        }
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT record FROM games WHERE id = 3";
            byte[] bytes = (byte[])cmd.ExecuteScalar()!;
            bytes[9] ^= 0x5A;
            cmd.CommandText = "UPDATE games SET record = $r WHERE id = 3";
            cmd.Parameters.AddWithValue("$r", bytes);
            cmd.ExecuteNonQuery();
            cmd.Parameters.Clear();
            cmd.CommandText = "UPDATE games SET record = 'not a record' WHERE id = 4";
            cmd.ExecuteNonQuery();
        }
        GameBatch batch = store.ReadGames(0, 100);
        Assert.Equal([1L, 2L, 5L], batch.Games.Select(g => g.Id));
        Assert.Equal(2, batch.Problems.Count);
        Assert.Contains("game 3", batch.Problems[0]);
        Assert.Contains("checksum", batch.Problems[0]);
        Assert.Contains("skipped", batch.Problems[0]);
        Assert.Contains("game 4", batch.Problems[1]);
    }

    [Fact]
    public void Open_StoreOfAnotherGame_RefusedWithHint()
    {
        using var folder = new TempFolder();
        SqliteExperienceStore.Open(folder.File("e.db"), "tictactoe").Dispose();
        var e = Assert.Throws<ZeroException>(() => SqliteExperienceStore.Open(folder.File("e.db"), "connect4"));
        Assert.Contains("tictactoe run", e.Message);
        Assert.Contains("--run", e.Message);
    }

    [Fact]
    public void Open_NewerSchema_RefusedWithUpdateMessage()
    {
        using var folder = new TempFolder();
        string path = folder.File("e.db");
        SqliteExperienceStore.Open(path, "tictactoe").Dispose();
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "UPDATE meta SET value = '99' WHERE key = 'schema_version'";
            cmd.ExecuteNonQuery();
        }
        var e = Assert.Throws<ZeroException>(() => SqliteExperienceStore.Open(path, "tictactoe"));
        Assert.Contains("update zero", e.Message);
    }

    [Fact]
    public void Open_FileThatIsNotADatabase_RefusedWithHint()
    {
        using var folder = new TempFolder();
        string path = folder.File("e.db");
        File.WriteAllText(path, new string('x', 5000));
        var e = Assert.Throws<ZeroException>(() => SqliteExperienceStore.Open(path, "tictactoe"));
        Assert.Contains("move it away", e.Message);
    }

    [Fact]
    public void GenerationsEvaluationsMetricsState_RoundTrip()
    {
        using var folder = new TempFolder();
        string path = folder.File("e.db");
        var created = new DateTimeOffset(2026, 11, 22, 4, 0, 0, TimeSpan.Zero);
        using (var store = SqliteExperienceStore.Open(path, "connect4"))
        {
            store.AddGeneration(new GenerationInfo(0, "generations/gen-0000.zw", "ab", 0, 0, true, created));
            store.AddGeneration(new GenerationInfo(1, "generations/gen-0001.zw", "cd", 100, 400, false, created.AddMinutes(5)));
            store.SetAccepted(1, true);
            store.AddEvaluation(new EvaluationResult(1, "gen 0", 12, 4, 4, 125.5));
            store.AddEvaluation(new EvaluationResult(1, "random", 20, 0, 0, null));
            store.AddMetrics(1, "{\"event\":\"train\"}");
            store.SetState(new Dictionary<string, string> { ["replayCursor"] = "42", ["steps"] = "100" });
            store.SetState(new Dictionary<string, string> { ["replayCursor"] = "43" });
        }
        using (var store = SqliteExperienceStore.Open(path, "connect4"))
        {
            IReadOnlyList<GenerationInfo> gens = store.Generations();
            Assert.Equal(2, gens.Count);
            Assert.Equal(new GenerationInfo(1, "generations/gen-0001.zw", "cd", 100, 400, true, created.AddMinutes(5)), gens[1]);
            IReadOnlyList<EvaluationResult> evals = store.Evaluations();
            Assert.Equal(new EvaluationResult(1, "gen 0", 12, 4, 4, 125.5), evals[0]);
            Assert.Null(evals[1].Elo);
            Assert.Equal((1, "{\"event\":\"train\"}"), store.Metrics().Single());
            Assert.Equal("43", store.GetState("replayCursor"));
            Assert.Equal("100", store.GetState("steps"));
            Assert.Null(store.GetState("missing"));
        }
    }

    [Fact]
    public async Task AddGame_FromManyThreads_AllStored()
    {
        using var folder = new TempFolder();
        using var store = SqliteExperienceStore.Open(folder.File("e.db"), "tictactoe");
        await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            for (int i = 0; i < 25; i++)
            {
                store.AddGame(TestGames.RandomTicTacToe(random, t));
            }
        })));
        Assert.Equal(100, store.GameCount);
        Assert.Equal(100, store.ReadGames(0, 1000).Games.Count);
    }
}
