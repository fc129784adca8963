namespace Zero.Uci.Time;

/// <summary>The clock kinds GTP can set (time_settings, kgs-time_settings, kata-time_settings); see <see cref="GoClock"/>.</summary>
public enum GoTimeSystem
{
    /// <summary>No clock: think to the playout limit.</summary>
    None,

    /// <summary>Sudden death: main time only.</summary>
    Absolute,

    /// <summary>Main time, then periods of <c>ByoYomiTime</c> for <c>ByoYomiStones</c> stones each.</summary>
    Canadian,

    /// <summary>Main time, then <c>Periods</c> periods of <c>ByoYomiTime</c>; a move inside a period keeps it.</summary>
    Japanese,

    /// <summary>Main time plus <c>Increment</c> after every move.</summary>
    Fischer,
}
