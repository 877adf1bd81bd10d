using System.Reflection;
using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Serialization;
using Spectre.Console.Cli;

namespace Ace.Cli;

/// <summary>The tool's exit codes and which failure gets which (the one mapping; see docs/errors.md).</summary>
internal static class ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad input: a config, data, potential file or folder is wrong or missing (the message says which and where).</summary>
    public const int BadInput = 1;

    /// <summary>A wrong command line: unknown command or option, missing or malformed argument, failed validation.</summary>
    public const int BadCommandLine = 2;

    /// <summary>A bug in the tool (an exception no user input should cause); the message asks for a report.</summary>
    public const int InternalError = 70;

    /// <summary>
    /// The exception that explains <paramref name="e"/>: the first inner exception of an <see cref="AggregateException"/>
    /// (parallel work) or a <see cref="TargetInvocationException"/>, recursively.
    /// </summary>
    public static Exception Unwrap(Exception e) => e switch
    {
        AggregateException { InnerExceptions.Count: > 0 } a => Unwrap(a.InnerExceptions[0]),
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        _ => e,
    };

    /// <summary>The exit code of a failure, or null when <paramref name="e"/> is a bug rather than a user error.</summary>
    public static int? Of(Exception e) => Unwrap(e) switch
    {
        CommandParseException or CommandRuntimeException or UsageException => BadCommandLine,
        ConfigException or ExtendedXyzException or PotentialFormatException or TrainingDataException
            // The library's user errors: bad arguments and data (ArgumentException and its subclasses such as
            // AtomsTooCloseException), malformed text, states a request cannot be met in, numerical failures of a
            // fit (SingularMatrixException), files and folders (IOException covers a full disk, a directory where a
            // file is expected), permissions, and a request larger than the machine's memory.
            or ArgumentException or FormatException or InvalidOperationException or ArithmeticException
            or IOException or UnauthorizedAccessException or OutOfMemoryException or KeyNotFoundException
            or NotSupportedException or Ace.Core.Ipi.IpiProtocolException or System.Net.Sockets.SocketException
            or Ace.Core.Cluster.ClusterFitException => BadInput,
        _ => null,
    };
}
