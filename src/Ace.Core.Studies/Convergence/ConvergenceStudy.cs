using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Errors;

namespace Ace.Core.Studies;

/// <summary>
/// The study's protocol (ace-math.md section 7): grow the basis one correlation order at a time; within an order
/// raise its maximum degree while the validation score falls; at the first step that does not improve (the order
/// starts to overfit) freeze the order at its best degree and open the next order. Every fit is recorded.
/// </summary>
public static class ConvergenceStudy
{
    /// <summary>Runs the protocol and returns every step in order.</summary>
    /// <exception cref="ArgumentException">The settings are unusable or a set is empty.</exception>
    public static ConvergenceResult Run(ConvergenceSettings settings, IReadOnlyList<Structure> training, IReadOnlyList<Structure> validation)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(training);
        ArgumentNullException.ThrowIfNull(validation);
        settings.Validate();
        if (training.Count == 0 || validation.Count == 0)
        {
            throw new ArgumentException($"the convergence study needs training and validation structures (got {training.Count} and {validation.Count})", nameof(validation));
        }
        var steps = new List<ConvergenceStep>();
        var frozen = new List<int>();
        var best = new List<ConvergenceStep>();
        for (int nu = 1; nu <= settings.DegreeCandidates.Count; nu++)
        {
            ConvergenceStep? bestOfOrder = null;
            double bestScore = best.Count == 0 ? double.PositiveInfinity : best[^1].Score;
            foreach (int degree in settings.DegreeCandidates[nu - 1])
            {
                var degrees = frozen.Append(degree).ToArray();
                var step = Fit(settings, steps.Count, nu, degrees, training, validation, bestScore);
                steps.Add(step);
                settings.Progress?.Report(step);
                if (!step.Accepted)
                {
                    break;
                }
                bestScore = step.Score;
                bestOfOrder = step;
            }
            if (bestOfOrder is null)
            {
                // Opening this order did not help at all: the previous orders are the converged model.
                break;
            }
            best.Add(bestOfOrder);
            frozen.Add(bestOfOrder.Degrees[^1]);
        }
        return new ConvergenceResult(steps, best);
    }

    private static ConvergenceStep Fit(ConvergenceSettings settings, int index, int order, int[] degrees,
        IReadOnlyList<Structure> training, IReadOnlyList<Structure> validation, double bestScore)
    {
        var basis = settings.BuildBasis(degrees);
        var fit = settings.ConfigureFit(basis).Run(training);
        var potential = fit.Potential;
        var trainErrors = ErrorTable.Compute(potential, training);
        var validationErrors = ErrorTable.Compute(potential, validation);
        double score = settings.Score(validationErrors);
        bool accepted = double.IsFinite(score) && score < bestScore * (1 - settings.RelativeTolerance);
        var dimer = ClusterCurves.Dimer(potential, settings.Element, settings.DimerDistances,
            $"D={string.Join(".", degrees)}");
        var trimer = ClusterCurves.EquilateralTrimer(potential, settings.Element, settings.DimerDistances,
            $"D={string.Join(".", degrees)}");
        return new ConvergenceStep(index, order, degrees, basis.FunctionCount, trainErrors.Overall, validationErrors.Overall,
            score, accepted, dimer, BodyOrderStatistics.Compute(basis, potential.Coefficients), potential)
        {
            Trimer = trimer,
        };
    }
}
