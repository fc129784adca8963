namespace Zero.Rl.Wrappers;

/// <summary>The saved form of a <see cref="RunningMeanStd"/> (mean, variance, count), stored in the model file's config JSON.</summary>
public sealed record RunningMeanStdState(double[] Mean, double[] Variance, double Count);
