namespace Zero.Cli.Validation;

/// <summary>
/// Checks paths from the command line before anything is read or written, so a typo gets a message that names the
/// problem ("is a folder, not a file", "the folder ... does not exist") and exit 2, instead of an exception from
/// deep inside a command or a failure after minutes of work. Used by every command that takes a file or folder.
/// </summary>
internal static class CliPaths
{
    /// <summary>An existing file to read.</summary>
    /// <exception cref="UsageException">Empty, missing, or a folder; <paramref name="hint"/> ends the message.</exception>
    public static string RequireInputFile(string path, string option, string hint = "")
    {
        string tail = hint.Length > 0 ? $" ({hint})" : "";
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{option}: the path is empty: give a file{tail}");
        }
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option} '{path}' is a folder: give a file{tail}");
        }
        if (!File.Exists(path))
        {
            throw new UsageException($"{option} '{path}' does not exist: give an existing file{tail}");
        }
        return path;
    }

    /// <summary>
    /// A file to write: not empty, not a folder, and its folder exists (checked before the work starts) — unless
    /// <paramref name="createsFolder"/>, when the command creates the folder itself.
    /// </summary>
    /// <exception cref="UsageException">The file could not be written there.</exception>
    public static string RequireOutputFile(string path, string option, bool createsFolder = false)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{option}: the path is empty: give a file name");
        }
        if (Directory.Exists(path))
        {
            throw new UsageException($"{option} '{path}' is a folder: give a file name inside it");
        }
        string? folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && File.Exists(folder))
        {
            throw new UsageException($"{option} '{path}': '{folder}' is a file, not a folder");
        }
        if (folder is not null && !createsFolder && !Directory.Exists(folder))
        {
            throw new UsageException($"{option} '{path}': the folder '{folder}' does not exist; create it first");
        }
        return path;
    }

    /// <summary>A folder a command owns (created when missing): not empty, not an existing file.</summary>
    /// <exception cref="UsageException">Empty or names a file.</exception>
    public static string RequireFolder(string path, string option)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw new UsageException($"{option}: the path is empty: give a folder (it is created when missing)");
        }
        if (File.Exists(path))
        {
            throw new UsageException($"{option} '{path}' is a file: give a folder (it is created when missing)");
        }
        return path;
    }
}
