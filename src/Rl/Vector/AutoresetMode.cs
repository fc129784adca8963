namespace Zero.Rl.Vector;

/// <summary>
/// When a vector environment resets a finished sub-environment (Gymnasium 1.x <c>AutoresetMode</c>).
/// <see cref="SameStep"/> (SB3's VecEnv, the default here): the step that ends an episode already returns the first
/// observation of the next one, and the last observation of the old one is in <c>FinalObservations</c>.
/// <see cref="NextStep"/> (Gymnasium's default): the ending step returns the final observation and the next
/// <c>Step</c> call resets that environment instead of stepping it (reward 0, not done), ignoring its action.
/// </summary>
public enum AutoresetMode
{
    /// <summary>Reset in the same step; the final observation goes to <c>FinalObservations</c>.</summary>
    SameStep,

    /// <summary>Reset on the next step call.</summary>
    NextStep,
}
