using Ace.Core.Analysis;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>The PNG plots of the fit report (<see cref="FitReport"/>): parity, error histograms, errors against the reference, coefficients by body order, learning curve.</summary>
internal static class ReportPlots
{
    private const int Width = 800, Height = 600;

    /// <summary>Writes the plot as a PNG atomically (no half-written image is left behind).</summary>
    private static void Save(Plot plot, string path)
    {
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        Ace.Core.Atoms.AtomicFile.Write(path, stream => stream.Write(png));
    }

    /// <summary>Predicted against reference values, one colour per config_type, with the diagonal.</summary>
    public static void Parity(string path, string title, string quantity, IReadOnlyList<(string Type, double Reference, double Predicted)> points)
    {
        var plot = new Plot();
        foreach (var group in points.GroupBy(p => p.Type))
        {
            var scatter = plot.Add.ScatterPoints(group.Select(p => p.Reference).ToArray(), group.Select(p => p.Predicted).ToArray());
            scatter.LegendText = group.Key;
            scatter.MarkerSize = 4;
        }
        double lo = points.Min(p => Math.Min(p.Reference, p.Predicted)), hi = points.Max(p => Math.Max(p.Reference, p.Predicted));
        double pad = 0.03 * Math.Max(hi - lo, 1e-9);
        var diagonal = plot.Add.Line(lo - pad, lo - pad, hi + pad, hi + pad);
        diagonal.Color = Colors.Black;
        diagonal.LinePattern = LinePattern.Dashed;
        plot.Axes.SetLimits(lo - pad, hi + pad, lo - pad, hi + pad);
        plot.Title(title);
        plot.XLabel($"reference {quantity}");
        plot.YLabel($"predicted {quantity}");
        plot.ShowLegend(Alignment.UpperLeft);
        Save(plot, path);
    }

    /// <summary>The histogram of the signed errors (predicted minus reference), in the given unit.</summary>
    public static void ErrorHistogram(string path, string title, string unit, IReadOnlyList<double> errors)
    {
        var plot = new Plot();
        double lo = errors.Min(), hi = errors.Max();
        if (hi - lo < 1e-12)
        {
            lo -= 0.5;
            hi += 0.5;
        }
        int bins = Math.Clamp((int)Math.Sqrt(errors.Count), 5, 60);
        var histogram = ScottPlot.Statistics.Histogram.WithBinCount(bins, lo, hi);
        histogram.AddRange(errors);
        double width = histogram.FirstBinSize;
        var bars = plot.Add.Bars(histogram.Bins.Select(b => b + width / 2).ToArray(), histogram.Counts);
        foreach (var bar in bars.Bars)
        {
            bar.Size = width * 0.95;
        }
        plot.Axes.Margins(bottom: 0);
        plot.Title(title);
        plot.XLabel($"predicted - reference ({unit})");
        plot.YLabel("count");
        Save(plot, path);
    }

    /// <summary>Error magnitudes against a reference quantity (log error axis).</summary>
    public static void ErrorAgainst(string path, string title, string xLabel, string yLabel, IReadOnlyList<(double X, double Error)> points)
    {
        var plot = new Plot();
        var scatter = plot.Add.ScatterPoints(points.Select(p => p.X).ToArray(), points.Select(p => Math.Log10(Math.Max(p.Error, 1e-9))).ToArray());
        scatter.MarkerSize = 4;
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel($"log10 {yLabel}");
        Save(plot, path);
    }

    /// <summary>Mean and largest |c| per body order (log scale).</summary>
    public static void CoefficientsByBodyOrder(string path, string title, IReadOnlyList<OrderStatistics> orders)
    {
        var plot = new Plot();
        var used = orders.Where(o => o.MaxAbsCoefficient > 0).ToList();
        var mean = plot.Add.Scatter(used.Select(o => (double)o.BodyOrder).ToArray(), used.Select(o => Math.Log10(o.MeanAbsCoefficient)).ToArray());
        mean.LegendText = "mean |c|";
        var max = plot.Add.Scatter(used.Select(o => (double)o.BodyOrder).ToArray(), used.Select(o => Math.Log10(o.MaxAbsCoefficient)).ToArray());
        max.LegendText = "largest |c|";
        max.LinePattern = LinePattern.Dashed;
        plot.Axes.SetLimitsX(1.5, used.Max(o => o.BodyOrder) + 0.5);
        plot.Title(title);
        plot.XLabel("body order of the functions");
        plot.YLabel("log10 |c|");
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path);
    }

    /// <summary>Energy and force RMSE against the number of training structures.</summary>
    public static void LearningCurve(string path, string title, IReadOnlyList<(int Structures, double EnergyRmse, double ForceRmse)> points)
    {
        var plot = new Plot();
        var x = points.Select(p => Math.Log10(p.Structures)).ToArray();
        var energy = plot.Add.Scatter(x, points.Select(p => Math.Log10(p.EnergyRmse)).ToArray());
        energy.LegendText = "energy RMSE (meV/atom)";
        var force = plot.Add.Scatter(x, points.Select(p => Math.Log10(p.ForceRmse)).ToArray());
        force.LegendText = "force RMSE (meV/Å)";
        plot.Title(title);
        plot.XLabel("log10 training structures");
        plot.YLabel("log10 RMSE");
        plot.ShowLegend(Alignment.UpperRight);
        Save(plot, path);
    }
}
