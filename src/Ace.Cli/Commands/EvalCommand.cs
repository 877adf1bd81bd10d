using Ace.Core;
using Ace.Cli.Output;
using Ace.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace eval potential data.xyz`: the error table of a potential (Ace.Core JSON or .yace) on a data file.</summary>
internal sealed class EvalCommand(IAnsiConsole console) : Command<EvalSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAce.LoadPotential(settings.Potential);
        var data = LinearAce.Read(settings.Data);
        console.Write(Tables.Errors(ErrorTable.Compute(potential, data), $"{settings.Potential} on {settings.Data}"));
        return ExitCode.Success;
    }
}
