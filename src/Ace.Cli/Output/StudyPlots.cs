using Ace.Core.Analysis;
using Ace.Core.Studies;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>PNG plots of the body-order study: dimer curves per body order and mean |c| per correlation order.</summary>
internal static class StudyPlots
{
    /// <summary>The colour of correlation order <paramref name="order"/> (from 1) in every plot.</summary>
    public static Color OrderColor(int order) => new ScottPlot.Palettes.Category10().GetColor(order - 1);

    public static void DimerCurves(string path, string title, Curve reference, IEnumerable<BodyOrderFit> fits) =>
        DimerCurves(path, title, reference, fits.Select(fit => new DimerLine(
            $"{fit.Variant} body order {fit.MaxBodyOrder}", fit.Dimer, null, 2, fit.Variant.StartsWith("pure", StringComparison.OrdinalIgnoreCase))));

    /// <summary>
    /// The reference dimer curve (when given) as points and the given curves as lines; the energy axis spans the
    /// reference's well (without a reference, the lines' lowest point) with half an eV to spare (at least -3.5 to
    /// 3 eV), so curves far outside it are clipped, not rescaled.
    /// </summary>
    public static void DimerCurves(string path, string title, Curve? reference, IEnumerable<DimerLine> lines)
    {
        var lineList = lines.ToList();
        var span = reference ?? lineList[0].Curve;
        double lowest = reference is not null ? reference.Energies.Min() : lineList.Min(l => l.Curve.Energies.Min());
        double yMin = Math.Min(-3.5, lowest - 0.5), yMax = 3;
        var plot = new Plot();
        if (reference is not null)
        {
            var r = plot.Add.ScatterPoints(reference.X.ToArray(), reference.Energies.ToArray());
            r.LegendText = reference.Name;
            r.MarkerSize = 4;
            r.Color = Colors.Black;
        }
        foreach (var l in lineList)
        {
            var line = plot.Add.ScatterLine(l.Curve.X.ToArray(), l.Curve.Energies.ToArray());
            line.LegendText = l.Label;
            line.LineWidth = l.Width;
            if (l.Color is { } color)
            {
                line.Color = color;
            }
            if (l.Dashed)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(title);
        plot.XLabel("r (Å)");
        plot.YLabel("E - 2 E0 (eV)");
        plot.Axes.SetLimits(span.X[0], span.X[^1], yMin, yMax);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 550);
    }

    public static void Coefficients(string path, string title, IEnumerable<BodyOrderFit> fits)
    {
        var plot = new Plot();
        foreach (var fit in fits)
        {
            var stats = fit.Coefficients.Where(c => c.MeanAbsCoefficient > 0).ToList();
            var line = plot.Add.Scatter(stats.Select(c => (double)c.BodyOrder).ToArray(), stats.Select(c => Math.Log10(c.MeanAbsCoefficient)).ToArray());
            line.LegendText = $"{fit.Variant} body order {fit.MaxBodyOrder}";
            if (fit.Variant.StartsWith("pure", StringComparison.OrdinalIgnoreCase))
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(title);
        plot.XLabel("body order of the functions");
        plot.YLabel("log10 mean |c|");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 800, 550);
    }
}
