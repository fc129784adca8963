namespace Zero.Engine.Optim;

/// <summary>
/// Step decay: Initial · Gamma^⌊step / StepSize⌋ (AlphaZero's drops by 10× at fixed steps use Gamma 0.1).
/// </summary>
public sealed record StepSchedule(float Initial, long StepSize, float Gamma = 0.1f) : LearningRateSchedule
{
    /// <inheritdoc />
    public override float At(long step)
    {
        if (StepSize <= 0)
        {
            throw new InvalidOperationException($"StepSchedule needs a positive step size, got {StepSize}.");
        }

        return Initial * MathF.Pow(Gamma, step / StepSize);
    }
}
