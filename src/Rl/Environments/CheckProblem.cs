namespace Zero.Rl.Environments;

/// <summary>One finding of the <see cref="EnvironmentChecker"/>: an error (the environment breaks the contract) or a warning, with a message that says how to fix it.</summary>
public sealed record CheckProblem(bool IsError, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => (IsError ? "error: " : "warning: ") + Message;
}
