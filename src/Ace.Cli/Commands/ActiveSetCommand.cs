using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace activeset potential.json train.xyz`: builds the extrapolation grade's active set and saves it with the potential.</summary>
internal sealed class ActiveSetCommand(IAnsiConsole console) : Command<ActiveSetSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, ActiveSetSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAcePotential.Load(settings.Potential);
        if (!File.Exists(settings.Training))
        {
            throw new FileNotFoundException($"the training file {settings.Training} does not exist", settings.Training);
        }
        var set = LinearAce.ActiveSet(potential.Basis).BatchSize(settings.Batch).Tolerance(settings.Tolerance)
            .Build(ExtendedXyz.Read(settings.Training));
        var result = potential.WithActiveSet(set);
        TrustReport.Describe(console, result);
        var output = settings.Output ?? settings.Potential;
        result.Save(output);
        console.MarkupLineInterpolated($"saved [green]{output}[/]");
        return ExitCode.Success;
    }
}
