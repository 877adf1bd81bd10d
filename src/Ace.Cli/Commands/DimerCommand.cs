using System.Globalization;
using Ace.Cli.Output;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using Ace.Core.Potentials;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Ace.Cli.Commands;

/// <summary>`ace dimer potential.json`: the dimer curve (energy minus two free atoms) as a table or CSV.</summary>
internal sealed class DimerCommand(IAnsiConsole console) : Command<DimerSettings>
{
    /// <inheritdoc/>
    public override int Execute(CommandContext context, DimerSettings settings, CancellationToken cancellationToken)
    {
        var potential = LinearAcePotential.Load(settings.Potential);
        var element = settings.Element ?? potential.Basis.Elements[0];
        var curve = ClusterCurves.Dimer(potential, element, ClusterCurves.Grid(settings.From, settings.To, settings.Points));
        if (settings.Csv)
        {
            console.Profile.Out.Writer.Write(curve.ToCsv());
            return ExitCode.Success;
        }
        var table = new Table { Title = new TableTitle($"{element}-{element} dimer curve of {settings.Potential}") };
        table.AddColumns("r (A)", "E (eV)");
        for (int k = 0; k < curve.Count; k++)
        {
            table.AddRow(curve.X[k].ToString("F3", CultureInfo.InvariantCulture), Tables.F(curve.Energies[k], "F5"));
        }
        console.Write(table);
        return ExitCode.Success;
    }
}
