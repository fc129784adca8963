using Zero.Arena.Statistics;

namespace Zero.Arena.Play;

/// <summary>Wins, draws and losses of a match, counted for the player measured (player A of <see cref="Match"/>).</summary>
public readonly record struct MatchResult(int Wins, int Draws, int Losses)
{
    public int Games => Wins + Draws + Losses;

    /// <summary>Score in [0, 1] (draw = one half); 0.5 for no games.</summary>
    public double Score => Games == 0 ? 0.5 : (Wins + 0.5 * Draws) / Games;

    /// <summary>The Elo estimate of A against B.</summary>
    public EloEstimate Elo => EloEstimate.FromResults(Wins, Draws, Losses);

    public override string ToString() => $"+{Wins} ={Draws} -{Losses}";
}
