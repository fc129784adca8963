using System.Globalization;
using System.Text;

namespace Zero.Uci.Protocol;

/// <summary>
/// One engine option, declared once in <see cref="EngineOptions"/>. From this single declaration come the UCI
/// `option name ... type ...` line (<see cref="UciLine"/>), the `zero uci --flag` command-line option
/// (<see cref="CliFlag"/>), the row of docs/options.md (<see cref="MarkdownRow"/>) and the validation of every value
/// a GUI or a user sends (<see cref="TryNormalize"/>).
/// </summary>
/// <param name="Name">The UCI name, case-insensitive on input ("Threads", "MultiPV").</param>
/// <param name="Type">The UCI type.</param>
/// <param name="Default">The default value as UCI writes it ("1", "true", "" for an empty string).</param>
/// <param name="Description">One sentence for `--help` and docs/options.md.</param>
/// <param name="Min">Smallest value of a spin.</param>
/// <param name="Max">Largest value of a spin.</param>
/// <param name="Choices">The words of a combo.</param>
/// <param name="Scale">For a "decimal" spin: the UCI integer is the value times this (CPuct 125 = 1.25); 1 otherwise.</param>
public sealed record UciOption(
    string Name,
    UciOptionType Type,
    string Default,
    string Description,
    long Min = 0,
    long Max = 0,
    IReadOnlyList<string>? Choices = null,
    int Scale = 1)
{
    /// <summary>The command-line flag: the name in kebab case ("MoveOverhead" → "--move-overhead", "UCI_ShowWDL" → "--uci-show-wdl").</summary>
    public string CliFlag
    {
        get
        {
            var sb = new StringBuilder("--");
            string name = Name.Replace("_", "", StringComparison.Ordinal);
            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                bool boundary = i > 0 && char.IsUpper(c)
                    && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
                if (boundary)
                {
                    sb.Append('-');
                }
                sb.Append(char.ToLowerInvariant(c));
            }
            return sb.ToString();
        }
    }

    /// <summary>The line the engine prints for this option after `uci`.</summary>
    public string UciLine() => Type switch
    {
        UciOptionType.Spin => string.Create(CultureInfo.InvariantCulture, $"option name {Name} type spin default {Default} min {Min} max {Max}"),
        UciOptionType.Check => $"option name {Name} type check default {Default}",
        UciOptionType.String => $"option name {Name} type string default {(Default.Length == 0 ? "<empty>" : Default)}",
        _ => $"option name {Name} type combo default {Default}{string.Concat(Choices!.Select(c => " var " + c))}",
    };

    /// <summary>The range or choices in words, for docs and error messages.</summary>
    public string RangeText => Type switch
    {
        UciOptionType.Spin => string.Create(CultureInfo.InvariantCulture, $"{Min} to {Max}"),
        UciOptionType.Check => "true or false",
        UciOptionType.String => "text",
        _ => string.Join(", ", Choices!),
    };

    /// <summary>The docs/options.md row: UCI name, CLI flag, type, default, range, meaning.</summary>
    public string MarkdownRow()
    {
        string shown = Default.Length == 0 ? "(empty)" : Default;
        return $"| {Name} | `{CliFlag}` | {Type.ToString().ToLowerInvariant()} | {shown} | {RangeText} | {Description} |";
    }

    /// <summary>
    /// Checks a value sent for this option and returns it in canonical form (a spin as a plain integer, a check as
    /// "true"/"false", a combo as its declared spelling). Never throws; the error says what is allowed.
    /// </summary>
    public bool TryNormalize(string? text, out string value, out string? error)
    {
        string t = (text ?? "").Trim();
        value = Default;
        error = null;
        switch (Type)
        {
            case UciOptionType.Spin:
                if (!long.TryParse(t, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long n) || n < Min || n > Max)
                {
                    error = $"option {Name}: '{t}' is not an integer from {RangeText}";
                    return false;
                }
                value = n.ToString(CultureInfo.InvariantCulture);
                return true;
            case UciOptionType.Check:
                if (!bool.TryParse(t, out bool b))
                {
                    error = $"option {Name}: '{t}' is not true or false";
                    return false;
                }
                value = b ? "true" : "false";
                return true;
            case UciOptionType.String:
                value = t == "<empty>" ? "" : t;
                return true;
            default:
                string? match = Choices!.FirstOrDefault(c => string.Equals(c, t, StringComparison.OrdinalIgnoreCase));
                if (match is null)
                {
                    error = $"option {Name}: '{t}' is not one of {RangeText}";
                    return false;
                }
                value = match;
                return true;
        }
    }
}
