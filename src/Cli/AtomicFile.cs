namespace Zero.Cli;

/// <summary>
/// Writes a command's text outputs (RL config and curves, PGN) through a temporary file beside the target and a
/// rename, so a crash or kill leaves either the old file or the new one, never half of one. Commands call it for
/// every file they name on their output line.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/> atomically (temporary file, then rename).</summary>
    public static void WriteAllText(string path, string text)
    {
        string temp = $"{path}.{Environment.ProcessId}.tmp";
        try
        {
            File.WriteAllText(temp, text);
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temp))
            {
                File.Delete(temp);
            }
        }
    }
}
