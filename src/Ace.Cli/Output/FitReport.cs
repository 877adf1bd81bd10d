using System.Diagnostics;
using System.Globalization;
using System.Text;
using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Errors;
using Ace.Core.Potentials;

namespace Ace.Cli.Output;

/// <summary>
/// The report of a potential on data sets (`ace fit` writes it for its training and validation sets, `ace report`
/// for any set): per set parity plots (energy per atom, force components; one colour per config_type), error
/// histograms, errors against the reference energy and force magnitude; the dimer curve of every element pair;
/// mean and largest |c| per body order; optionally a learning curve; and report.md, one Markdown page with the basis,
/// the provenance (settings, hyperparameters, timings), the error tables and every plot.
/// </summary>
internal static class FitReport
{
    /// <summary>The name of the report's page in its folder.</summary>
    public const string PageName = "report.md";

    /// <summary>Writes the report into <paramref name="folder"/> (created when missing) and returns the files written.</summary>
    /// <param name="folder">The report folder.</param>
    /// <param name="title">The page's title (e.g. the potential's file name).</param>
    /// <param name="potential">The potential.</param>
    /// <param name="sets">Named data sets with reference data (e.g. training, validation).</param>
    /// <param name="learningCurve">Validation errors against training-set size, or null.</param>
    public static IReadOnlyList<string> Write(string folder, string title, LinearAcePotential potential,
        IReadOnlyList<(string Name, IReadOnlyList<Structure> Structures)> sets,
        IReadOnlyList<(int Structures, double EnergyRmse, double ForceRmse)>? learningCurve = null)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        var page = new StringBuilder();
        var c = CultureInfo.InvariantCulture;
        page.Append(c, $"# Report: {title}\n\n");
        page.Append("## Basis\n\n```\n").Append(PotentialSummary.Basis(potential)).Append("```\n\n");
        page.Append("## Fit (provenance)\n\n```\n")
            .Append(potential.Provenance?.ToString() ?? "none recorded (the potential was not saved from a fit)\n").Append("```\n\n");

        foreach (var (name, structures) in sets)
        {
            page.Append(c, $"## {name} ({structures.Count} structures)\n\n");
            page.Append(ErrorsMarkdown(ErrorTable.Compute(potential, structures))).Append('\n');
            var predictions = ReportPredictions.Compute(potential, structures);
            var slug = Slug(name);
            if (predictions.Energies.Count > 0)
            {
                Plot(files, page, folder, $"parity-energy-{slug}.png", $"{name}: energy per atom", path =>
                    ReportPlots.Parity(path, $"{name}: energy per atom (E0 subtracted)", "energy (eV/atom)", predictions.Energies));
                Plot(files, page, folder, $"errors-energy-{slug}.png", $"{name}: energy errors", path =>
                    ReportPlots.ErrorHistogram(path, $"{name}: energy per atom errors", "meV/atom",
                        [.. predictions.Energies.Select(e => 1000 * (e.Predicted - e.Reference))]));
                Plot(files, page, folder, $"error-vs-energy-{slug}.png", $"{name}: energy error against energy", path =>
                    ReportPlots.ErrorAgainst(path, $"{name}: energy error against reference energy", "reference energy (eV/atom)",
                        "|energy error| (meV/atom)", [.. predictions.Energies.Select(e => (e.Reference, 1000 * Math.Abs(e.Predicted - e.Reference)))]));
            }
            if (predictions.ForceComponents.Count > 0)
            {
                Plot(files, page, folder, $"parity-forces-{slug}.png", $"{name}: force components", path =>
                    ReportPlots.Parity(path, $"{name}: force components", "force (eV/Å)", predictions.ForceComponents));
                Plot(files, page, folder, $"errors-forces-{slug}.png", $"{name}: force errors", path =>
                    ReportPlots.ErrorHistogram(path, $"{name}: force component errors", "meV/Å",
                        [.. predictions.ForceComponents.Select(f => 1000 * (f.Predicted - f.Reference))]));
                Plot(files, page, folder, $"error-vs-force-{slug}.png", $"{name}: force error against force", path =>
                    ReportPlots.ErrorAgainst(path, $"{name}: force error against reference force", "|F reference| (eV/Å)",
                        "|F error| (meV/Å)", [.. predictions.AtomForces.Select(a => (a.ReferenceNorm, 1000 * a.ErrorNorm))]));
            }
        }

        page.Append("## Dimer curves\n\n");
        var elements = potential.Basis.Elements;
        for (int a = 0; a < elements.Count; a++)
        {
            for (int b = a; b < elements.Count; b++)
            {
                double cutoff = potential.Basis.Cutoff(a, b);
                var grid = ClusterCurves.Grid(Math.Min(1.0, 0.3 * cutoff), cutoff, 120);
                var pair = $"{elements[a]}-{elements[b]}";
                var curve = ClusterCurves.Dimer(pair, potential.Energy, Element.FromSymbol(elements[a]), Element.FromSymbol(elements[b]), grid);
                Plot(files, page, folder, $"dimer-{pair}.png", $"{pair} dimer", path =>
                    StudyPlots.DimerCurves(path, $"{pair} dimer curve", null, [new DimerLine(pair, curve, null, 2, false)]));
            }
        }

        page.Append("## Coefficients\n\n");
        var orders = BodyOrderStatistics.Compute(potential.Basis, potential.Coefficients);
        page.Append("| body order | functions | mean abs(c) | largest abs(c) |\n| --- | --- | --- | --- |\n");
        foreach (var o in orders)
        {
            page.Append(c, $"| {o.BodyOrder} | {o.Count} | {o.MeanAbsCoefficient:G4} | {o.MaxAbsCoefficient:G4} |\n");
        }
        page.Append('\n');
        Plot(files, page, folder, "coefficients.png", "coefficients by body order", path =>
            ReportPlots.CoefficientsByBodyOrder(path, "|c| by body order", orders));

        if (learningCurve is { Count: > 0 })
        {
            page.Append("## Learning curve\n\n| training structures | energy RMSE (meV/atom) | force RMSE (meV/Å) |\n| --- | --- | --- |\n");
            foreach (var p in learningCurve)
            {
                page.Append(c, $"| {p.Structures} | {p.EnergyRmse:F3} | {p.ForceRmse:F3} |\n");
            }
            page.Append('\n');
            Plot(files, page, folder, "learning-curve.png", "learning curve", path =>
                ReportPlots.LearningCurve(path, "errors against training-set size", learningCurve));
        }

        page.Append(c, $"Report written in {clock.Elapsed.TotalSeconds:F1} s.\n");
        var pagePath = Path.Combine(folder, PageName);
        AtomicFile.WriteAllText(pagePath, page.ToString());
        files.Add(pagePath);
        return files;
    }

    /// <summary>Draws one plot into the folder and links it from the page.</summary>
    private static void Plot(List<string> files, StringBuilder page, string folder, string file, string caption, Action<string> draw)
    {
        var path = Path.Combine(folder, file);
        draw(path);
        files.Add(path);
        page.Append(CultureInfo.InvariantCulture, $"![{caption}]({file})\n\n");
    }

    /// <summary>The error table as a Markdown table (meV/atom, meV/Å).</summary>
    private static string ErrorsMarkdown(ErrorTable table)
    {
        var sb = new StringBuilder("| config_type | structures | atoms | E RMSE (meV/atom) | E MAE | F RMSE (meV/Å) | F MAE |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var r in table.Rows)
        {
            sb.Append(CultureInfo.InvariantCulture,
                $"| {r.Group} | {r.Structures} | {r.Atoms} | {Tables.F(r.EnergyRmse)} | {Tables.F(r.EnergyMae)} | {Tables.F(r.ForceRmse)} | {Tables.F(r.ForceMae)} |\n");
        }
        return sb.ToString();
    }

    /// <summary>A file-name-safe form of a set name.</summary>
    private static string Slug(string name) =>
        new([.. name.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]);
}
