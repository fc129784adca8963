using Zero.Games.Chess;

namespace Zero.Uci.Match;

/// <summary>One finished match game: who had White, the result from Zero's side (1, ½, 0), why it ended, the PGN game and Zero's lowest clock.</summary>
public sealed record GameRecord(int Number, bool ZeroWhite, double ZeroScore, string Reason, PgnGame Pgn, TimeSpan ZeroLowestClock, int IllegalPvMoves)
{
    /// <summary>True when the game ended by something other than the rules of chess (forfeit, illegal move, crash).</summary>
    public bool Abnormal => Reason.StartsWith("time forfeit", StringComparison.Ordinal)
        || Reason.StartsWith("illegal move", StringComparison.Ordinal)
        || Reason.StartsWith("crash", StringComparison.Ordinal);
}
