using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Serialization;
using Spectre.Console.Cli;

namespace Ace.Cli;

/// <summary>The tool's exit codes and which failure gets which.</summary>
internal static class ExitCode
{
    /// <summary>The command did what it was asked.</summary>
    public const int Success = 0;

    /// <summary>Bad input: a config, data, potential file or folder is wrong or missing (the message says which and where).</summary>
    public const int BadInput = 1;

    /// <summary>A wrong command line: unknown command or option, missing or malformed argument, failed validation.</summary>
    public const int BadCommandLine = 2;

    /// <summary>The exit code of a failure, or null when <paramref name="e"/> is a bug rather than a user error.</summary>
    public static int? Of(Exception e) => e switch
    {
        CommandParseException or CommandRuntimeException or UsageException => BadCommandLine,
        ConfigException or ExtendedXyzException or PotentialFormatException or TrainingDataException or FileNotFoundException
            or DirectoryNotFoundException or IOException or UnauthorizedAccessException or ArgumentException or FormatException
            or InvalidOperationException or Ace.Core.Ipi.IpiProtocolException or System.Net.Sockets.SocketException => BadInput,
        _ => null,
    };
}
