namespace Zero.Engine.Autograd;

/// <summary>
/// Returned by <see cref="Tape.NoGrad"/>; disposing it resumes recording. A struct so entering the scope allocates
/// nothing: <c>using (tape.NoGrad()) { ... }</c>.
/// </summary>
public readonly struct NoGradScope : IDisposable
{
    private readonly Tape? tape;

    internal NoGradScope(Tape tape) => this.tape = tape;

    /// <summary>Ends the scope.</summary>
    public void Dispose() => tape?.EndNoGrad();
}
