using Zero.Arena.Participants;

namespace Zero.Arena.Play;

/// <summary>
/// The rules of one arena game beyond the game's own: each participant's search limit (indexed by participant: 0
/// plays first), the time margin a clock may be overdrawn by before the move counts as late (fastchess's timemargin),
/// how long an untimed move may take before it counts as a stall, and the adjudication rules.
/// </summary>
public sealed record GameSettings(SearchLimit[] Limits, TimeSpan Margin, TimeSpan UntimedBound, Adjudication Adjudication)
{
    /// <summary>Untimed games without adjudication (internal players, training's evaluation).</summary>
    public static GameSettings Untimed { get; } = new([SearchLimit.Untimed, SearchLimit.Untimed], TimeSpan.Zero, Timeout.InfiniteTimeSpan, Adjudication.None);
}
