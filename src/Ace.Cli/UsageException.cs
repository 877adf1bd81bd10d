namespace Ace.Cli;

/// <summary>
/// The command line is wrong in a way its settings' validation reports (e.g. a malformed degree list); the tool says
/// what is wrong and exits with <see cref="ExitCode.BadCommandLine"/>.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
