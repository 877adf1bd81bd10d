namespace Ace.Core.Atoms;

/// <summary>
/// Malformed extended XYZ input. The message names the file, the 1-based line and what was expected there.
/// </summary>
public sealed class ExtendedXyzException : FormatException
{
    /// <summary>An exception for <paramref name="fileName"/> at <paramref name="lineNumber"/>.</summary>
    public ExtendedXyzException(string? fileName, long lineNumber, string problem, Exception? innerException = null)
        : base($"{fileName ?? "<stream>"}:{lineNumber}: {problem}", innerException)
    {
        FileName = fileName;
        LineNumber = lineNumber;
        Problem = problem;
    }

    /// <summary>An exception without location (prefer the constructor with file and line).</summary>
    public ExtendedXyzException()
        : this(null, 0, "malformed extended XYZ input")
    {
    }

    /// <summary>An exception without location (prefer the constructor with file and line).</summary>
    public ExtendedXyzException(string message)
        : this(null, 0, message)
    {
    }

    /// <summary>An exception without location (prefer the constructor with file and line).</summary>
    public ExtendedXyzException(string message, Exception innerException)
        : this(null, 0, message, innerException)
    {
    }

    /// <summary>The file (or source name) being read, or null for an unnamed stream.</summary>
    public string? FileName { get; }

    /// <summary>The 1-based line number of the problem.</summary>
    public long LineNumber { get; }

    /// <summary>What was wrong and what was expected, without the location prefix.</summary>
    public string Problem { get; }
}
