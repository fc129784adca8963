namespace Zero.Games;

/// <summary>
/// The one root exception type of Zero: every error that reaches a user carries a message that says what
/// went wrong and how to fix it. Lives in Zero.Games because every assembly can see it.
/// </summary>
public class ZeroException : Exception
{
    public ZeroException() { }
    public ZeroException(string message) : base(message) { }
    public ZeroException(string message, Exception inner) : base(message, inner) { }
}
