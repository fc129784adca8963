namespace Zero.Uci.Time;

/// <summary>The clock facts of one `go` for the side to move: its remaining time and increment, moves to the next control, or a fixed move time.</summary>
/// <param name="Remaining">wtime or btime; null when the GUI sent no clock.</param>
/// <param name="Increment">winc or binc.</param>
/// <param name="MovesToGo">Moves until the next time control; null in sudden death.</param>
/// <param name="MoveTime">`go movetime`: think exactly this long.</param>
public readonly record struct TimeControl(TimeSpan? Remaining, TimeSpan? Increment = null, int? MovesToGo = null, TimeSpan? MoveTime = null);
