namespace Zero.Engine.Serialization;

/// <summary>
/// A weights or optimizer-state file that cannot be used: not a Zero file, another format version, truncated,
/// corrupted, or written for another architecture. The message says which and how to fix it; callers (the CLI,
/// self-play, the arena) show it as it is. Derives from the root <see cref="ZeroException"/>; the CLI maps it to exit code 1.
/// </summary>
public sealed class WeightsFileException : ZeroException
{
    /// <summary>Creates the exception.</summary>
    public WeightsFileException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public WeightsFileException(string message, Exception inner)
        : base(message, inner)
    {
    }

    /// <summary>Creates the exception.</summary>
    public WeightsFileException()
    {
    }
}
