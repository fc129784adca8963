namespace Zero.Arena.Play;

/// <summary>
/// When the referee ends a game before the rules do, with fastchess's semantics (match.hpp):
/// <list type="bullet">
/// <item>Draw: from full move <see cref="DrawMoveNumber"/> on, both sides' scores within ±<see cref="DrawScore"/>
/// centipawns for <see cref="DrawMoveCount"/> consecutive moves each; a capture or pawn move (chess), a mate score or
/// a missing score starts the count again.</item>
/// <item>Resign: one side's own score ≤ −<see cref="ResignScore"/> (or a negative mate) for <see cref="ResignMoveCount"/>
/// consecutive moves of its own; with <see cref="ResignTwoSided"/> the other side must agree (≥ +score) on its moves too.</item>
/// <item>Length: after <see cref="MaxPlies"/> plies from the start of the game (`--maxmoves N` is 2N plies) the game is a draw.</item>
/// </list>
/// A count of 0 turns a rule off. Built from `--draw`, `--resign` and `--maxmoves`.
/// </summary>
public sealed record Adjudication(
    int DrawMoveNumber = 0,
    int DrawMoveCount = 0,
    int DrawScore = 0,
    int ResignMoveCount = 0,
    int ResignScore = 0,
    bool ResignTwoSided = false,
    int MaxPlies = 0)
{
    /// <summary>No adjudication: every game ends by the rules (or a fault).</summary>
    public static Adjudication None { get; } = new();
}
