using System.Text;
using System.Text.Json;

namespace Zero.SelfPlay.Reporting;

/// <summary>
/// The run's metrics file (metrics.jsonl in the run folder): one JSON object per line, appended and flushed as
/// each event happens, so `tail -f` and a notebook can follow a run and a kill -9 loses at most the line being
/// written. Every line has "time" (UTC, ISO 8601), "event" and "generation", then the event's numbers. Written
/// by the training loop; read back by <see cref="ReadAll"/> for plots and tests.
/// </summary>
public sealed class MetricsLog
{
    private readonly string _path;
    private readonly TimeProvider _time;
    private readonly Lock _lock = new();

    public MetricsLog(string path, TimeProvider time)
    {
        _path = path;
        _time = time;
    }

    /// <summary>The file written.</summary>
    public string Path => _path;

    /// <summary>Appends one line and returns it (without the newline).</summary>
    public string Write(string eventName, int generation, IReadOnlyDictionary<string, double> values)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("time", _time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("event", eventName);
            writer.WriteNumber("generation", generation);
            foreach ((string key, double value) in values)
            {
                if (double.IsFinite(value))
                {
                    writer.WriteNumber(key, Math.Round(value, 6));
                }
                else
                {
                    writer.WriteNull(key);
                }
            }
            writer.WriteEndObject();
        }
        string line = Encoding.UTF8.GetString(buffer.ToArray());
        lock (_lock)
        {
            File.AppendAllText(_path, line + "\n");
        }
        return line;
    }

    /// <summary>Reads every complete line of a metrics file (a torn last line from a crash is skipped).</summary>
    public static IReadOnlyList<JsonElement> ReadAll(string path)
    {
        var list = new List<JsonElement>();
        if (!File.Exists(path))
        {
            return list;
        }
        foreach (string line in File.ReadLines(path))
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            try
            {
                using var doc = JsonDocument.Parse(line);
                list.Add(doc.RootElement.Clone());
            }
            catch (JsonException)
            {
                // A line torn by a crash: skip it, the next lines are whole.
            }
        }
        return list;
    }
}
