namespace Zero;

/// <summary>
/// The one root exception type of Zero: every error that reaches a user carries a message that says what went wrong
/// and how to fix it. It lives in Zero.Core, in the namespace <c>Zero</c> that encloses every other namespace of
/// the product, so any assembly throws and catches it without a using directive. The CLI maps it to exit code 1
/// (runtime failure); a usage error is the CLI's own exception type (exit code 2).
/// </summary>
public class ZeroException : Exception
{
    /// <summary>Creates the exception without a message (prefer the message forms).</summary>
    public ZeroException() { }

    /// <summary>Creates the exception with a message that says what went wrong and how to fix it.</summary>
    public ZeroException(string message) : base(message) { }

    /// <summary>Creates the exception with its message and the cause.</summary>
    public ZeroException(string message, Exception inner) : base(message, inner) { }
}
