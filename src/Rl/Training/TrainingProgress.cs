namespace Zero.Rl.Training;

/// <summary>A snapshot reported by <c>Learn</c> to its progress callback (the CLI's progress bar and the learning curve).</summary>
public readonly record struct TrainingProgress(long Steps, long TotalSteps, double Seconds, double StepsPerSecond, long Episodes, double RecentMeanReturn);
