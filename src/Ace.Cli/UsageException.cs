namespace Ace.Cli;

/// <summary>The command line is wrong (unknown command or option, missing value); the tool prints usage and exits with 2.</summary>
internal sealed class UsageException(string message) : Exception(message);
