using System.Security.Cryptography;
using Zero.Games;

namespace Zero.SelfPlay.Training;

/// <summary>
/// SHA-256 of files on disk: the experience store references every generation's weights (and the checkpoint) by
/// it, and the training loop checks it before loading, so a damaged or swapped file is refused with a clear
/// message instead of silently training or playing with the wrong network.
/// </summary>
public static class FileHash
{
    /// <summary>Lower-case hex SHA-256 of the file.</summary>
    public static string Sha256(string path)
    {
        using FileStream stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>Checks that <paramref name="path"/> exists and hashes to <paramref name="expected"/>.</summary>
    /// <exception cref="ZeroException">Missing, or the hash differs (the message names the file and says what to do).</exception>
    public static void Verify(string path, string expected, string what)
    {
        if (!File.Exists(path))
        {
            throw new ZeroException($"{what} '{path}' is missing: restore it from a copy, or start a new run folder");
        }
        string actual = Sha256(path);
        if (!string.Equals(actual, expected, StringComparison.OrdinalIgnoreCase))
        {
            throw new ZeroException(
                $"{what} '{path}' is damaged or was replaced: its SHA-256 is {actual[..12]}…, the run recorded {expected[..Math.Min(12, expected.Length)]}…; "
                + "restore the file from a copy, or start a new run folder");
        }
    }

    /// <summary>Writes a file through a temporary name and a rename, so readers never see half a file.</summary>
    public static void WriteAtomically(string path, Action<string> write)
    {
        string temp = path + ".tmp";
        write(temp);
        File.Move(temp, path, overwrite: true);
    }
}
