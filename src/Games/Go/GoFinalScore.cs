using System.Globalization;

namespace Zero.Games.Go;

/// <summary>
/// The engine's verdict at the end of a game (GTP final_score and final_status_list): the score with the dead
/// stones removed, the dead stones, and the ownership estimate it came from. Made by <see cref="GoScoring.Final{TFrame}"/>.
/// </summary>
/// <param name="Score">Black's area − White's area − komi − handicap compensation, dead stones removed.</param>
/// <param name="Dead">The stones judged dead.</param>
/// <param name="Seki">Living stones whose strings touch a neutral point (a shared liberty), as GTP's "seki" status.</param>
/// <param name="Ownership">For each point (row-major N×N, row 0 at the top): P(Black owns it) − P(White owns it) over the playouts.</param>
public sealed record GoFinalScore(double Score, IReadOnlyList<GoMove> Dead, IReadOnlyList<GoMove> Seki, float[] Ownership)
{
    /// <summary>The result in SGF/GTP form: "B+3.5", "W+0.5", or "0" for a draw.</summary>
    public string Result => Score > 0 ? "B+" + Format(Score) : Score < 0 ? "W+" + Format(-Score) : "0";

    private static string Format(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
