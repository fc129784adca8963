namespace Zero.Arena.Tournaments;

/// <summary>
/// How <see cref="Tournament{TGame,TMove}.Run"/> ended: games counted from an earlier run, whether the SPRT decided,
/// why it stopped early (a participant crashed or stalled without --recover), and whether it was interrupted.
/// </summary>
public sealed record TournamentOutcome(int ResumedGames, bool SprtDecided, string? Error, bool Interrupted);
