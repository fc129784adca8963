using Zero.Arena.Play;
using Zero.Arena.Statistics;

namespace Zero.Arena.Tournaments;

/// <summary>
/// How a tournament is run (fastchess's flags): the pairing scheme, rounds (one opening each) and games per round
/// (2: the opening with colours swapped, a pentanomial pair), games at once, the SPRT that may stop it, the
/// adjudication rules, `--recover`, and the results database that makes it resumable. <see cref="Signature"/>
/// names everything that must match for a resume to continue the same tournament.
/// </summary>
public sealed record TournamentOptions
{
    public TournamentKind Kind { get; init; } = TournamentKind.RoundRobin;

    /// <summary>Rounds: each pairing plays one opening per round.</summary>
    public int Rounds { get; init; } = 1;

    /// <summary>Games per round and pairing (2: colours swapped; 1: the first participant of the pairing moves first).</summary>
    public int GamesPerRound { get; init; } = 2;

    /// <summary>Games played at once.</summary>
    public int Concurrency { get; init; } = 1;

    /// <summary>The sequential test that stops the tournament when decided, or null.</summary>
    public Sprt? Sprt { get; init; }

    public Adjudication Adjudication { get; init; } = Adjudication.None;

    /// <summary>Restart a participant that crashed or stalled and go on (else the tournament stops).</summary>
    public bool Recover { get; init; }

    /// <summary>How long an untimed move may take (internal players never time out: infinite).</summary>
    public TimeSpan UntimedBound { get; init; } = Timeout.InfiniteTimeSpan;

    /// <summary>The SQLite results file (resume), or null for none.</summary>
    public string? DatabasePath { get; init; }

    /// <summary>The PGN file games are appended to (chess), or null.</summary>
    public string? PgnPath { get; init; }

    /// <summary>The PGN Event tag.</summary>
    public string Event { get; init; } = "zero arena";

    /// <summary>What must match to resume: participants, limits, openings, seed (the arena command builds it).</summary>
    public string Signature { get; init; } = "";
}
