using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Zero.Rl.Training;

/// <summary>
/// A hyper-parameter that may change over training, as SB3's schedules: a constant, or <c>lin_X</c> (the Zoo's
/// notation) decaying linearly from X at the start to 0 at the end. Evaluated on "progress remaining" (1 → 0).
/// Written in configs as a number or the string "lin_X".
/// </summary>
[JsonConverter(typeof(ScheduleJsonConverter))]
public sealed record Schedule(double Start, bool Linear)
{
    /// <summary>A constant value.</summary>
    public static Schedule Constant(double value) => new(value, false);

    /// <summary>Linear decay from <paramref name="start"/> to 0.</summary>
    public static Schedule LinearToZero(double start) => new(start, true);

    /// <summary>The value when <paramref name="progressRemaining"/> (1 at the start, 0 at the end) of training remains.</summary>
    public double Value(double progressRemaining) => Linear ? Start * progressRemaining : Start;

    /// <summary>Parses "0.001", "1e-3" or "lin_1e-3". Throws <see cref="ZeroException"/> saying which forms are accepted.</summary>
    public static Schedule Parse(string text)
    {
        string t = text.Trim();
        bool linear = t.StartsWith("lin_", StringComparison.OrdinalIgnoreCase);
        string number = linear ? t[4..] : t;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double v))
        {
            throw new ZeroException($"'{text}' is not a schedule: write a number (3e-4) or a linear decay to zero (lin_3e-4).");
        }
        return new Schedule(v, linear);
    }

    /// <inheritdoc/>
    public override string ToString() => (Linear ? "lin_" : "") + Start.ToString("R", CultureInfo.InvariantCulture);
}

/// <summary>Reads and writes a <see cref="Schedule"/> as a number or "lin_X".</summary>
public sealed class ScheduleJsonConverter : JsonConverter<Schedule>
{
    /// <inheritdoc/>
    public override Schedule Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Number ? Schedule.Constant(reader.GetDouble()) : Schedule.Parse(reader.GetString() ?? "");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Schedule value, JsonSerializerOptions options)
    {
        if (value.Linear)
        {
            writer.WriteStringValue(value.ToString());
        }
        else
        {
            writer.WriteNumberValue(value.Start);
        }
    }
}
