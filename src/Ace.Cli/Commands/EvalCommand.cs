using Ace.Core;
using Ace.Core.Atoms;
using Ace.Cli.Output;
using Ace.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace eval potential data.xyz [--predictions out.xyz]`: the error table of a potential (Ace.Core JSON or .yace) on a data file, and optionally the predictions.</summary>
internal sealed class EvalCommand(IAnsiConsole console) : Command<EvalSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, EvalSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAce.LoadPotential(settings.Potential);
        var data = LinearAce.Read(settings.Data);
        console.Write(Tables.Errors(ErrorTable.Compute(potential, data), $"{settings.Potential} on {settings.Data}"));
        if (settings.Predictions is { } predictions)
        {
            ExtendedXyz.Write(predictions, LinearAce.Predict(potential, data, settings.PredictionPrefix));
            console.MarkupLineInterpolated($"predictions written to [green]{predictions}[/]");
        }
        return ExitCode.Success;
    }
}
