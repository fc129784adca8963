using Zero.Rl.Spaces;
using Zero.Rl.Vector;

namespace Zero.Rl.Wrappers;

/// <summary>
/// SB3's <c>VecNormalize</c> as a vector-environment decorator: observations become (o − μ)/σ clipped to ±10
/// with running statistics; rewards are divided by the running standard deviation of the discounted return
/// (R ← γR + r, reset at episode ends) and clipped to ±10. While <see cref="Training"/> is on the statistics are
/// updated; evaluation freezes them. <see cref="Save"/>/<see cref="Load"/> carry them in the model file.
/// Episode statistics stay those of the raw environment.
/// </summary>
public sealed class VecNormalize : IVectorEnvironment
{
    private readonly IVectorEnvironment _inner;
    private readonly float[] _obs;
    private readonly float[] _finalObs;
    private readonly float[] _rewards;
    private readonly float[] _returns;

    /// <summary>Wraps <paramref name="inner"/>; <paramref name="gamma"/> is the discount of the return whose spread scales rewards.</summary>
    public VecNormalize(IVectorEnvironment inner, bool normalizeObservations = true, bool normalizeRewards = true, double gamma = 0.99, float clipObservation = 10f, float clipReward = 10f)
    {
        _inner = inner;
        NormalizeObservations = normalizeObservations;
        NormalizeRewards = normalizeRewards;
        Gamma = gamma;
        ClipObservation = clipObservation;
        ClipReward = clipReward;
        int obsSize = inner.SingleObservationSpace.FlatSize;
        ObservationStatistics = new RunningMeanStd(obsSize);
        ReturnStatistics = new RunningMeanStd(1);
        _obs = new float[inner.Count * obsSize];
        _finalObs = new float[inner.Count * obsSize];
        _rewards = new float[inner.Count];
        _returns = new float[inner.Count];
    }

    /// <summary>Whether statistics are updated (training) or frozen (evaluation).</summary>
    public bool Training { get; set; } = true;

    /// <summary>Whether observations are normalised.</summary>
    public bool NormalizeObservations { get; }

    /// <summary>Whether rewards are scaled.</summary>
    public bool NormalizeRewards { get; }

    /// <summary>Discount of the return used for reward scaling.</summary>
    public double Gamma { get; }

    /// <summary>Observation clip.</summary>
    public float ClipObservation { get; }

    /// <summary>Reward clip.</summary>
    public float ClipReward { get; }

    /// <summary>Running statistics of observations.</summary>
    public RunningMeanStd ObservationStatistics { get; }

    /// <summary>Running statistics of discounted returns.</summary>
    public RunningMeanStd ReturnStatistics { get; }

    /// <inheritdoc/>
    public int Count => _inner.Count;

    /// <inheritdoc/>
    public Space SingleObservationSpace => _inner.SingleObservationSpace;

    /// <inheritdoc/>
    public Space SingleActionSpace => _inner.SingleActionSpace;

    /// <inheritdoc/>
    public ReadOnlySpan<float> Observations => _obs;

    /// <inheritdoc/>
    public ReadOnlySpan<float> Rewards => _rewards;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Terminated => _inner.Terminated;

    /// <inheritdoc/>
    public ReadOnlySpan<bool> Truncated => _inner.Truncated;

    /// <inheritdoc/>
    public ReadOnlySpan<float> FinalObservations => _finalObs;

    /// <inheritdoc/>
    public EpisodeStatistics Statistics => _inner.Statistics;

    /// <summary>The raw (unnormalised) rewards of the last step.</summary>
    public ReadOnlySpan<float> RawRewards => _inner.Rewards;

    /// <inheritdoc/>
    public void Reset(int? seed = null)
    {
        _inner.Reset(seed);
        Array.Clear(_returns);
        Array.Clear(_rewards);
        TransformObservations(_inner.Observations, _obs, update: true);
    }

    /// <inheritdoc/>
    public void Step(ReadOnlySpan<float> actions)
    {
        _inner.Step(actions);

        // 1. Observations: update the statistics (training), then normalise; final observations likewise (no update).
        TransformObservations(_inner.Observations, _obs, update: true);
        TransformObservations(_inner.FinalObservations, _finalObs, update: false);

        // 2. Rewards: discounted return → its running spread → scaled, clipped reward; returns restart at episode ends.
        ReadOnlySpan<float> raw = _inner.Rewards;
        ReadOnlySpan<bool> term = _inner.Terminated;
        ReadOnlySpan<bool> trunc = _inner.Truncated;
        for (int i = 0; i < raw.Length; i++)
        {
            _returns[i] = (float)((_returns[i] * Gamma) + raw[i]);
        }
        if (Training && NormalizeRewards)
        {
            ReturnStatistics.Update(_returns, _returns.Length);
        }
        double scale = Math.Sqrt(ReturnStatistics.Variance[0] + 1e-8);
        for (int i = 0; i < raw.Length; i++)
        {
            _rewards[i] = NormalizeRewards ? (float)Math.Clamp(raw[i] / scale, -ClipReward, ClipReward) : raw[i];
            if (term[i] || trunc[i])
            {
                _returns[i] = 0;
            }
        }
    }

    private void TransformObservations(ReadOnlySpan<float> source, Span<float> destination, bool update)
    {
        source.CopyTo(destination);
        if (!NormalizeObservations)
        {
            return;
        }
        if (update && Training)
        {
            ObservationStatistics.Update(source, _inner.Count);
        }
        ObservationStatistics.Normalize(destination, ClipObservation);
    }

    /// <summary>The statistics and settings to store in a model file.</summary>
    public NormalizationState Save() =>
        new(NormalizeObservations, NormalizeRewards, Gamma, ClipObservation, ClipReward, ObservationStatistics.State, ReturnStatistics.State);

    /// <summary>Restores statistics saved with <see cref="Save"/>.</summary>
    public void Load(NormalizationState state)
    {
        ObservationStatistics.Load(state.Observation);
        ReturnStatistics.Load(state.Return);
    }
}
