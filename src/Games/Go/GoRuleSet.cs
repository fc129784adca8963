namespace Zero.Games.Go;

/// <summary>
/// The named rule sets Zero plays. Both use area scoring (stones plus empty points that reach only one colour).
/// <list type="bullet">
/// <item><see cref="Chinese"/>: suicide illegal; in a handicap game White gets one point per handicap stone.</item>
/// <item><see cref="TrompTaylor"/>: suicide legal (a move may remove its own string), no handicap compensation.</item>
/// </list>
/// The ko rule is chosen separately (<see cref="GoKoRule"/>); both sets default to positional superko.
/// </summary>
public enum GoRuleSet : byte
{
    Chinese = 0,
    TrompTaylor = 1,
}
