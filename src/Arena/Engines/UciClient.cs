using System.Collections.Concurrent;
using System.Diagnostics;
using Zero.Games;

namespace Zero.Arena.Engines;

/// <summary>
/// A UCI engine in a child process, driven as a GUI drives it: lines to its standard input, its standard output
/// read by a background thread into a queue. <see cref="UciParticipant"/> plays arena games through it; the
/// transcript tests use it to drive `zero uci`. Standard error is drained so the child never blocks on it; its
/// last lines are kept for error messages.
/// </summary>
public sealed class UciClient : IDisposable
{
    private readonly Process _process;
    private readonly BlockingCollection<string> _lines = [];
    private readonly ConcurrentQueue<string> _errorTail = new();
    private readonly List<string> _transcript = [];
    private readonly Lock _transcriptLock = new();

    private UciClient(Process process, string name)
    {
        _process = process;
        Name = name;
    }

    /// <summary>The engine's name as given by the caller (for reports).</summary>
    public string Name { get; }

    /// <summary>True once the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>True once the engine's standard output has closed (it died, or is dying: the exit may not be reaped yet).</summary>
    public bool OutputEnded => _lines.IsAddingCompleted;

    /// <summary>Every line sent ("&gt; ...") and received ("&lt; ..."), in order.</summary>
    public IReadOnlyList<string> Transcript
    {
        get
        {
            lock (_transcriptLock)
            {
                return _transcript.ToList();
            }
        }
    }

    /// <summary>The last lines the engine wrote to standard error.</summary>
    public string ErrorTail => string.Join('\n', _errorTail);

    /// <summary>Starts <paramref name="fileName"/> with <paramref name="arguments"/> in <paramref name="workingDirectory"/> (default: ours).</summary>
    /// <exception cref="ZeroException">The program cannot be started.</exception>
    public static UciClient Start(string name, string fileName, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory ?? "",
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string a in arguments)
        {
            info.ArgumentList.Add(a);
        }
        Process process;
        try
        {
            process = Process.Start(info) ?? throw new ZeroException($"could not start {fileName}");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new ZeroException($"could not start '{fileName}' ({e.Message}): install it or give its full path");
        }
        var client = new UciClient(process, name);
        var reader = new Thread(client.ReadOutput) { IsBackground = true, Name = $"uci-client-{name}" };
        reader.Start();
        var errors = new Thread(client.ReadErrors) { IsBackground = true, Name = $"uci-client-{name}-err" };
        errors.Start();
        return client;
    }

    private void ReadOutput()
    {
        try
        {
            string? line;
            while ((line = _process.StandardOutput.ReadLine()) is not null)
            {
                Record("< " + line);
                _lines.Add(line);
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // the process ended or the client was disposed: nothing more to read
        }
        finally
        {
            try
            {
                _lines.CompleteAdding();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private void ReadErrors()
    {
        try
        {
            string? line;
            while ((line = _process.StandardError.ReadLine()) is not null)
            {
                _errorTail.Enqueue(line);
                while (_errorTail.Count > 20)
                {
                    _errorTail.TryDequeue(out _);
                }
            }
        }
        catch (Exception e) when (e is IOException or InvalidOperationException or ObjectDisposedException)
        {
            // the process ended or the client was disposed
        }
    }

    private void Record(string line)
    {
        lock (_transcriptLock)
        {
            _transcript.Add(line);
        }
    }

    /// <summary>Sends one line.</summary>
    /// <exception cref="ZeroException">The engine has exited.</exception>
    public void Send(string line)
    {
        Record("> " + line);
        try
        {
            _process.StandardInput.WriteLine(line);
            _process.StandardInput.Flush();
        }
        catch (IOException e)
        {
            throw new ZeroException($"{Name} has stopped reading its input ({e.Message}); its last errors: {ErrorTail}");
        }
    }

    /// <summary>Closes the engine's standard input (end of input).</summary>
    public void CloseInput() => _process.StandardInput.Close();

    /// <summary>
    /// Reads lines until one satisfies <paramref name="match"/> and returns it; every line read is passed to
    /// <paramref name="seen"/> first. Returns null when <paramref name="timeout"/> passes or the engine exits first.
    /// </summary>
    public string? ReadUntil(Func<string, bool> match, TimeSpan timeout, Action<string>? seen = null)
    {
        long start = TimeProvider.System.GetTimestamp();
        while (true)
        {
            TimeSpan left = timeout - TimeProvider.System.GetElapsedTime(start);
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            try
            {
                if (!_lines.TryTake(out string? line, left))
                {
                    return null;
                }
                seen?.Invoke(line);
                if (match(line))
                {
                    return line;
                }
            }
            catch (InvalidOperationException)
            {
                return null; // the output has ended
            }
        }
    }

    /// <summary>`uci` … `uciok`, the given `setoption`s, then `isready` … `readyok`.</summary>
    /// <exception cref="ZeroException">The engine does not answer within <paramref name="timeout"/>.</exception>
    public void Handshake(IEnumerable<KeyValuePair<string, string>> options, TimeSpan timeout)
    {
        Send("uci");
        if (ReadUntil(l => l == "uciok", timeout) is null)
        {
            throw new ZeroException($"{Name} did not answer 'uci' with 'uciok' within {timeout.TotalSeconds:F0} s; its errors: {ErrorTail}");
        }
        foreach (var (name, value) in options)
        {
            Send($"setoption name {name} value {value}");
        }
        WaitReady(timeout);
    }

    /// <summary>`isready` … `readyok`.</summary>
    /// <exception cref="ZeroException">No answer within <paramref name="timeout"/>.</exception>
    public void WaitReady(TimeSpan timeout)
    {
        Send("isready");
        if (ReadUntil(l => l == "readyok", timeout) is null)
        {
            throw new ZeroException($"{Name} did not answer 'isready' within {timeout.TotalSeconds:F0} s; its errors: {ErrorTail}");
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for the process to exit.</summary>
    public bool WaitForExit(TimeSpan timeout) => _process.WaitForExit(timeout);

    /// <summary>Exit code once exited.</summary>
    public int ExitCode => _process.ExitCode;

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                try
                {
                    Send("quit");
                }
                catch (ZeroException)
                {
                }
                if (!_process.WaitForExit(TimeSpan.FromSeconds(3)))
                {
                    _process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
        }
        _process.Dispose(); // the line queue is left to the collector: the reader thread may still be finishing with it
    }
}
