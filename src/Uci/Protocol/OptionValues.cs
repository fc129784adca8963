using System.Globalization;

namespace Zero.Uci.Protocol;

/// <summary>
/// The current value of every <see cref="EngineOptions"/> option for one engine instance (no static state, so
/// tests and matches can run many engines in one process). Values are stored in canonical text form and read
/// typed; <see cref="TrySet"/> validates with the option's own declaration. The catalogue is the UCI engine's
/// (<see cref="EngineOptions"/>) by default; `zero gtp` passes its own (<see cref="Gtp.GtpOptions"/>).
/// </summary>
public sealed class OptionValues
{
    private readonly Dictionary<string, string> _values = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<UciOption> _catalogue;

    public OptionValues()
        : this(EngineOptions.All)
    {
    }

    /// <summary>Defaults of every option in <paramref name="catalogue"/>.</summary>
    public OptionValues(IReadOnlyList<UciOption> catalogue)
    {
        _catalogue = catalogue;
        foreach (UciOption o in catalogue)
        {
            _values[o.Name] = o.Default;
        }
    }

    /// <summary>Sets option <paramref name="name"/> (any case) to <paramref name="value"/>; false with a reason when the name or value is bad.</summary>
    public bool TrySet(string name, string? value, out string? error)
    {
        UciOption? option = _catalogue.FirstOrDefault(o => string.Equals(o.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (option is null)
        {
            error = $"unknown option '{name.Trim()}'; the options are {string.Join(", ", _catalogue.Select(o => o.Name))}";
            return false;
        }
        if (!option.TryNormalize(value, out string normal, out error))
        {
            return false;
        }
        _values[option.Name] = normal;
        return true;
    }

    public string GetString(UciOption option) => _values[option.Name];

    public long GetLong(UciOption option) => long.Parse(_values[option.Name], CultureInfo.InvariantCulture);

    public bool GetBool(UciOption option) => _values[option.Name] == "true";

    /// <summary>A spin divided by its scale (CPuct 125 → 1.25).</summary>
    public double GetDouble(UciOption option) => GetLong(option) / (double)option.Scale;
}
