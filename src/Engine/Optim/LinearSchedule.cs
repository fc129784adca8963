namespace Zero.Engine.Optim;

/// <summary>
/// Linear interpolation from Start at step 0 to End at TotalSteps, held at End afterwards (PPO's learning-rate
/// annealing, DQN's exploration rate).
/// </summary>
public sealed record LinearSchedule(float Start, float End, long TotalSteps) : LearningRateSchedule
{
    /// <inheritdoc />
    public override float At(long step)
    {
        double t = TotalSteps <= 0 ? 1 : Math.Clamp((double)step / TotalSteps, 0, 1);
        return (float)(Start + ((End - Start) * t));
    }
}
