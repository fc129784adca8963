using Zero.Games.Chess;

namespace Zero.Uci.Match;

/// <summary>
/// One finished match game: who had White, the result from Zero's side (1, ½, 0), why it ended, the engine at fault
/// when it ended by a time forfeit, an illegal move or a crash (null when it ended by the rules), the PGN game,
/// Zero's lowest clock and the illegal moves found in Zero's `pv` lines.
/// </summary>
public sealed record GameRecord(int Number, bool ZeroWhite, double ZeroScore, string Reason, string? Fault, PgnGame Pgn, TimeSpan ZeroLowestClock, int IllegalPvMoves)
{
    /// <summary>True when Zero lost by a time forfeit, an illegal move or a crash.</summary>
    public bool ZeroFault => Fault == "Zero";
}
