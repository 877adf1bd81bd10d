namespace Ace.Core.Ipi;

/// <summary>The i-PI peer sent something the protocol does not allow (an unknown message, a wrong atom count, ...).</summary>
public sealed class IpiProtocolException : Exception
{
    /// <summary>Creates the exception.</summary>
    public IpiProtocolException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public IpiProtocolException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public IpiProtocolException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
