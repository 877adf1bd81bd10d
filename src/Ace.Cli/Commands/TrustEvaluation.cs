using System.Globalization;
using System.Text;
using Ace.Cli.Output;
using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Trust;
using Spectre.Console;

namespace Ace.Cli.Commands;

/// <summary>The --grade and --uncertainty part of `ace eval`: a summary table, the structures of largest grade or spread, and the CSVs.</summary>
internal static class TrustEvaluation
{
    /// <summary>Rows of the table of the most extrapolative (or most uncertain) structures.</summary>
    private const int ShownStructures = 10;

    public static void Run(IAnsiConsole console, LinearAcePotential potential, IReadOnlyList<Structure> data, EvalSettings settings)
    {
        var grades = settings.Grade ? data.Select(potential.Grade).ToArray() : null;
        var spreads = settings.Uncertainty ? data.Select(potential.Uncertainty).ToArray() : null;
        var summary = new Table().Title($"trust on {settings.Data}");
        summary.AddColumn("quantity");
        summary.AddColumn("value");
        if (grades is not null)
        {
            var max = grades.Select(g => g.Max).ToArray();
            summary.AddRow("largest grade gamma", Tables.F(max.DefaultIfEmpty(0).Max(), "G4"));
            foreach (double threshold in new[] { 1.0, 2.0, 5.0, 10.0 })
            {
                summary.AddRow(string.Create(CultureInfo.InvariantCulture, $"structures with gamma > {threshold:G}"),
                    string.Create(CultureInfo.InvariantCulture, $"{max.Count(g => g > threshold)} of {data.Count}"));
            }
        }
        if (spreads is not null)
        {
            summary.AddRow("mean energy sd (meV/atom)", Tables.F(spreads.Zip(data).DefaultIfEmpty().Average(p => p.First is null ? 0 : 1000 * p.First.EnergyStandardDeviation / p.Second.AtomCount)));
            summary.AddRow("largest energy sd (meV/atom)", Tables.F(spreads.Zip(data).DefaultIfEmpty().Max(p => p.First is null ? 0 : 1000 * p.First.EnergyStandardDeviation / p.Second.AtomCount)));
            summary.AddRow("largest force sd (meV/A)", Tables.F(spreads.DefaultIfEmpty().Max(p => p is null ? 0 : 1000 * p.MaxForceStandardDeviation)));
        }
        console.Write(summary);

        var order = Enumerable.Range(0, data.Count)
            .OrderByDescending(i => grades?[i].Max ?? spreads![i].EnergyStandardDeviation / data[i].AtomCount).ThenBy(i => i).Take(ShownStructures);
        var top = new Table().Title(grades is not null ? "structures of largest grade" : "structures of largest energy spread");
        top.AddColumn("structure (0-based)");
        top.AddColumn("atoms");
        top.AddColumn("config_type");
        if (grades is not null)
        {
            top.AddColumn("max gamma");
        }
        if (spreads is not null)
        {
            top.AddColumn("E sd (meV/atom)");
            top.AddColumn("max F sd (meV/A)");
        }
        foreach (int i in order)
        {
            var row = new List<string> { i.ToString(CultureInfo.InvariantCulture), data[i].AtomCount.ToString(CultureInfo.InvariantCulture), Markup.Escape(data[i].ConfigType ?? "") };
            if (grades is not null)
            {
                row.Add(Tables.F(grades[i].Max, "G4"));
            }
            if (spreads is not null)
            {
                row.Add(Tables.F(1000 * spreads[i].EnergyStandardDeviation / data[i].AtomCount));
                row.Add(Tables.F(1000 * spreads[i].MaxForceStandardDeviation));
            }
            top.AddRow([.. row]);
        }
        console.Write(top);

        if (settings.Csv is { } csv)
        {
            AtomicFile.WriteAllText(csv, StructureCsv(data, grades, spreads));
            console.MarkupLineInterpolated($"wrote [green]{csv}[/]");
        }
        if (settings.AtomsCsv is { } atomsCsv)
        {
            AtomicFile.WriteAllText(atomsCsv, AtomCsv(data, grades, spreads));
            console.MarkupLineInterpolated($"wrote [green]{atomsCsv}[/]");
        }
    }

    private static string StructureCsv(IReadOnlyList<Structure> data, ExtrapolationGrades[]? grades, CommitteePrediction[]? spreads)
    {
        var text = new StringBuilder("structure,atoms,config_type");
        text.Append(grades is null ? "" : ",max_grade,max_grade_atom");
        text.Append(spreads is null ? "" : ",energy_eV,energy_sd_eV,max_force_sd_eV_per_A,virial_sd_xx_eV,virial_sd_yy_eV,virial_sd_zz_eV,virial_sd_yz_eV,virial_sd_xz_eV,virial_sd_xy_eV");
        text.Append('\n');
        for (int i = 0; i < data.Count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i},{data[i].AtomCount},{Csv(data[i].ConfigType)}");
            if (grades is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $",{grades[i].Max:R},{grades[i].MaxAtom}");
            }
            if (spreads is not null)
            {
                var p = spreads[i];
                var v = p.VirialStandardDeviation;
                text.Append(CultureInfo.InvariantCulture, $",{p.Energy:R},{p.EnergyStandardDeviation:R},{p.MaxForceStandardDeviation:R},{v.Xx:R},{v.Yy:R},{v.Zz:R},{v.Yz:R},{v.Xz:R},{v.Xy:R}");
            }
            text.Append('\n');
        }
        return text.ToString();
    }

    private static string AtomCsv(IReadOnlyList<Structure> data, ExtrapolationGrades[]? grades, CommitteePrediction[]? spreads)
    {
        var text = new StringBuilder("structure,atom,element");
        text.Append(grades is null ? "" : ",grade");
        text.Append(spreads is null ? "" : ",site_energy_sd_eV,force_sd_eV_per_A");
        text.Append('\n');
        for (int i = 0; i < data.Count; i++)
        {
            for (int a = 0; a < data[i].AtomCount; a++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{i},{a},{data[i].Elements[a]}");
                if (grades is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{grades[i].PerAtom[a]:R}");
                }
                if (spreads is not null)
                {
                    text.Append(CultureInfo.InvariantCulture, $",{spreads[i].SiteEnergyStandardDeviations[a]:R},{spreads[i].ForceStandardDeviations[a]:R}");
                }
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static string Csv(string? value) => value is null ? "" : value.Contains(',', StringComparison.Ordinal) || value.Contains('"', StringComparison.Ordinal) ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}
