using Ace.Core.Analysis;
using Ace.Core.Errors;
using Ace.Core.Fitting;

namespace Ace.Core.Studies;

/// <summary>
/// The pacemaker half of the study: for every set and rung of the ladder, a basis with fitted radial functions
/// (pacemaker's n_max / l_max rule, K primitive functions), its linear fit with the fixed start radials R_nl = g_{n-1}, then
/// the radial fit (<see cref="FitBuilder.FitRadials"/> without a validation set, so the last step is kept and the validation
/// errors stay independent of the fit), with the errors and dimer curves of the start and the fitted model.
/// </summary>
public static class RadialLadderStudy
{
    /// <summary>Runs every fit (sets outermost, then rungs) and returns them in that order.</summary>
    /// <exception cref="ArgumentException">The settings list no sets or no rungs, or an iteration limit below 0.</exception>
    public static IReadOnlyList<RadialLadderFit> Run(RadialLadderSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Datasets.Count == 0 || settings.Descriptors.Count == 0 || settings.MaxIterations < 0)
        {
            throw new ArgumentException(
                $"the ladder needs at least one set ({settings.Datasets.Count}), one descriptor ({settings.Descriptors.Count}) and a non-negative iteration limit ({settings.MaxIterations})",
                nameof(settings));
        }
        var fits = new List<RadialLadderFit>(settings.FitCount);
        foreach (var data in settings.Datasets)
        {
            foreach (var descriptor in settings.Descriptors)
            {
                var fit = Fit(settings, data, descriptor);
                fits.Add(fit);
                settings.Progress?.Report(fit);
            }
        }
        return fits;
    }

    private static RadialLadderFit Fit(RadialLadderSettings settings, StudyDataset data, PacemakerDescriptor descriptor)
    {
        var basis = LinearAce.Basis(settings.Element).Radial(settings.Radial).FittedRadials(descriptor.Primitives)
            .MaxCorrelationOrder(descriptor.MaxCorrelationOrder).MaxLabels([.. descriptor.NMax], [.. descriptor.LMax]).Build();
        IProgress<RadialFitProgress>? steps = settings.StepProgress is { } sink
            ? new StepForwarder(step => sink.Report(new RadialLadderStep(data.Name, descriptor, step)))
            : null;
        var result = settings.ConfigureFit(basis)
            .FitRadials(maxIterations: settings.MaxIterations, progress: steps, maxDuration: settings.MaxDuration)
            .Run(data.Train);
        var report = result.RadialFit!;
        var potential = result.Potential;
        var grid = BodyOrderStudy.CurveGrid(settings.ReferenceDimer.X[0], potential.Cutoff, settings.CurveStep);
        var label = $"{data.Name} {descriptor.Name}";
        var dimer = ClusterCurves.Dimer(potential, settings.Element, grid, $"{label} fitted radials");
        var startDimer = ClusterCurves.Dimer(report.Start, settings.Element, grid, $"{label} fixed radials");
        var (from, to) = settings.DimerWindow;
        ErrorRow? Validation(Potentials.LinearAcePotential p) => data.Validation.Count == 0 ? null : ErrorTable.Compute(p, data.Validation).Overall;
        return new RadialLadderFit(data.Name, descriptor, basis.FunctionCount,
            ErrorTable.Compute(report.Start, data.Train).Overall, Validation(report.Start),
            ErrorTable.Compute(potential, data.Train).Overall, Validation(potential),
            report, result.AssemblyTime, result.SolveTime, dimer, startDimer, potential)
        {
            DimerRms = dimer.RmsDeviation(settings.ReferenceDimer, from, to),
            StartDimerRms = startDimer.RmsDeviation(settings.ReferenceDimer, from, to),
        };
    }

    /// <summary>Forwards each step synchronously (unlike <see cref="Progress{T}"/>, which posts to a context).</summary>
    private sealed class StepForwarder(Action<RadialFitProgress> report) : IProgress<RadialFitProgress>
    {
        public void Report(RadialFitProgress value) => report(value);
    }
}
