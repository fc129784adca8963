using System.Diagnostics;
using System.Text.Json;
using Microsoft.Data.Sqlite;

namespace Zero.Cli.Tests.Commands;

/// <summary>`zero arena`: the JSON summary, usage errors, and a tournament killed with kill -9 that resumes with nothing counted twice.</summary>
public sealed class ArenaCommandTests
{
    [Fact]
    public void Arena_InternalPlayersWithJson_PrintsOneObjectFromTheFirstsView()
    {
        (int code, string output, string error) = CliRun.Run("", "arena", "--game", "tictactoe", "--engine", "player=perfect", "name=p",
            "--engine", "player=random", "name=r", "--rounds", "6", "--concurrency", "2", "--sprt", "elo0=0", "elo1=200", "--json");
        Assert.True(code == 0, error);
        using JsonDocument json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal("p", root.GetProperty("first").GetString());
        Assert.Equal(12, root.GetProperty("games").GetInt32());
        Assert.Equal(0, root.GetProperty("losses").GetInt32());
        Assert.Equal(12, root.GetProperty("wins").GetInt32() + root.GetProperty("draws").GetInt32());
        Assert.Equal(6, root.GetProperty("pentanomial").EnumerateArray().Sum(e => e.GetInt32()));
        JsonElement sprt = root.GetProperty("sprt");
        Assert.Equal("normalized", sprt.GetProperty("model").GetString());
        Assert.Equal(-2.9444, sprt.GetProperty("lower").GetDouble(), 4);
        Assert.Contains(sprt.GetProperty("result").GetString(), new[] { "H0", "H1", "continue" });
        Assert.Contains("Finished game 12", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arena_ConnectFourText_PrintsTheFastchessReport()
    {
        (int code, string output, string error) = CliRun.Run("", "arena", "--game", "connect4", "--engine", "player=alphabeta:4", "--engine", "player=random",
            "--rounds", "3", "--report", "0");
        Assert.True(code == 0, error);
        Assert.Contains("Results of alphabeta:4 vs random", output, StringComparison.Ordinal);
        Assert.Matches(@"Ptnml\(0-2\): \[\d+, \d+, \d+, \d+, \d+\]", output);
        Assert.Contains("Elo: ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("give two or more participants", "arena", "--engine", "player=random")]
    [InlineData("UCI engines play chess", "arena", "--game", "connect4", "--engine", "cmd=stockfish", "tc=1", "--engine", "player=random")]
    [InlineData("elo1 must be larger", "arena", "--engine", "player=random", "--engine", "player=random", "name=b", "--sprt", "elo0=5", "elo1=0")]
    [InlineData("unknown key 'colour'", "arena", "--engine", "player=random", "colour=white", "--engine", "player=random")]
    [InlineData("unknown option '--bogus'", "arena", "--bogus")]
    [InlineData("same name", "arena", "--engine", "player=random", "--engine", "player=random")]
    public void Arena_BadUsage_ExitsTwoWithAMessage(string message, params string[] args)
    {
        (int code, _, string error) = CliRun.Run("", args);
        Assert.Equal(2, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Arena_KilledWithSigkill_ResumesAndCountsEveryGameOnce()
    {
        string folder = Path.Combine(Path.GetTempPath(), $"zero-arena-kill-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        string db = Path.Combine(folder, "results.db");
        string[] args = ["arena", "--game", "connect4", "--engine", "player=alphabeta:3", "--engine", "player=random", "--rounds", "1000",
            "--concurrency", "2", "--db", db, "--json"];
        try
        {
            // 1. Start the tournament in its own process and kill -9 it once some rounds are stored.
            string dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
            var info = new ProcessStartInfo(dotnet) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "zero.dll"));
            foreach (string a in args)
            {
                info.ArgumentList.Add(a);
            }
            using (Process process = Process.Start(info)!)
            {
                process.ErrorDataReceived += (_, _) => { };
                process.BeginErrorReadLine();
                long start = Environment.TickCount64;
                while (StoredGames(db) < 40 && Environment.TickCount64 - start < 120_000 && !process.HasExited)
                {
                    Thread.Sleep(100);
                }
                Assert.False(process.HasExited, "the tournament ended before it could be killed");
                process.Kill(entireProcessTree: true); // SIGKILL: no chance to clean up
                process.WaitForExit();
            }
            int before = StoredGames(db);
            Assert.InRange(before, 40, 1998);

            // 2. The same command resumes: every round once, 2000 games in all.
            (int code, string output, string error) = CliRun.Run("", args);
            Assert.True(code == 0, error);
            Assert.Contains($"Resumed: {before} games", error, StringComparison.Ordinal);
            using JsonDocument json = JsonDocument.Parse(output);
            Assert.Equal(2000, json.RootElement.GetProperty("games").GetInt32());
            Assert.Equal(1000, json.RootElement.GetProperty("pentanomial").EnumerateArray().Sum(e => e.GetInt32()));
            Assert.Equal(2000, StoredGames(db));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static int StoredGames(string db)
    {
        if (!File.Exists(db))
        {
            return 0;
        }
        try
        {
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = db, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            connection.Open();
            using SqliteCommand count = connection.CreateCommand();
            count.CommandText = "SELECT COUNT(*) FROM (SELECT DISTINCT round, pairing, game FROM games)";
            return Convert.ToInt32(count.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }
        catch (SqliteException)
        {
            return 0; // the table is not there yet
        }
    }
}
