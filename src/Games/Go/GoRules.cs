using System.Globalization;

namespace Zero.Games.Go;

/// <summary>
/// The rules and options of one Go game: board size (2–25), komi (any multiple of 0.5; an integer komi can
/// draw), rule set and ko rule. Immutable; shared by every position of a game. Built by callers that start a
/// game (the position parser, SGF reader, the GTP front-end) and read by <see cref="GoPosition{TFrame}"/>.
/// </summary>
public sealed record GoRules
{
    /// <summary>The largest board supported (GTP's letters stop at Z without I).</summary>
    public const int MaxSize = 25;

    /// <summary>Creates rules after checking them.</summary>
    /// <exception cref="ZeroException">The size is outside 2–25 or the komi is not a multiple of 0.5.</exception>
    public GoRules(int size = 19, double komi = 7.5, GoRuleSet ruleSet = GoRuleSet.Chinese, GoKoRule ko = GoKoRule.Positional)
    {
        if (size is < 2 or > MaxSize)
        {
            throw new ZeroException($"board size {size} is not supported: choose 2 to {MaxSize}");
        }
        if (!IsValidKomi(komi))
        {
            throw new ZeroException($"komi {komi.ToString(CultureInfo.InvariantCulture)} is not a multiple of 0.5 between -1000 and 1000");
        }
        Size = size;
        Komi = komi;
        RuleSet = ruleSet;
        Ko = ko;
    }

    /// <summary>Board edge length.</summary>
    public int Size { get; }

    /// <summary>Points added to White's score.</summary>
    public double Komi { get; }

    /// <summary>The named rule set (suicide, handicap compensation).</summary>
    public GoRuleSet RuleSet { get; }

    /// <summary>The repetition rule.</summary>
    public GoKoRule Ko { get; }

    /// <summary>True when a move may remove its own string (Tromp–Taylor).</summary>
    public bool SuicideAllowed => RuleSet == GoRuleSet.TrompTaylor;

    /// <summary>The rule set's name as written in positions, SGF RU and GTP ("chinese", "tromp-taylor").</summary>
    public string RuleSetName => FormatRuleSet(RuleSet);

    /// <summary>Same rules with another size.</summary>
    public GoRules WithSize(int size) => new(size, Komi, RuleSet, Ko);

    /// <summary>Same rules with another komi.</summary>
    public GoRules WithKomi(double komi) => new(Size, komi, RuleSet, Ko);

    /// <summary>True for a finite multiple of 0.5 within ±1000.</summary>
    public static bool IsValidKomi(double komi) =>
        double.IsFinite(komi) && Math.Abs(komi) <= 1000 && Math.Abs(komi * 2 - Math.Round(komi * 2)) < 1e-9;

    /// <summary>Formats a komi without trailing zeros ("7.5", "6", "-0.5").</summary>
    public static string FormatKomi(double komi) => komi.ToString("0.#", CultureInfo.InvariantCulture);

    /// <summary>"chinese" or "tromp-taylor".</summary>
    public static string FormatRuleSet(GoRuleSet ruleSet) => ruleSet == GoRuleSet.TrompTaylor ? "tromp-taylor" : "chinese";

    /// <summary>"positional", "situational" or "simple".</summary>
    public static string FormatKo(GoKoRule ko) => ko switch
    {
        GoKoRule.Situational => "situational",
        GoKoRule.Simple => "simple",
        _ => "positional",
    };

    /// <summary>Reads a rule-set name: chinese (also cn, area), tromp-taylor (also tt, trompTaylor). Case-insensitive.</summary>
    public static bool TryParseRuleSet(string text, out GoRuleSet ruleSet)
    {
        switch (text.Trim().ToLowerInvariant().Replace("_", "-", StringComparison.Ordinal))
        {
            case "chinese" or "cn" or "area":
                ruleSet = GoRuleSet.Chinese;
                return true;
            case "tromp-taylor" or "tt" or "tromptaylor" or "tromp taylor":
                ruleSet = GoRuleSet.TrompTaylor;
                return true;
            default:
                ruleSet = GoRuleSet.Chinese;
                return false;
        }
    }

    /// <summary>Reads a ko rule name: positional, situational or simple. Case-insensitive.</summary>
    public static bool TryParseKo(string text, out GoKoRule ko)
    {
        switch (text.Trim().ToLowerInvariant())
        {
            case "positional" or "psk":
                ko = GoKoRule.Positional;
                return true;
            case "situational" or "ssk":
                ko = GoKoRule.Situational;
                return true;
            case "simple":
                ko = GoKoRule.Simple;
                return true;
            default:
                ko = GoKoRule.Positional;
                return false;
        }
    }

    public override string ToString() =>
        $"size {Size} komi {FormatKomi(Komi)} rules {RuleSetName}" + (Ko == GoKoRule.Positional ? "" : $" ko {FormatKo(Ko)}");
}
