using Zero.Games.Chess;

namespace Zero.Uci.Protocol;

/// <summary>What one <see cref="SearchSession"/> needs to know beyond the search limits; built by <see cref="UciEngine"/> from a `go` line and the options.</summary>
/// <param name="Root">The searched position.</param>
/// <param name="AllowedActions">`searchmoves` as root actions, or null.</param>
/// <param name="Depth">`go depth`: stop when the average leaf depth reaches it.</param>
/// <param name="WaitForRelease">`infinite` or `ponder`: print bestmove only after `stop` (or, pondering, after `ponderhit` and the budget).</param>
/// <param name="PonderBudget">Time to think after `ponderhit` (null: until `stop`).</param>
/// <param name="MultiPv">Lines per info report.</param>
/// <param name="ShowWdl">Add `wdl` to info lines.</param>
/// <param name="InfoInterval">Time between progress lines.</param>
/// <param name="Received">Timestamp of the `go` line (for `time` and `nps`).</param>
/// <param name="Deadline">For a timed search, the budget counted from <paramref name="Received"/>: bestmove is sent soon after it even if a gather is still running.</param>
public sealed record SessionSettings(
    ChessPosition Root,
    IReadOnlySet<int>? AllowedActions,
    int? Depth,
    bool WaitForRelease,
    TimeSpan? PonderBudget,
    int MultiPv,
    bool ShowWdl,
    TimeSpan InfoInterval,
    long Received,
    TimeSpan? Deadline = null);
