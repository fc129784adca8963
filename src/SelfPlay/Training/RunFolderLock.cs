using System.Globalization;
using Zero.Games;

namespace Zero.SelfPlay.Training;

/// <summary>
/// Exclusive ownership of a run folder for the life of one <see cref="TrainingRun{TGame,TMove}"/>: two `zero train`
/// processes on one folder would duplicate evaluations, overwrite each other's generation files and mix their run
/// records. The lock is an open handle on RUN/lock with no sharing (an advisory flock on Linux and macOS, a sharing
/// lock on Windows), so the operating system releases it when the process ends, even after kill -9; the holder's
/// process id and start time are written beside it in RUN/lock.owner so that the refusal can name it.
/// </summary>
public sealed class RunFolderLock : IDisposable
{
    private readonly FileStream _handle;
    private readonly string _ownerFile;

    private RunFolderLock(FileStream handle, string ownerFile)
    {
        _handle = handle;
        _ownerFile = ownerFile;
    }

    /// <summary>Takes the lock of <paramref name="folder"/> (which must exist).</summary>
    /// <exception cref="ZeroException">Another process holds it; the message names its process id.</exception>
    public static RunFolderLock Acquire(RunFolder folder)
    {
        FileStream handle;
        try
        {
            handle = new FileStream(folder.Lock, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            string owner = ReadOwner(folder.LockOwner);
            throw new ZeroException(
                $"the run folder '{folder.Path}' is in use by {owner}: two trainings on one folder would overwrite each other's "
                + "files. Wait for it to finish or stop it (Ctrl+C, or kill PID), or train in another --run folder");
        }
        string text = string.Create(CultureInfo.InvariantCulture,
            $"pid {Environment.ProcessId}, started {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm:ss} UTC on {Environment.MachineName}\n");
        File.WriteAllText(folder.LockOwner, text);
        return new RunFolderLock(handle, folder.LockOwner);
    }

    private static string ReadOwner(string path)
    {
        try
        {
            string text = File.ReadAllText(path).Trim();
            return text.Length > 0 ? $"another process ({text})" : "another process";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }

    /// <summary>Releases the lock (the files stay; a stale lock.owner is harmless: the lock is the open handle).</summary>
    public void Dispose()
    {
        try
        {
            File.Delete(_ownerFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The owner note is only for messages; the handle below is the lock.
        }
        _handle.Dispose();
    }
}
