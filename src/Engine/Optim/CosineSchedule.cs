namespace Zero.Engine.Optim;

/// <summary>
/// Linear warm-up from 0 over <paramref name="WarmupSteps"/>, then cosine annealing from Initial to Minimum at
/// TotalSteps (held at Minimum afterwards): Min + ½(Initial − Min)(1 + cos(π·t)).
/// </summary>
public sealed record CosineSchedule(float Initial, long TotalSteps, float Minimum = 0f, long WarmupSteps = 0) : LearningRateSchedule
{
    /// <inheritdoc />
    public override float At(long step)
    {
        if (step < WarmupSteps)
        {
            return Initial * (step + 1) / WarmupSteps;
        }

        long span = Math.Max(1, TotalSteps - WarmupSteps);
        double t = Math.Min(1.0, (double)(step - WarmupSteps) / span);
        return (float)(Minimum + (0.5 * (Initial - Minimum) * (1 + Math.Cos(Math.PI * t))));
    }
}
