namespace Zero.Uci.Gtp;

/// <summary>
/// The lines read from the controller, filled by a reader thread so that <see cref="GtpEngine"/> can see that a line
/// has arrived without taking it: streaming analysis ends on the next input line, which is then handled as a command,
/// and a `# interrupt` line ends a genmove early. The end of input is a null line.
/// </summary>
public sealed class GtpLineQueue
{
    private readonly Queue<string?> _lines = new();
    private readonly object _lock = new();

    /// <summary>Starts a background thread that copies <paramref name="input"/> into a new queue.</summary>
    public static GtpLineQueue Read(TextReader input)
    {
        var queue = new GtpLineQueue();
        var thread = new Thread(() =>
        {
            try
            {
                string? line;
                while ((line = input.ReadLine()) is not null)
                {
                    queue.Add(line);
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                // the input closed: same as its end
            }
            queue.Add(null);
        })
        { IsBackground = true, Name = "zero-gtp-input" };
        thread.Start();
        return queue;
    }

    /// <summary>Adds a line (null: end of input).</summary>
    public void Add(string? line)
    {
        lock (_lock)
        {
            _lines.Enqueue(line);
            Monitor.PulseAll(_lock);
        }
    }

    /// <summary>True when a line (or the end of input) is waiting.</summary>
    public bool HasLine
    {
        get
        {
            lock (_lock)
            {
                return _lines.Count > 0;
            }
        }
    }

    /// <summary>The waiting line without taking it, when there is one.</summary>
    public bool TryPeek(out string? line)
    {
        lock (_lock)
        {
            return _lines.TryPeek(out line);
        }
    }

    /// <summary>Takes the next line, waiting for it; null at the end of input.</summary>
    public string? Take()
    {
        lock (_lock)
        {
            while (_lines.Count == 0)
            {
                Monitor.Wait(_lock);
            }
            return _lines.Dequeue();
        }
    }

    /// <summary>Waits up to <paramref name="timeout"/> for a line to arrive; true when one is waiting.</summary>
    public bool WaitForLine(TimeSpan timeout)
    {
        lock (_lock)
        {
            if (_lines.Count == 0)
            {
                Monitor.Wait(_lock, timeout);
            }
            return _lines.Count > 0;
        }
    }
}
