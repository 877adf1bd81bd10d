using Ace.Core.Analysis;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>PNG plots of the body-order study: dimer curves per body order and mean |c| per correlation order.</summary>
internal static class StudyPlots
{
    public static void DimerCurves(string path, string title, Curve reference, IEnumerable<BodyOrderFit> fits, double yMin = -3.5, double yMax = 3)
    {
        var plot = new Plot();
        var r = plot.Add.ScatterPoints(reference.X.ToArray(), reference.Energies.ToArray());
        r.LegendText = reference.Name;
        r.MarkerSize = 4;
        r.Color = Colors.Black;
        foreach (var fit in fits)
        {
            var line = plot.Add.ScatterLine(fit.Dimer.X.ToArray(), fit.Dimer.Energies.ToArray());
            line.LegendText = $"{fit.Variant} body order {fit.MaxBodyOrder}";
            line.LineWidth = 2;
            if (fit.Variant.StartsWith("pure", StringComparison.Ordinal))
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(title);
        plot.XLabel("r (Å)");
        plot.YLabel("E - 2 E0 (eV)");
        plot.Axes.SetLimits(reference.X[0], reference.X[^1], yMin, yMax);
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
            if (fit.Variant.StartsWith("pure", StringComparison.Ordinal))
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
