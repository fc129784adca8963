namespace Zero.Rl.Wrappers;

/// <summary>
/// The saved form of a <see cref="VecNormalize"/>: its settings and both running statistics. Stored in the model
/// file so that evaluation normalises observations with the training statistics (frozen).
/// </summary>
public sealed record NormalizationState(
    bool NormalizeObservations,
    bool NormalizeRewards,
    double Gamma,
    float ClipObservation,
    float ClipReward,
    RunningMeanStdState Observation,
    RunningMeanStdState Return)
{
    /// <summary>Normalises one observation in place with the frozen statistics (what a policy sees at evaluation).</summary>
    public void NormalizeObservation(Span<float> observation)
    {
        if (!NormalizeObservations)
        {
            return;
        }
        for (int j = 0; j < observation.Length; j++)
        {
            double v = (observation[j] - Observation.Mean[j]) / Math.Sqrt(Observation.Variance[j] + 1e-8);
            observation[j] = (float)Math.Clamp(v, -ClipObservation, ClipObservation);
        }
    }
}
