namespace Zero.Uci.Match;

/// <summary>How a <see cref="UciMatch"/> is played: games, clock, and the two engines' command lines and options. Built by `zero uci-match`.</summary>
/// <param name="Games">Games to play; colours alternate and each opening is played once with each colour.</param>
/// <param name="BaseTime">Each side's starting clock.</param>
/// <param name="Increment">Added to a side's clock after each of its moves.</param>
/// <param name="Engine">Zero's command line (program and arguments).</param>
/// <param name="EngineOptions">setoption pairs for Zero.</param>
/// <param name="Opponent">The opponent's command line (Stockfish).</param>
/// <param name="OpponentOptions">setoption pairs for the opponent ("Skill Level" 0, ...).</param>
/// <param name="MaxPlies">A game still running after this many plies is adjudicated a draw.</param>
public sealed record MatchSettings(
    int Games,
    TimeSpan BaseTime,
    TimeSpan Increment,
    IReadOnlyList<string> Engine,
    IReadOnlyList<KeyValuePair<string, string>> EngineOptions,
    IReadOnlyList<string> Opponent,
    IReadOnlyList<KeyValuePair<string, string>> OpponentOptions,
    int MaxPlies = 600);
