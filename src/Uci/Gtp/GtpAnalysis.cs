namespace Zero.Uci.Gtp;

/// <summary>A search's state for the GTP front-end: the visited root moves, best first, and the counters. Made by <see cref="IGtpGame"/>.</summary>
/// <param name="Candidates">Visited root moves, best first (the move genmove plays is the first).</param>
/// <param name="Visits">Root visits (tree reuse included).</param>
/// <param name="Playouts">Playouts of this search.</param>
/// <param name="Winrate">The root's win probability for the analysed side.</param>
public sealed record GtpAnalysis(IReadOnlyList<GtpCandidate> Candidates, long Visits, long Playouts, double Winrate);
