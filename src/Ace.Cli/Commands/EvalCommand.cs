using Ace.Core;
using Ace.Cli.Output;
using Ace.Core.Errors;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace eval potential.json data.xyz`: the error table of a saved potential on a data file; with --grade and --uncertainty also its trust (docs/trust.md).</summary>
internal sealed class EvalCommand(IAnsiConsole console) : Command<EvalSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAcePotential.Load(settings.Potential);
        var data = LinearAce.Read(settings.Data);
        console.Write(Tables.Errors(ErrorTable.Compute(potential, data), $"{settings.Potential} on {settings.Data}"));
        if (settings.Grade || settings.Uncertainty)
        {
            TrustEvaluation.Run(console, potential, data, settings);
        }
        return ExitCode.Success;
    }
}
