using Ace.Cli.Commands;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using ScottPlot;

namespace Ace.Cli.Output;

/// <summary>PNG plots of the convergence protocol, like the study's Fig. 2: loss against basis size, and dimer curves.</summary>
internal static class ProtocolPlots
{
    /// <summary>
    /// log10 of the validation score (solid) and of the training energy RMSE (dashed) against the number of functions,
    /// one colour per body order; rejected steps are drawn but the line of each order ends there.
    /// </summary>
    public static void Loss(string path, string title, ConvergenceResult result)
    {
        var plot = new Plot();
        foreach (var order in result.Steps.GroupBy(s => s.CorrelationOrder))
        {
            var color = StudyPlots.OrderColor(order.Key);
            var x = order.Select(s => (double)s.FunctionCount).ToArray();
            var validation = plot.Add.Scatter(x, order.Select(s => Log(s.Score)).ToArray());
            validation.Color = color;
            validation.LineWidth = 2;
            validation.LegendText = $"body order {order.Key + 1}, validation";
            var training = plot.Add.Scatter(x, order.Select(s => Log(s.Train.EnergyRmse)).ToArray());
            training.Color = color;
            training.LinePattern = LinePattern.Dashed;
            training.LegendText = $"body order {order.Key + 1}, training";
        }
        var frozen = result.BestPerOrder;
        var best = plot.Add.ScatterPoints(frozen.Select(s => (double)s.FunctionCount).ToArray(), frozen.Select(s => Log(s.Score)).ToArray());
        best.MarkerShape = MarkerShape.OpenCircle;
        best.MarkerSize = 14;
        best.Color = Colors.Black;
        best.LegendText = "frozen (best of its order)";
        plot.Title(title);
        plot.XLabel("number of basis functions");
        plot.YLabel("log10 energy RMSE (meV/atom)");
        plot.ShowLegend(Alignment.UpperRight);
        plot.SavePng(path, 800, 550);
    }

    /// <summary>
    /// The reference curve and the dimer curves of the accepted steps, coloured by body order; frozen steps bold; with
    /// <paramref name="training"/> the training set's pair distances shaded.
    /// </summary>
    public static void Dimers(string path, string title, Curve reference, ConvergenceResult result, StudyPlots.TrainingDistances? training = null) =>
        StudyPlots.DimerCurves(path, title, reference, AcceptedLines(result, s => s.Dimer), training);

    /// <summary>The equilateral trimer curves of the accepted steps (as <see cref="Dimers"/>), beside the training set's triangle sizes.</summary>
    public static void Trimers(string path, string title, ConvergenceResult result, StudyPlots.TrainingDistances? training = null) =>
        StudyPlots.TrimerCurves(path, title, AcceptedLines(result, s => s.Trimer), training);

    /// <summary>One line per accepted step with a curve, coloured by body order; frozen steps bold.</summary>
    private static IEnumerable<DimerLine> AcceptedLines(ConvergenceResult result, Func<ConvergenceStep, Curve?> curve) =>
        result.Steps.Where(s => s.Accepted && curve(s) is not null).Select(s =>
        {
            bool isFrozen = result.BestPerOrder.Contains(s);
            return new DimerLine($"body order {s.CorrelationOrder + 1}, degrees {DegreeLists.Format(s.Degrees)}{(isFrozen ? " (frozen)" : "")}",
                curve(s)!, StudyPlots.OrderColor(s.CorrelationOrder), isFrozen ? 3 : 1, false);
        });

    // Scores can reach 0 on exactly representable data; keep the point on the plot.
    private static double Log(double value) => Math.Log10(Math.Max(value, 1e-6));
}
