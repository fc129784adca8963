using Zero.Games.Chess;
using Zero.Search.Evaluation;

namespace Zero.Uci.Evaluation;

/// <summary>
/// Chooses the chess evaluator from the WeightsFile option: `&lt;autodiscover&gt;` looks for a shipped chess network
/// (weights/chess*.zw beside the program or in a parent folder) and `heuristic` forces
/// <see cref="ChessHeuristicEvaluator"/>. This build has no chess network loader yet (no chess network has been
/// trained), so a network that is found or named is reported and the heuristic is used; the message says so.
/// Called by <see cref="Protocol.UciEngine"/> when WeightsFile changes.
/// </summary>
public static class EvaluatorFactory
{
    /// <summary>Returns the evaluator and a line for `info string` describing the choice.</summary>
    public static (IEvaluator<ChessPosition, ChessMove> Evaluator, string Note) Create(string weightsFile)
    {
        string w = weightsFile.Trim();
        if (w.Length == 0 || w == "<autodiscover>")
        {
            string? found = FindShippedNetwork();
            return found is null
                ? (new ChessHeuristicEvaluator(), "no chess network is shipped yet: using the built-in heuristic evaluator (material, piece-square tables, mobility, capture search)")
                : (new ChessHeuristicEvaluator(), $"found {found}, but this build cannot load chess networks yet: using the built-in heuristic evaluator");
        }
        if (string.Equals(w, "heuristic", StringComparison.OrdinalIgnoreCase))
        {
            return (new ChessHeuristicEvaluator(), "using the built-in heuristic evaluator");
        }
        return File.Exists(w)
            ? (new ChessHeuristicEvaluator(), $"{w}: this build cannot load chess networks yet; using the built-in heuristic evaluator")
            : (new ChessHeuristicEvaluator(), $"{w}: no such file (set WeightsFile to a chess network or to <autodiscover>); using the built-in heuristic evaluator");
    }

    private static string? FindShippedNetwork()
    {
        for (DirectoryInfo? d = new(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            string weights = Path.Combine(d.FullName, "weights");
            if (Directory.Exists(weights))
            {
                return Directory.EnumerateFiles(weights, "chess*.zw").Order(StringComparer.Ordinal).FirstOrDefault();
            }
        }
        return null;
    }
}
