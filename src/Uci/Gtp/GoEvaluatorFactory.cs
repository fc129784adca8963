using Zero.Games.Go;
using Zero.Network;
using Zero.Search.Evaluation;

namespace Zero.Uci.Gtp;

/// <summary>
/// Chooses the Go evaluator from the Weights option for one board size: `&lt;autodiscover&gt;` loads the shipped
/// network weights/go&lt;N&gt;.weights for an N×N board when the checkout has one (none is shipped yet) and the
/// light-rollout evaluator otherwise; `rollout` forces the rollout evaluator; anything else is a weights file. A file
/// that cannot be used (missing, damaged, another frame's network) is reported and the rollout evaluator is used, so
/// the engine always plays. Called by <see cref="GtpGame{TFrame}"/> when the board size or the option changes.
/// </summary>
public static class GoEvaluatorFactory
{
    /// <summary>The evaluator for boards of <paramref name="size"/> in frame <typeparamref name="TFrame"/>, and a line for the log saying which.</summary>
    public static (IEvaluator<GoPosition<TFrame>, GoMove> Evaluator, string Note) Create<TFrame>(string weights, int size, int seed)
        where TFrame : struct, IGoFrame
    {
        string w = weights.Trim();
        if (string.Equals(w, "rollout", StringComparison.OrdinalIgnoreCase))
        {
            return (new GoLightEvaluator<TFrame>(seed), "using the light-rollout evaluator (Weights rollout)");
        }
        string? path = w.Length == 0 || w == "<autodiscover>" ? ShippedNetworks.Find($"go{size}") : w;
        if (path is null)
        {
            return (new GoLightEvaluator<TFrame>(seed), $"no Go network for {size}x{size} is shipped (weights/go{size}.weights): using the light-rollout evaluator");
        }
        try
        {
            NetworkModel model = NetworkLoader.Load<GoPosition<TFrame>, GoMove>(path);
            return (NetworkEvaluator.Create<GoPosition<TFrame>, GoMove>(model), $"using the network {path}");
        }
        catch (ZeroException e)
        {
            return (new GoLightEvaluator<TFrame>(seed), $"{e.Message}; using the light-rollout evaluator");
        }
    }
}
