namespace Ace.Core.Solvers;

/// <summary>
/// A linear system could not be solved because its matrix is singular, not positive definite, or a factorisation
/// failed to converge. The message says which matrix, which step and what to try instead.
/// </summary>
public sealed class SingularMatrixException : ArithmeticException
{
    /// <summary>Creates the exception with a message.</summary>
    public SingularMatrixException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    public SingularMatrixException(string message, Exception innerException) : base(message, innerException)
    {
    }

    /// <summary>Creates the exception with a default message.</summary>
    public SingularMatrixException() : base("The matrix is singular.")
    {
    }
}
