
namespace Zero.Arena.Engines;

/// <summary>
/// A GTP engine in a child process (GNU Go, or `zero gtp` itself in tests), driven as a controller drives it: one
/// command, then its reply up to the closing blank line. The process plumbing (reader threads, transcript, error
/// tail) is <see cref="UciClient"/>'s, which is protocol-neutral below its UCI helpers. Used by <see cref="GtpMatch"/>
/// and the GTP transcript tests.
/// </summary>
public sealed class GtpClient : IDisposable
{
    private readonly UciClient _process;

    private GtpClient(UciClient process) => _process = process;

    /// <summary>The engine's name as given by the caller.</summary>
    public string Name => _process.Name;

    /// <summary>Every line sent and received, in order.</summary>
    public IReadOnlyList<string> Transcript => _process.Transcript;

    /// <summary>The engine's last lines on standard error.</summary>
    public string ErrorTail => _process.ErrorTail;

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/>.</summary>
    /// <exception cref="ZeroException">The program cannot be started.</exception>
    public static GtpClient Start(string name, string fileName, IEnumerable<string> arguments) =>
        new(UciClient.Start(name, fileName, arguments));

    /// <summary>Sends a raw line (no reply is read).</summary>
    public void Send(string line) => _process.Send(line);

    /// <summary>
    /// Sends <paramref name="command"/> and reads its reply: success, and the text after `=`/`?` and the id (lines
    /// joined by '\n'). Null when no complete reply came within <paramref name="timeout"/> or the engine exited.
    /// </summary>
    public GtpReply? Command(string command, TimeSpan timeout)
    {
        _process.Send(command);
        return ReadReply(timeout);
    }

    /// <summary>Reads one reply (after a command sent with <see cref="Send"/>); null on timeout or exit.</summary>
    public GtpReply? ReadReply(TimeSpan timeout)
    {
        long start = TimeProvider.System.GetTimestamp();
        var lines = new List<string>();
        while (true)
        {
            TimeSpan left = timeout - TimeProvider.System.GetElapsedTime(start);
            string? line = _process.ReadUntil(_ => true, left > TimeSpan.Zero ? left : TimeSpan.Zero);
            if (line is null)
            {
                return null;
            }
            if (lines.Count == 0 && line.Length == 0)
            {
                continue; // stray blank lines between replies
            }
            if (line.Length == 0)
            {
                return GtpReply.From(lines);
            }
            lines.Add(line);
        }
    }

    /// <summary>Reads raw lines until one satisfies <paramref name="match"/> (streaming analysis); null on timeout.</summary>
    public string? ReadUntil(Func<string, bool> match, TimeSpan timeout, Action<string>? seen = null) => _process.ReadUntil(match, timeout, seen);

    /// <summary>Closes the engine's standard input.</summary>
    public void CloseInput() => _process.CloseInput();

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>The exit code once exited.</summary>
    public int ExitCode => _process.ExitCode;

    public void Dispose() => _process.Dispose();
}
