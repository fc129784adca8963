using Zero.Arena.Play;
using Zero.Arena.Statistics;

namespace Zero.Arena.Tournaments;

/// <summary>
/// The running counts of one pairing (or of one participant against all others) from one participant's side:
/// games won, drawn and lost, the pentanomial of complete pairs (with WL and DD apart for fastchess's WL/DD ratio),
/// and the games lost by faults. Kept by <see cref="Tournament{TGame,TMove}"/>, printed by <see cref="TournamentReport"/>.
/// </summary>
public sealed record MatchTally(int Wins, int Draws, int Losses, Pentanomial Pentanomial, int WinLossPairs, int DrawDrawPairs, int TimeLosses, int OtherFaults)
{
    public static MatchTally Empty { get; } = new(0, 0, 0, default, 0, 0, 0, 0);

    public int Games => Wins + Draws + Losses;

    /// <summary>Points scored (a draw is a half).</summary>
    public double Points => Wins + 0.5 * Draws;

    /// <summary>This tally plus one pair of game results (+1/0/−1 for this side) and the faults that cost this side.</summary>
    public MatchTally AddPair(int first, int second, IEnumerable<Termination> ownFaults)
    {
        int wins = Wins + (first > 0 ? 1 : 0) + (second > 0 ? 1 : 0);
        int losses = Losses + (first < 0 ? 1 : 0) + (second < 0 ? 1 : 0);
        int draws = Draws + (first == 0 ? 1 : 0) + (second == 0 ? 1 : 0);
        Termination[] faults = [.. ownFaults];
        return new MatchTally(wins, draws, losses, Pentanomial.AddPair(first, second),
            WinLossPairs + (first * second < 0 ? 1 : 0), DrawDrawPairs + (first == 0 && second == 0 ? 1 : 0),
            TimeLosses + faults.Count(f => f == Termination.TimeLoss), OtherFaults + faults.Count(f => f != Termination.TimeLoss));
    }

    /// <summary>This tally plus a single game (a tournament of one game per round: no pentanomial).</summary>
    public MatchTally AddGame(int result, Termination? ownFault) => this with
    {
        Wins = Wins + (result > 0 ? 1 : 0),
        Draws = Draws + (result == 0 ? 1 : 0),
        Losses = Losses + (result < 0 ? 1 : 0),
        TimeLosses = TimeLosses + (ownFault == Termination.TimeLoss ? 1 : 0),
        OtherFaults = OtherFaults + (ownFault is { } f && f != Termination.TimeLoss ? 1 : 0),
    };

    public static MatchTally operator +(MatchTally a, MatchTally b) => new(
        a.Wins + b.Wins, a.Draws + b.Draws, a.Losses + b.Losses, a.Pentanomial + b.Pentanomial,
        a.WinLossPairs + b.WinLossPairs, a.DrawDrawPairs + b.DrawDrawPairs, a.TimeLosses + b.TimeLosses, a.OtherFaults + b.OtherFaults);
}
