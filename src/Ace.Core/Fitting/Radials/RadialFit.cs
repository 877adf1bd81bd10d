using System.Diagnostics;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Sites;
using Ace.Core.Solvers;

namespace Ace.Core.Fitting.Radials;

/// <summary>The settings of <see cref="FitBuilder.FitRadials"/>.</summary>
internal sealed record RadialFitSettings(int MaxIterations, IReadOnlyList<Structure>? Validation, int Patience, double Smoothness,
    IProgress<RadialFitProgress>? Progress, TimeSpan? MaxDuration);

/// <summary>
/// The joint fit of the radial parameters W and the coefficients by variable projection: c(W) is the ridge solution
/// with lambda and Gamma frozen at the start (the start is the ordinary linear fit), W is optimised by L-BFGS on the
/// reduced loss, the best step on the validation set (if any) is kept.
/// </summary>
internal static class RadialFit
{
    public static (RadialFitPoint Best, RadialFitReport Report) Run(RadialFitObjective objective, RadialFitSettings settings, FitSettings fitSettings,
        double lambda, Func<RadialFitPoint, Potentials.LinearAcePotential> potentialOf)
    {
        var clock = Stopwatch.StartNew();
        StructurePlan[]? validationPlans = null;
        SiteNeighbourhoods[]? validationSites = null;
        if (settings.Validation is { Count: > 0 } validation)
        {
            validationPlans = StructurePlan.Create(validation, fitSettings, new BasisGeometry(objective.StartBasis));
            validationSites = objective.Neighbourhoods(validationPlans);
        }
        double? Validate(RadialFitPoint p) =>
            validationPlans is null ? null : objective.DataLoss(p.Basis, p.Coefficients, validationPlans, validationSites!);

        int evaluations = 1;
        var first = objective.Evaluate(objective.Parameters.Values());
        var steps = new List<RadialFitStep>();
        var best = first;
        double bestValidation = double.PositiveInfinity;
        int bestIteration = 0, sinceBest = 0;
        void Record(int iteration, RadialFitPoint p)
        {
            double? v = Validate(p);
            steps.Add(new RadialFitStep(iteration, evaluations, p.Loss, p.DataLoss, v, clock.Elapsed));
            settings.Progress?.Report(new RadialFitProgress(iteration, evaluations, p.Loss, v, clock.Elapsed));
            if (v is null || v < bestValidation)
            {
                best = p;
                bestIteration = iteration;
                bestValidation = v ?? double.PositiveInfinity;
                sinceBest = 0;
            }
            else
            {
                sinceBest++;
            }
        }
        Record(0, first);
        bool timedOut = false;
        string reason = new Lbfgs().Minimise(first, p => (p.Loss, p.Gradient, p.Parameters),
            w =>
            {
                evaluations++;
                try
                {
                    return objective.Evaluate(w);
                }
                catch (SingularMatrixException)
                {
                    // Radials whose ridge system is singular (e.g. collinear functions on dimers with a tiny lambda): the
                    // line search rejects the trial and shrinks the step.
                    return null;
                }
            },
            (iteration, p) =>
            {
                Record(iteration, p);
                if (settings.MaxDuration is { } limit && clock.Elapsed >= limit)
                {
                    timedOut = true;
                    return false;
                }
                return sinceBest < settings.Patience;
            },
            settings.MaxIterations);
        if (reason == "stopped")
        {
            reason = timedOut ? "the time limit" : $"no validation improvement in {settings.Patience} iterations";
        }
        return (best, new RadialFitReport(steps.AsReadOnly(), bestIteration, reason, lambda, objective.Parameters.Count, potentialOf(first)));
    }
}
