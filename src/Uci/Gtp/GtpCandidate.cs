using Zero.Games.Go;

namespace Zero.Uci.Gtp;

/// <summary>One root move of a search as the analysis commands report it (lz-analyze, kata-analyze, gogui): made by <see cref="IGtpGame.Snapshot"/>.</summary>
/// <param name="Move">The move.</param>
/// <param name="Visits">Its visits.</param>
/// <param name="Winrate">Win probability for the analysed side, (Q + 1)/2, in [0, 1].</param>
/// <param name="Prior">Its prior (policy probability) in [0, 1].</param>
/// <param name="Lcb">A lower confidence bound on the winrate (winrate − 1.96·√(w(1−w)/visits)), clamped to [0, 1].</param>
/// <param name="Pv">The principal variation starting with <paramref name="Move"/>.</param>
public sealed record GtpCandidate(GoMove Move, int Visits, double Winrate, double Prior, double Lcb, IReadOnlyList<GoMove> Pv);
