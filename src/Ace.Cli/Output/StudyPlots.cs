using Ace.Core.Analysis;
using Ace.Core.Studies;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>PNG plots of the body-order study: dimer curves per body order and mean |c| per correlation order.</summary>
internal static class StudyPlots
{
    /// <summary>The sorted pair distances of a training set (what part of a dimer curve it covers).</summary>
    /// <param name="Distances">Sorted distances, Angstrom.</param>
    public sealed record TrainingDistances(IReadOnlyList<double> Distances);

    /// <summary>The colour of correlation order <paramref name="order"/> (from 1) in every plot.</summary>
    public static Color OrderColor(int order) => new ScottPlot.Palettes.Category10().GetColor(order - 1);

    public static void DimerCurves(string path, string title, Curve reference, IEnumerable<BodyOrderFit> fits, TrainingDistances? training = null) =>
        DimerCurves(path, title, reference, fits.Select(fit => new DimerLine(
            $"{fit.Variant} body order {fit.MaxBodyOrder}", fit.Dimer, null, 2, fit.Variant.StartsWith("pure", StringComparison.OrdinalIgnoreCase))), training);

    /// <summary>
    /// The reference dimer curve (when given) as points and the given curves as lines over their whole range (to the
    /// cutoff); the energy axis spans the reference's well (without a reference, the lines' lowest point) with half an eV
    /// to spare (at least -3.5 to 3 eV), so fitted curves far outside it are clipped, not rescaled. With
    /// <paramref name="training"/>, the distances the training set covers are shaded and its pair-distance histogram is
    /// drawn against the right axis.
    /// </summary>
    public static void DimerCurves(string path, string title, Curve? reference, IEnumerable<DimerLine> lines, TrainingDistances? training = null)
    {
        var lineList = lines.ToList();
        double lowest = reference is not null ? reference.Energies.ToArray().Min() : lineList.Min(l => l.Curve.Energies.ToArray().Min());
        double yMin = Math.Min(-3.5, lowest - 0.5), yMax = 3;
        double xMin = reference?.X[0] ?? lineList.Min(l => l.Curve.X[0]);
        double xMax = lineList.Select(l => l.Curve.X[^1]).Append(reference?.X[^1] ?? double.MinValue).Max();
        var plot = new Plot();
        if (training is { Distances.Count: > 0 } t)
        {
            AddTrainingDistances(plot, t, xMin, xMax);
        }
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
        plot.Axes.SetLimitsX(xMin, xMax);
        plot.Axes.SetLimitsY(yMin, yMax, plot.Axes.Left);
        plot.ShowLegend(Alignment.LowerRight);
        plot.SavePng(path, 800, 550);
    }

    /// <summary>The shaded range [min, max] of the training distances and their histogram (right axis, grey bars).</summary>
    private static void AddTrainingDistances(Plot plot, TrainingDistances training, double from, double to)
    {
        var d = training.Distances;
        var span = plot.Add.HorizontalSpan(d[0], d[^1]);
        span.FillStyle.Color = Colors.Gray.WithAlpha(0.12);
        span.LineStyle.Width = 0;
        span.LegendText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"training distances {d[0]:F2}-{d[^1]:F2} Å");
        const int bins = 80;
        var counts = PairDistances.Histogram(d, from, to, bins);
        double width = (to - from) / bins;
        var bars = plot.Add.Bars(Enumerable.Range(0, bins).Select(k => from + (k + 0.5) * width).ToArray(), counts.Select(c => (double)c).ToArray());
        foreach (var bar in bars.Bars)
        {
            bar.Size = width;
            bar.FillColor = Colors.Gray.WithAlpha(0.35);
            bar.LineWidth = 0;
        }
        bars.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "pairs in the training set";
        plot.Axes.SetLimitsY(0, Math.Max(1, counts.Max()) * 3.0, plot.Axes.Right);
    }

    /// <summary>
    /// Loss against the number of functions (the study's Fig. 4): the energy RMSE (meV/atom) of every fit, training (solid)
    /// and validation (dashed) when there is one, one line per basis variant, on a log scale.
    /// </summary>
    public static void LossAgainstFunctions(string path, string title, IEnumerable<BodyOrderFit> fits)
    {
        var plot = new Plot();
        foreach (var variant in fits.GroupBy(f => f.Variant))
        {
            var ordered = variant.OrderBy(f => f.FunctionCount).ToList();
            double[] x = ordered.Select(f => (double)f.FunctionCount).ToArray();
            var train = plot.Add.Scatter(x, ordered.Select(f => Math.Log10(f.Train.EnergyRmse)).ToArray());
            train.LegendText = $"{variant.Key} training";
            if (ordered.All(f => f.Validation is not null))
            {
                var validation = plot.Add.Scatter(x, ordered.Select(f => Math.Log10(f.Validation!.EnergyRmse)).ToArray());
                validation.LegendText = $"{variant.Key} validation";
                validation.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(title);
        plot.XLabel("number of basis functions");
        plot.YLabel("log10 energy RMSE (meV/atom)");
        plot.ShowLegend(Alignment.UpperRight);
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
