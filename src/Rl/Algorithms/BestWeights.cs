using Zero.Engine.Tensors;
using Zero.Rl.Wrappers;

namespace Zero.Rl.Algorithms;

/// <summary>
/// SB3's EvalCallback with best_model kept: every eval_freq training steps the agent's deterministic policy plays
/// eval_episodes episodes (seeds 2,000,000 and up, a new block per evaluation, disjoint from <c>zero rl eval</c>'s
/// 1,000,000), and the parameters are copied aside when the mean return is at least the best so far (ties go to the
/// later weights). <see cref="Finish"/> puts the kept copy back at the end of training. Deterministic acting draws no
/// random numbers, so evaluating never changes what the agent trains on.
/// </summary>
internal sealed class BestWeights
{
    /// <summary>Seed of the first evaluation episode.</summary>
    public const int SeedBase = 2_000_000;

    private readonly IAgent _agent;
    private readonly IReadOnlyList<Tensor> _parameters;
    private readonly float[][] _best;
    private readonly int _episodes;
    private double _bestMean = double.NegativeInfinity;
    private int _evaluations;
    private long _lastStep = -1;

    /// <summary>Keeps copies of <paramref name="parameters"/> (everything <see cref="IAgent.Save"/> writes that training changes).</summary>
    public BestWeights(IAgent agent, IReadOnlyList<Tensor> parameters, int episodes)
    {
        if (episodes < 1)
        {
            throw new ZeroException($"eval_episodes is {episodes}: evaluations during training need at least 1 episode (or set eval_freq 0 to turn them off).");
        }
        _agent = agent;
        _parameters = parameters;
        _best = [.. parameters.Select(p => new float[p.Length])];
        _episodes = episodes;
    }

    /// <summary>The evaluation whose weights are kept (training step, mean return, first episode seed); null before the first.</summary>
    public (long Step, double Mean, int Seed)? Kept { get; private set; }

    /// <summary>The observation statistics the kept weights were evaluated with (null without normalisation).</summary>
    public NormalizationState? KeptNormalization { get; private set; }


    /// <summary>
    /// Evaluates the current weights at training step <paramref name="step"/> and keeps them if they score at least the
    /// best so far, together with <paramref name="normalization"/>, the statistics the agent acts with now (they go on moving).
    /// </summary>
    public void Evaluate(long step, NormalizationState? normalization = null)
    {
        int seed = SeedBase + (_evaluations * _episodes);
        double mean = Evaluation.Run(_agent, _episodes, seed).Mean;
        _evaluations++;
        _lastStep = step;
        if (mean >= _bestMean)
        {
            _bestMean = mean;
            Kept = (step, mean, seed);
            KeptNormalization = normalization;
            for (int i = 0; i < _best.Length; i++)
            {
                _parameters[i].Span.CopyTo(_best[i]);
            }
        }
    }

    /// <summary>
    /// Ends training: evaluates the final weights unless step <paramref name="step"/> was just evaluated, copies the kept
    /// weights back into the agent's parameters and returns the kept evaluation (<see cref="KeptNormalization"/> holds
    /// the statistics to act with).
    /// </summary>
    public (long Step, double Mean, int Seed)? Finish(long step, NormalizationState? normalization = null)
    {
        if (_lastStep != step)
        {
            Evaluate(step, normalization);
        }
        for (int i = 0; i < _best.Length; i++)
        {
            _parameters[i].CopyFrom(_best[i]);
        }
        return Kept;
    }
}
