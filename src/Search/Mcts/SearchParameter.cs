using System.Globalization;
using System.Text;

namespace Zero.Search.Mcts;

/// <summary>
/// One number of the search, declared once in <see cref="SearchParameters"/> with its name, default, allowed range and
/// meaning. From this declaration come the default and the check of <see cref="MctsOptions"/>, the UCI option of
/// `zero uci` (Zero.Uci's EngineOptions), the self-play config key and its check (RunConfig), the `zero analyze`
/// flag and the table in docs/options.md — so the range that a message names is the range that is enforced.
/// </summary>
/// <param name="Key">The name in camelCase: MctsOptions member (PascalCase of it), config key (selfPlay.KEY), flag (--kebab-case).</param>
/// <param name="UciName">The UCI option's name, or null when `zero uci` does not expose it.</param>
/// <param name="Default">The value when nothing sets it.</param>
/// <param name="Min">Smallest allowed value.</param>
/// <param name="Max">Largest allowed value.</param>
/// <param name="Help">One sentence for help texts and docs.</param>
/// <param name="Decimals">0 for a whole number; otherwise the decimals a UCI spin keeps (a UCI spin is an integer: 2 means × 100).</param>
/// <param name="MinExclusive">True when <paramref name="Min"/> itself is not allowed (a rate above 0).</param>
public sealed record SearchParameter(string Key, string? UciName, double Default, double Min, double Max, string Help, int Decimals = 0, bool MinExclusive = false)
{
    /// <summary>A whole number (threads, batch size, seed).</summary>
    public bool IsInteger => Decimals == 0;

    /// <summary>The allowed range in words: "1 to 256", "more than 0 and at most 100".</summary>
    public string RangeText => MinExclusive ? $"more than {Text(Min)} and at most {Text(Max)}" : $"{Text(Min)} to {Text(Max)}";

    /// <summary>The command-line flag: --kebab-case of <see cref="Key"/> ("cInit" → "--c-init").</summary>
    public string CliFlag
    {
        get
        {
            var sb = new StringBuilder("--");
            foreach (char c in Key)
            {
                if (char.IsUpper(c))
                {
                    sb.Append('-').Append(char.ToLowerInvariant(c));
                }
                else
                {
                    sb.Append(c);
                }
            }
            return sb.ToString();
        }
    }

    /// <summary>Whether <paramref name="value"/> is allowed (in range, finite, whole when <see cref="IsInteger"/>).</summary>
    public bool Allows(double value) =>
        (MinExclusive ? value > Min : value >= Min) && value <= Max && (!IsInteger || Math.Floor(value) == value);

    /// <summary>Null when <paramref name="value"/> is allowed, else a message naming <paramref name="name"/> (default: the key) and the range.</summary>
    public string? Check(double value, string? name = null) =>
        Allows(value) ? null : $"{name ?? Key} must be {(IsInteger ? "a whole number " : "")}{(MinExclusive ? "" : "from ")}{RangeText} (got {Text(value)})";

    /// <summary>The default as text ("1.25", "19652").</summary>
    public string DefaultText => Text(Default);

    /// <summary>A number as every message writes it (invariant culture, shortest form).</summary>
    public static string Text(double value) => value.ToString("G", CultureInfo.InvariantCulture);
}
