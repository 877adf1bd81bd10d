namespace Ace.Core.Serialization;

/// <summary>A saved potential cannot be read: it is corrupt, of another format, or written by a newer version.</summary>
public sealed class PotentialFormatException : FormatException
{
    /// <summary>Creates the exception for <paramref name="path"/> (null when reading text) with the problem found.</summary>
    public PotentialFormatException(string? path, string problem, Exception? innerException = null)
        : base(path is null ? problem : $"{path}: {problem}", innerException)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>Creates the exception with a message.</summary>
    public PotentialFormatException()
        : this(null, "the potential document cannot be read")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PotentialFormatException(string message)
        : this(null, message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PotentialFormatException(string message, Exception innerException)
        : this(null, message, innerException)
    {
    }

    /// <summary>The file, or null when the document was read from text.</summary>
    public string? Path { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
