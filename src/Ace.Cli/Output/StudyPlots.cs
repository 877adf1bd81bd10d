using Ace.Core.Analysis;
using Ace.Core.Studies;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>PNG plots of the body-order study: dimer and trimer curves per body order, loss against functions and mean |c| per correlation order.</summary>
internal static class StudyPlots
{
    /// <summary>
    /// The sorted pair distances of a training set (what part of a dimer curve it covers), or its triangle sizes (what part
    /// of a trimer curve it covers, <see cref="PairDistances.CollectTriangles"/>).
    /// </summary>
    /// <param name="Distances">Sorted distances, Angstrom.</param>
    /// <param name="Legend">The legend of the shaded range (followed by the range).</param>
    /// <param name="Axis">The label of the histogram's axis.</param>
    public sealed record TrainingDistances(IReadOnlyList<double> Distances, string Legend = "training distances", string Axis = "pairs in the training set");

    /// <summary>The colour of correlation order <paramref name="order"/> (from 1) in every plot.</summary>
    public static Color OrderColor(int order) => new ScottPlot.Palettes.Category10().GetColor(order - 1);

    /// <summary>
    /// The dimer curves of the fits (colour: body order; dashed: a purified variant) over the reference; see the general
    /// overload.
    /// </summary>
    public static void DimerCurves(string path, string title, Curve reference, IEnumerable<BodyOrderFit> fits, TrainingDistances? training = null) =>
        DimerCurves(path, title, reference, fits.Select(fit => new DimerLine(
            $"{fit.Variant} body order {fit.MaxBodyOrder}", fit.Dimer, OrderColor(fit.Degrees.Count), 2, fit.Variant.StartsWith("pure", StringComparison.OrdinalIgnoreCase))), training);

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
        ClusterCurvePlot(path, title, "E - 2 E0 (eV)", reference, lineList, training, Math.Min(-3.5, lowest - 0.5), 3);
    }

    /// <summary>
    /// The equilateral trimer curves E - 3 E0 of the fits against the side length, over their whole range (to the cutoff),
    /// with the training set's triangle sizes shaded and their histogram (pass <see cref="PairDistances.CollectTriangles"/>) as in <see cref="DimerCurves(string, string, Curve?, IEnumerable{DimerLine}, TrainingDistances?)"/>.
    /// The energy axis runs up to 3 eV and down to the fits' lowest point less half an eV, but not above -3.5 eV and not
    /// below -15 eV (a curve that dives far below the others is clipped, not rescaled).
    /// </summary>
    public static void TrimerCurves(string path, string title, IEnumerable<BodyOrderFit> fits, TrainingDistances? training = null) =>
        TrimerCurves(path, title, fits.Where(f => f.Trimer is not null).Select(fit => new DimerLine(
            $"{fit.Variant} body order {fit.MaxBodyOrder}", fit.Trimer!, OrderColor(fit.Degrees.Count), 2, fit.Variant.StartsWith("pure", StringComparison.OrdinalIgnoreCase))), training);

    /// <summary>Equilateral trimer curves given as lines (see the overload for fits for the axes and shading).</summary>
    /// <exception cref="ArgumentException">There is no line.</exception>
    public static void TrimerCurves(string path, string title, IEnumerable<DimerLine> lines, TrainingDistances? training = null)
    {
        var lineList = lines.ToList();
        if (lineList.Count == 0)
        {
            throw new ArgumentException("no trimer curve to plot", nameof(lines));
        }
        double lowest = lineList.Min(l => l.Curve.Energies.ToArray().Min());
        ClusterCurvePlot(path, title, "E - 3 E0 (eV), equilateral trimer of side r", null, lineList, training,
            Math.Max(-15, Math.Min(-3.5, lowest - 0.5)), 3);
    }

    /// <summary>The shared drawing of <see cref="DimerCurves(string, string, Curve?, IEnumerable{DimerLine}, TrainingDistances?)"/> and <see cref="TrimerCurves(string, string, IEnumerable{DimerLine}, TrainingDistances?)"/>.</summary>
    private static void ClusterCurvePlot(string path, string title, string yLabel, Curve? reference, List<DimerLine> lineList,
        TrainingDistances? training, double yMin, double yMax)
    {
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
        plot.YLabel(yLabel);
        plot.Axes.SetLimitsX(xMin, xMax);
        plot.Axes.SetLimitsY(yMin, yMax, plot.Axes.Left);
        // Below the axes, so that no curve's tail (beyond the data, where the tail drop is scored) is hidden.
        plot.ShowLegend(Edge.Bottom);
        plot.Legend.Orientation = Orientation.Horizontal;
        plot.SavePng(path, 800, 650);
    }

    /// <summary>The shaded range [min, max] of the training distances and their histogram (right axis, grey bars).</summary>
    private static void AddTrainingDistances(Plot plot, TrainingDistances training, double from, double to)
    {
        var d = training.Distances;
        var span = plot.Add.HorizontalSpan(d[0], d[^1]);
        span.FillStyle.Color = Colors.Gray.WithAlpha(0.12);
        span.LineStyle.Width = 0;
        span.LegendText = string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{training.Legend} {d[0]:F2}-{d[^1]:F2} Å");
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
        plot.Axes.Right.Label.Text = training.Axis;
        plot.Axes.SetLimitsY(0, Math.Max(1, counts.Max()) * 3.0, plot.Axes.Right);
    }

    /// <summary>
    /// Loss against the number of functions (the study's Fig. 4): the energy RMSE (meV/atom) of every fit, training (solid)
    /// and validation (dashed) when there is one, one line per basis variant, on a log scale.
    /// </summary>
    public static void LossAgainstFunctions(string path, string title, IEnumerable<BodyOrderFit> fits)
    {
        var lines = new List<LossLine>();
        foreach (var variant in fits.GroupBy(f => f.Variant))
        {
            var ordered = variant.OrderBy(f => f.FunctionCount).ToList();
            double[] x = [.. ordered.Select(f => (double)f.FunctionCount)];
            lines.Add(new LossLine($"{variant.Key} training", x, [.. ordered.Select(f => f.Train.EnergyRmse)], false));
            if (ordered.All(f => f.Validation is not null))
            {
                lines.Add(new LossLine($"{variant.Key} validation", x, [.. ordered.Select(f => f.Validation!.EnergyRmse)], true));
            }
        }
        LogLines(path, title, "number of basis functions", "log10 energy RMSE (meV/atom)", lines);
    }

    /// <summary>
    /// Lines of positive values (errors, losses) against x on a log10 scale: one marker per point, dashed lines for
    /// <see cref="LossLine.Dashed"/>, the legend in the upper right.
    /// </summary>
    public static void LogLines(string path, string title, string xLabel, string yLabel, IEnumerable<LossLine> lines)
    {
        var plot = new Plot();
        foreach (var l in lines)
        {
            var line = plot.Add.Scatter(l.X.ToArray(), l.Y.Select(Math.Log10).ToArray());
            line.LegendText = l.Label;
            if (l.Dashed)
            {
                line.LinePattern = LinePattern.Dashed;
            }
        }
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
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
