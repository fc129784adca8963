namespace Zero.Engine.Optim;

/// <summary>The same learning rate at every step.</summary>
public sealed record ConstantSchedule(float LearningRate) : LearningRateSchedule
{
    /// <inheritdoc />
    public override float At(long step) => LearningRate;
}
