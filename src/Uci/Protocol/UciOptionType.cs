namespace Zero.Uci.Protocol;

/// <summary>The UCI option types (the protocol's `type` field); <see cref="UciOption"/> carries one.</summary>
public enum UciOptionType
{
    /// <summary>An integer with a minimum and a maximum.</summary>
    Spin,

    /// <summary>true or false.</summary>
    Check,

    /// <summary>Free text (a file name); `&lt;empty&gt;` stands for the empty string.</summary>
    String,

    /// <summary>One of a fixed list of words.</summary>
    Combo,
}
