namespace Zero.Arena.Tournaments;

/// <summary>
/// One finished game as the results database keeps it: its round, pairing and index in the round, which entrants
/// moved first and second, the result for the one who moved first, how it ended, the entrant at fault (or null), and
/// the moves from the opening's start position in the game's notation.
/// </summary>
public sealed record StoredGame(int Round, int Pairing, int Game, int First, int Second, int FirstResult, string Termination, string Reason, int? Faulty, string Start, string Moves);
