namespace Zero.Arena.Engines;

/// <summary>What a <see cref="GtpMatch"/> plays: games, board, komi, Zero's Canadian clock, the two command lines.</summary>
/// <param name="Games">Games to play (Zero takes Black in the odd ones).</param>
/// <param name="Size">Board size.</param>
/// <param name="Komi">Komi.</param>
/// <param name="MainTime">Zero's main time (Canadian clock; the referee enforces it).</param>
/// <param name="ByoYomi">Zero's byo-yomi block time.</param>
/// <param name="ByoYomiStones">Stones per byo-yomi block (0: absolute time).</param>
/// <param name="Zero">Zero's command line (program and arguments).</param>
/// <param name="Opponent">The opponent's command line (e.g. gnugo --mode gtp --level 1 --chinese-rules).</param>
/// <param name="OpponentName">The opponent's name in reports.</param>
public sealed record GtpMatchSettings(
    int Games,
    int Size,
    double Komi,
    TimeSpan MainTime,
    TimeSpan ByoYomi,
    int ByoYomiStones,
    IReadOnlyList<string> Zero,
    IReadOnlyList<string> Opponent,
    string OpponentName);
