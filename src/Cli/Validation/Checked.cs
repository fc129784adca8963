using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using Zero.Search.Mcts;

namespace Zero.Cli.Validation;

/// <summary>
/// The one place where numbers on the command line are declared with their allowed range. Every numeric option and
/// argument of `zero` is made here, so the range is checked where the text is parsed: a value outside it (or one
/// too large for the type, or not a number) is a parse error — exit 2 with "--threads '257': give a whole number
/// from 1 to 256" — and never reaches the code behind the option. The range is also appended to the help text.
/// Config files are checked by RunConfig.Validate and the RL ConfigFile; paths
/// through <see cref="CliPaths"/>.
/// </summary>
internal static class Checked
{
    /// <summary>An integer option with a default, accepting <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int> Int(string name, string description, int defaultValue, int min, int max) =>
        new(name)
        {
            Description = $"{description} ({RangeText(min, max)}; default {defaultValue.ToString(CultureInfo.InvariantCulture)})",
            DefaultValueFactory = _ => defaultValue,
            CustomParser = r => (int)Parse(r, name, min, max),
        };

    /// <summary>An integer option without a default (null when absent), accepting <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<int?> OptionalInt(string name, string description, int min, int max) =>
        new(name)
        {
            Description = $"{description} ({RangeText(min, max)})",
            CustomParser = r => (int)Parse(r, name, min, max),
        };

    /// <summary>A 64-bit integer option without a default, accepting <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Option<long?> OptionalLong(string name, string description, long min, long max) =>
        new(name)
        {
            Description = $"{description} ({RangeText(min, max)})",
            CustomParser = r => Parse(r, name, min, max),
        };

    /// <summary>A required integer argument accepting <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static Argument<int> IntArgument(string name, string description, int min, int max) =>
        new(name)
        {
            Description = $"{description} ({RangeText(min, max)})",
            CustomParser = r => (int)Parse(r, name, min, max),
        };

    /// <summary>
    /// The flag of a search parameter (<see cref="SearchParameters"/>): its name, meaning, default and range come from
    /// the one declaration; a value outside the range is a parse error naming it.
    /// </summary>
    public static Option<double> Search(SearchParameter parameter) =>
        new(parameter.CliFlag)
        {
            Description = $"{parameter.Help} ({parameter.RangeText}; default {parameter.DefaultText})",
            DefaultValueFactory = _ => parameter.Default,
            CustomParser = r =>
            {
                string text = r.Tokens.Count > 0 ? r.Tokens[^1].Value : "";
                if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && parameter.Allows(value))
                {
                    return value;
                }
                r.AddError($"{parameter.CliFlag} '{text}': give a {(parameter.IsInteger ? "whole " : "")}number {(parameter.MinExclusive ? "" : "from ")}{parameter.RangeText}");
                return parameter.Default;
            },
        };

    /// <summary>"1 to 256", the range as every message writes it.</summary>
    public static string RangeText(long min, long max) => string.Create(CultureInfo.InvariantCulture, $"{min} to {max}");

    /// <summary>Checks a number that a command computes or reads itself (not through an option made here).</summary>
    /// <exception cref="UsageException">The value is outside the range; the message names the option and the range.</exception>
    public static long Require(long value, string name, long min, long max) =>
        value >= min && value <= max
            ? value
            : throw new UsageException(string.Create(CultureInfo.InvariantCulture, $"{name} {value}: give a whole number from {RangeText(min, max)}"));

    private static long Parse(ArgumentResult result, string name, long min, long max)
    {
        string text = result.Tokens.Count > 0 ? result.Tokens[^1].Value : "";
        if (long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= min && value <= max)
        {
            return value;
        }
        result.AddError($"{name} '{text}': give a whole number from {RangeText(min, max)}");
        return min;
    }
}
