namespace Zero.Engine.Optim;

/// <summary>
/// A learning rate as a function of the step number (0-based). Trainers set <c>optimizer.LearningRate =
/// schedule.At(step)</c> before each step; implementations are immutable records, so a schedule is also a config value.
/// </summary>
public abstract record LearningRateSchedule
{
    /// <summary>The learning rate for step <paramref name="step"/>.</summary>
    public abstract float At(long step);
}
