using System.Globalization;
using System.Text;
using Ace.Core.Errors;
using Spectre.Console;

namespace Ace.Cli.Output;

/// <summary>Console tables and CSV text shared by the commands.</summary>
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

    /// <summary>
    /// Several error tables as one CSV: a first column `set` naming each table, then the columns of
    /// <see cref="ErrorTable.ToCsv"/>.
    /// </summary>
    public static string ErrorsCsv(IEnumerable<(string Set, ErrorTable Table)> tables)
    {
        var sb = new StringBuilder();
        bool header = true;
        foreach (var (set, table) in tables)
        {
            var lines = table.ToCsv().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (header)
            {
                sb.Append("set,").Append(lines[0]).Append('\n');
                header = false;
            }
            foreach (var line in lines.Skip(1))
            {
                sb.Append(set).Append(',').Append(line).Append('\n');
            }
        }
        return sb.ToString();
    }
}
