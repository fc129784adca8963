namespace Zero.Rl.Environments;

/// <summary>
/// What one environment step returns besides the observation (written into the caller's span), as Gymnasium's
/// <c>(reward, terminated, truncated)</c>. <see cref="Terminated"/>: the MDP reached a terminal state, do not
/// bootstrap. <see cref="Truncated"/>: the episode was cut (time limit), bootstrap from the final observation.
/// Both may be true on the same step.
/// </summary>
public readonly record struct StepResult(double Reward, bool Terminated, bool Truncated)
{
    /// <summary>True when the episode is over for either reason.</summary>
    public bool Done => Terminated || Truncated;
}
