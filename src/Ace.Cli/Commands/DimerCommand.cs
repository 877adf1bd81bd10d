using System.Globalization;
using Ace.Cli.Output;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using Ace.Core.Potentials;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>`ace dimer potential.json`: the dimer curve (energy minus two free atoms) as a table or CSV.</summary>
internal static class DimerCommand
{
    public static int Run(CliArguments args, IAnsiConsole console)
    {
        var element = args.Text("element");
        double from = args.Number("from", 1.5), to = args.Number("to", 6.0);
        int points = args.Integer("points", 46);
        bool csv = args.Flag("csv");
        args.Finish(1, 1);
        var potential = LinearAcePotential.Load(args.Positional[0]);
        element ??= potential.Basis.Elements[0];
        if (!(to > from) || points < 2)
        {
            throw new UsageException("need --from < --to and --points >= 2");
        }
        var curve = ClusterCurves.Dimer(potential, element, ClusterCurves.Grid(from, to, points));
        if (csv)
        {
            console.Profile.Out.Writer.Write(curve.ToCsv());
            return 0;
        }
        var table = new Table { Title = new TableTitle($"{element}-{element} dimer curve of {args.Positional[0]}") };
        table.AddColumns("r (A)", "E (eV)");
        for (int k = 0; k < curve.Count; k++)
        {
            table.AddRow(curve.X[k].ToString("F3", CultureInfo.InvariantCulture), Tables.F(curve.Energies[k], "F5"));
        }
        console.Write(table);
        return 0;
    }
}
