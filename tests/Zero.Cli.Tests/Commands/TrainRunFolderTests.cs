using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Zero.SelfPlay.Training;

namespace Zero.Cli.Tests.Commands;

/// <summary>
/// Run folders are owned (issue 15, findings 5-7): a second `zero train` on a folder in use is refused with the
/// holder's PID; a resume refuses a lost, damaged or foreign experience store instead of starting over or writing into
/// it, and leaves every file as it was.
/// </summary>
public sealed class TrainRunFolderTests : IDisposable
{
    private static readonly string[] Tiny =
    [
        "network.blocks=1", "network.channels=8", "network.valueHidden=8",
        "selfPlay.gamesPerGeneration=12", "selfPlay.parallelGames=4", "selfPlay.playouts=8",
        "training.batchSize=16", "training.minPositions=20",
        "evaluation.gamesVsPrevious=2", "evaluation.gamesPerBaseline=2", "evaluation.playouts=8",
    ];

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "zero-run-folder-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, true);
        }
    }

    private string NewRun(string name)
    {
        string run = Path.Combine(_dir, name);
        (int code, string output, string error) = CliRun.Run("", ["train", "tictactoe", "--run", run, "--generations", "1", .. Tiny]);
        Assert.True(code == 0, error + output);
        return run;
    }

    private static Dictionary<string, string> Snapshot(string run) =>
        Directory.EnumerateFiles(run, "*", SearchOption.AllDirectories)
            .Where(f => !Path.GetFileName(f).StartsWith("lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetRelativePath(run, f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));

    [Fact]
    public void Train_FolderInUse_IsRefusedNamingTheHolder()
    {
        string run = Path.Combine(_dir, "busy");
        Directory.CreateDirectory(run);
        using (RunFolderLock.Acquire(new RunFolder(run)))
        {
            (int code, _, string error) = CliRun.Run("", ["train", "tictactoe", "--run", run, "--generations", "1", .. Tiny]);
            Assert.Equal(1, code);
            Assert.Contains("is in use by another process (pid " + Environment.ProcessId, error, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(run, "experience.db")), "the refused process must not touch the store");
        }
    }

    [Fact]
    public void Train_StoreDeletedBesideACheckpoint_IsRefusedAndTheRunIsUntouched()
    {
        string run = NewRun("lost");
        foreach (string f in Directory.EnumerateFiles(run, "experience.db*"))
        {
            File.Delete(f);
        }
        Dictionary<string, string> before = Snapshot(run);
        (int code, string output, string error) = CliRun.Run("", "train", "tictactoe", "--run", run, "--generations", "2");
        Assert.True(code == 1, error + output);
        Assert.Contains("missing or empty", error, StringComparison.Ordinal);
        Assert.Contains("Restore experience.db", error, StringComparison.Ordinal);
        Dictionary<string, string> after = Snapshot(run);
        after.Remove("experience.db"); // SQLite creates an empty file on open; nothing else may change
        Assert.Equal(before, after);
    }

    [Fact]
    public void Train_DamagedStorePage_IsRefusedByTheIntegrityCheck()
    {
        string run = NewRun("damaged");
        string db = Path.Combine(run, "experience.db");
        using (var file = new FileStream(db, FileMode.Open, FileAccess.ReadWrite))
        {
            // Page 6's b-tree header: a leaf page whose cell count and free-block pointers are nonsense.
            file.Position = 4096 * 5;
            file.Write([0x0d, 0x00, 0x00, 0x00, 0x09, 0xff, 0xff]);
        }
        Dictionary<string, string> before = Snapshot(run);
        (int code, string output, string error) = CliRun.Run("", "train", "tictactoe", "--run", run, "--generations", "2");
        Assert.True(code == 1, error + output);
        Assert.Contains("integrity check", error, StringComparison.Ordinal);
        Assert.Contains(".recover", error, StringComparison.Ordinal);
        Assert.Equal(before, Snapshot(run));
    }

    [Fact]
    public void Train_StoreFromAnotherRun_IsRefusedByTheRunId()
    {
        string a = NewRun("a"), b = NewRun("b");
        foreach (string f in Directory.EnumerateFiles(a, "experience.db*"))
        {
            File.Delete(f);
        }
        File.Copy(Path.Combine(b, "experience.db"), Path.Combine(a, "experience.db"));
        (int code, string output, string error) = CliRun.Run("", "train", "tictactoe", "--run", a, "--generations", "2");
        Assert.True(code == 1, error + output);
        Assert.Contains("belongs to run", error, StringComparison.Ordinal);
    }
}
