using System.Globalization;
using Ace.Core.Errors;
using Spectre.Console;

namespace Ace.Cli.Output;

/// <summary>Console tables shared by the commands.</summary>
internal static class Tables
{
    public static string F(double v, string format = "F2") =>
        double.IsNaN(v) ? "-" : v.ToString(format, CultureInfo.InvariantCulture);

    public static Table Errors(ErrorTable table, string title)
    {
        var t = new Table { Title = new TableTitle(title) };
        t.AddColumns("group", "structures", "atoms", "E RMSE meV/at", "E MAE meV/at", "F RMSE meV/A", "F MAE meV/A");
        foreach (var r in table.Rows)
        {
            t.AddRow(Markup.Escape(r.Group), r.Structures.ToString(CultureInfo.InvariantCulture), r.Atoms.ToString(CultureInfo.InvariantCulture),
                F(r.EnergyRmse), F(r.EnergyMae), F(r.ForceRmse), F(r.ForceMae));
        }
        return t;
    }
}
