using Ace.Cli.Output;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace info potential.json`: the basis summary and how the potential was fitted (its provenance).</summary>
internal sealed class InfoCommand(IAnsiConsole console) : Command<InfoSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, InfoSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAcePotential.Load(settings.Potential);
        console.WriteLine($"{settings.Potential}");
        console.Write(new Text(PotentialSummary.Basis(potential)));
        console.Write(new Text(potential.Provenance?.ToString()
            ?? "provenance  none recorded (the file predates provenance, or the potential was not saved from a fit)\n"));
        return ExitCode.Success;
    }
}
