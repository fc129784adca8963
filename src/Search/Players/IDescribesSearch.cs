namespace Zero.Search.Players;

/// <summary>
/// Optional for a player: a one-line account of its last search ("exact: wins with its 11th stone, depth 20,
/// 1.2M nodes"), which `zero play` prints after the player's move. Players that search implement it; the
/// random player does not.
/// </summary>
public interface IDescribesSearch
{
    /// <summary>The summary of the last <see cref="IPlayer{TGame, TMove}.ChooseMove"/>, or null before the first.</summary>
    string? LastSearchSummary { get; }
}
