using Zero.Games.Go;

namespace Zero.Arena.Engines;

/// <summary>One game of a <see cref="GtpMatch"/>: who played Black, the result, and what went wrong if anything.</summary>
/// <param name="Number">1-based game number.</param>
/// <param name="ZeroColor">Zero's colour.</param>
/// <param name="Result">The result as SGF writes it ("B+12.5", "W+R", "W+T" ...).</param>
/// <param name="ZeroWon">True when Zero won.</param>
/// <param name="Moves">Moves played (passes included).</param>
/// <param name="Fault">What ended the game abnormally (an illegal move, a crash, a refused move, a time loss), or null.</param>
/// <param name="ZeroFault">True when the fault is Zero's.</param>
/// <param name="ZeroLongestMove">Zero's longest think.</param>
/// <param name="ZeroScore">Zero's own final_score, for comparison with the opponent's.</param>
/// <param name="Sgf">The game as SGF.</param>
public sealed record GtpGameRecord(
    int Number, GoColor ZeroColor, string Result, bool ZeroWon, int Moves, string? Fault, bool ZeroFault,
    TimeSpan ZeroLongestMove, string? ZeroScore, string Sgf);
