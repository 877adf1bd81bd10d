using Spectre.Console.Cli;

namespace Ace.Cli;

/// <summary>
/// Rejects what the parser left over (options no command declares, arguments after `--`) before a command runs, so
/// that a mistyped option is a command-line error that names it rather than being ignored.
/// </summary>
internal sealed class UnknownArgumentGuard : ICommandInterceptor
{
    /// <inheritdoc/>
    /// <exception cref="UsageException">An option or argument is left over; the message names it and the command.</exception>
    public void Intercept(CommandContext context, CommandSettings settings)
    {
        if (context.Remaining.Parsed.FirstOrDefault() is { } option)
        {
            var name = option.Key.StartsWith('-') ? option.Key : "--" + option.Key;
            throw new UsageException($"unknown option {name} for '{context.Name}'; 'ace {context.Name} --help' lists its options");
        }
        if (context.Remaining.Raw.Count > 0)
        {
            throw new UsageException($"'{context.Name}' takes no arguments after '--', got '{string.Join(" ", context.Remaining.Raw)}'");
        }
    }
}
