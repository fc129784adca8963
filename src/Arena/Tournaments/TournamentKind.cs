namespace Zero.Arena.Tournaments;

/// <summary>Who plays whom: everyone against everyone (round robin), or the first participant against each of the others (gauntlet).</summary>
public enum TournamentKind
{
    RoundRobin,
    Gauntlet,
}
