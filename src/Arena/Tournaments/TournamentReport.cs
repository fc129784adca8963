using System.Globalization;
using System.Text;
using System.Text.Json;
using Zero.Arena.Statistics;

namespace Zero.Arena.Tournaments;

/// <summary>
/// The tournament's reports: the text block in fastchess's layout (what engine testers read every N games and at the
/// end) and the one JSON object `--json` prints (documented in docs/protocols.md). Both are from the first
/// participant's side (A in "A vs B"), which fastchess also uses and says so.
/// </summary>
public static class TournamentReport
{
    /// <summary>
    /// The fastchess block for A against B:
    /// <code>
    /// Results of A vs B (10+0.1, book.epd):
    /// Elo: 8.69 +/- 27.04, nElo: 15.51 +/- 48.15
    /// LOS: 73.60 %, DrawRatio: 52.00 %, PairsRatio: 1.09
    /// Games: 200, Wins: 34, Losses: 29, Draws: 137, Points: 102.5 (51.25 %)
    /// Ptnml(0-2): [1, 22, 52, 21, 4], WL/DD Ratio: 0.11
    /// LLR: 0.11 (3.7%) (-2.94, 2.94) [0.00, 5.00]
    /// </code>
    /// </summary>
    public static string Text(string a, string b, string conditions, MatchTally tally, Sprt? sprt)
    {
        var s = new StringBuilder();
        EloStatistics elo = EloStatistics.From(tally.Pentanomial);
        Pentanomial p = tally.Pentanomial;
        s.AppendLine(Inv($"Results of {a} vs {b} ({conditions}):"));
        s.AppendLine(Inv($"Elo: {Number(elo.Elo)} +/- {Number(elo.EloError)}, nElo: {Number(elo.NElo)} +/- {Number(elo.NEloError)}"));
        double drawRatio = p.Pairs == 0 ? 0 : 100.0 * p.Even / p.Pairs;
        double pairsRatio = (p.LL + p.LD) == 0 ? double.PositiveInfinity : (double)(p.WW + p.WD) / (p.LL + p.LD);
        s.AppendLine(Inv($"LOS: {Number(100 * elo.Los)} %, DrawRatio: {drawRatio:F2} %, PairsRatio: {Number(pairsRatio)}"));
        double percent = tally.Games == 0 ? 0 : 100 * tally.Points / tally.Games;
        s.AppendLine(Inv($"Games: {tally.Games}, Wins: {tally.Wins}, Losses: {tally.Losses}, Draws: {tally.Draws}, Points: {tally.Points:0.0} ({percent:F2} %)"));
        double wlDd = tally.DrawDrawPairs == 0 ? double.PositiveInfinity : (double)tally.WinLossPairs / tally.DrawDrawPairs;
        s.AppendLine(Inv($"Ptnml(0-2): {p}, WL/DD Ratio: {Number(wlDd)}"));
        if (sprt is not null)
        {
            double llr = sprt.Llr(p);
            s.AppendLine(Inv($"LLR: {llr:F2} ({100 * llr / sprt.Upper:F1}%) ({sprt.Lower:F2}, {sprt.Upper:F2}) [{sprt.Elo0:F2}, {sprt.Elo1:F2}]"));
        }
        return s.ToString();
    }

    /// <summary>The `--json` object: A's games, wins, draws, losses, pentanomial, Elo figures and the SPRT.</summary>
    public static string Json(string a, string b, MatchTally tally, MatchTally opponents, Sprt? sprt, bool interrupted, string? error)
    {
        EloStatistics elo = EloStatistics.From(tally.Pentanomial);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("first", a);
            w.WriteString("second", b);
            w.WriteNumber("games", tally.Games);
            w.WriteNumber("wins", tally.Wins);
            w.WriteNumber("draws", tally.Draws);
            w.WriteNumber("losses", tally.Losses);
            w.WriteNumber("points", tally.Points);
            w.WriteStartArray("pentanomial");
            foreach (int c in tally.Pentanomial.Counts)
            {
                w.WriteNumberValue(c);
            }
            w.WriteEndArray();
            Write(w, "elo", elo.Elo);
            Write(w, "elo_ci95", elo.EloError);
            Write(w, "nelo", elo.NElo);
            Write(w, "nelo_ci95", elo.NEloError);
            Write(w, "los", elo.Los);
            w.WriteNumber("draw_ratio", tally.Games == 0 ? 0 : (double)tally.Draws / tally.Games);
            w.WriteNumber("time_losses", tally.TimeLosses + opponents.TimeLosses);
            w.WriteNumber("other_faults", tally.OtherFaults + opponents.OtherFaults);
            if (sprt is not null)
            {
                double llr = sprt.Llr(tally.Pentanomial);
                w.WriteStartObject("sprt");
                w.WriteNumber("elo0", sprt.Elo0);
                w.WriteNumber("elo1", sprt.Elo1);
                w.WriteNumber("alpha", sprt.Alpha);
                w.WriteNumber("beta", sprt.Beta);
                w.WriteString("model", sprt.Model == SprtModel.Normalized ? "normalized" : "logistic");
                w.WriteNumber("llr", Math.Round(llr, 4));
                w.WriteNumber("lower", Math.Round(sprt.Lower, 4));
                w.WriteNumber("upper", Math.Round(sprt.Upper, 4));
                w.WriteString("result", sprt.Decide(llr) switch { SprtDecision.H0 => "H0", SprtDecision.H1 => "H1", _ => "continue" });
                w.WriteEndObject();
            }
            w.WriteBoolean("interrupted", interrupted);
            if (error is not null)
            {
                w.WriteString("error", error);
            }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value))
        {
            w.WriteNumber(name, Math.Round(value, 4));
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Number(double x) => double.IsNaN(x) ? "nan" : double.IsPositiveInfinity(x) ? "inf" : double.IsNegativeInfinity(x) ? "-inf" : x.ToString("F2", CultureInfo.InvariantCulture);

    private static string Inv(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
}
