using Ace.Core;
using Ace.Core.Potentials;
using Ace.Core.Atoms;
using Ace.Cli.Output;
using Ace.Core.Errors;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace eval potential data.xyz`: the error table of a potential (Ace.Core JSON or .yace) on a data file; optionally the predictions (--predictions) and its trust (--grade, --uncertainty; docs/trust.md).</summary>
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
        if (settings.Grade || settings.Uncertainty)
        {
            if (potential is not LinearAcePotential fitted)
            {
                throw new UsageException($"--grade and --uncertainty need a potential fitted by Ace.Core (its active set and committee); {settings.Potential} is not one");
            }
            TrustEvaluation.Run(console, fitted, data, settings);
        }
        return ExitCode.Success;
    }
}
