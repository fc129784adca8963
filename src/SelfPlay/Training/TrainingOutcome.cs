namespace Zero.SelfPlay.Training;

/// <summary>Why <c>TrainingRun.Run</c> returned and where the run stands (it can always be resumed).</summary>
public sealed record TrainingOutcome(string StopReason, int Generation, int SelfPlayGeneration, long Games, long Steps, TimeSpan Elapsed);
