namespace Zero.Arena.Play;

/// <summary>
/// Why a game ended, in the categories a report counts: by the rules, by adjudication, or by a participant's fault
/// (time, illegal move, crash or stall: fastchess's "disconnect" and "stall").
/// </summary>
public enum Termination
{
    Rules,
    AdjudicatedDraw,
    AdjudicatedResign,
    MaxMoves,
    TimeLoss,
    IllegalMove,
    Disconnect,
    Stall,
}
