using Ace.Core.Analysis;
using Ace.Core.Errors;

namespace Ace.Core.Studies;

/// <summary>
/// The study's main experiment: for every training set, basis variant and maximum body order, fit a potential and
/// record its errors, mean |c| per correlation order and its dimer curve's deviation from the reference curve.
/// </summary>
public static class BodyOrderStudy
{
    /// <summary>Runs every fit (sets outermost, then variants, then body orders) and returns them in that order.</summary>
    /// <exception cref="ArgumentException">The settings list no sets, variants or degrees.</exception>
    public static IReadOnlyList<BodyOrderFit> Run(BodyOrderStudySettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Datasets.Count == 0 || settings.Variants.Count == 0 || settings.Degrees.Count < settings.MinCorrelationOrder
            || settings.MinCorrelationOrder < 1)
        {
            throw new ArgumentException(
                $"the study needs at least one set ({settings.Datasets.Count}), one basis variant ({settings.Variants.Count}) and degrees for correlation orders {settings.MinCorrelationOrder}.. (got {settings.Degrees.Count})",
                nameof(settings));
        }
        var fits = new List<BodyOrderFit>(settings.FitCount);
        foreach (var data in settings.Datasets)
        {
            foreach (var variant in settings.Variants)
            {
                for (int nu = settings.MinCorrelationOrder; nu <= settings.Degrees.Count; nu++)
                {
                    var degrees = settings.Degrees.Take(nu).ToArray();
                    var basis = variant.Build(degrees);
                    var potential = settings.ConfigureFit(basis).Run(data.Train).Potential;
                    var grid = CurveGrid(settings.ReferenceDimer.X[0], potential.Cutoff, settings.CurveStep);
                    string label = $"{data.Name} {variant.Name} body order {nu + 1}";
                    var dimer = ClusterCurves.Dimer(potential, settings.Element, grid, label);
                    var trimer = ClusterCurves.EquilateralTrimer(potential, settings.Element, grid, label);
                    bool scoreTail = settings.DimerTailFrom < potential.Cutoff;
                    var (from, to) = settings.DimerWindow;
                    var fit = new BodyOrderFit(data.Name, variant.Name, degrees, basis.FunctionCount,
                        ErrorTable.Compute(potential, data.Train).Overall,
                        data.Validation.Count == 0 ? null : ErrorTable.Compute(potential, data.Validation).Overall,
                        BodyOrderStatistics.Compute(basis, potential.Coefficients),
                        dimer, dimer.RmsDeviation(settings.ReferenceDimer, from, to), potential)
                    {
                        DimerTailDrop = scoreTail ? ClusterCurves.DropBeyond(dimer, settings.DimerTailFrom) : 0,
                        Trimer = trimer,
                        TrimerTailDrop = scoreTail ? ClusterCurves.DropBeyond(trimer, settings.DimerTailFrom) : 0,
                    };
                    fits.Add(fit);
                    settings.Progress?.Report(fit);
                }
            }
        }
        return fits;
    }

    /// <summary>Distances from <paramref name="from"/> to <paramref name="cutoff"/>, about <paramref name="step"/> apart (at least two).</summary>
    internal static IReadOnlyList<double> CurveGrid(double from, double cutoff, double step)
    {
        int count = Math.Max(2, (int)Math.Ceiling((cutoff - from) / step) + 1);
        return ClusterCurves.Grid(from, cutoff, count);
    }
}
