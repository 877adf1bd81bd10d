using Ace.Core.Atoms;
using Ace.Core.Fitting;

namespace Ace.Cli.Output;

/// <summary>Errors against training-set size: the fit repeated on the first 1/8, 1/4, 1/2 and all of the training set.</summary>
internal static class LearningCurve
{
    /// <summary>
    /// Fits <paramref name="fit"/> to growing prefixes of <paramref name="training"/> (every k-th structure, so each
    /// prefix samples the whole set) and returns the overall RMSE on <paramref name="test"/> for each size.
    /// </summary>
    public static IReadOnlyList<(int Structures, double EnergyRmse, double ForceRmse)> Compute(
        FitBuilder fit, IReadOnlyList<Structure> training, IReadOnlyList<Structure> test)
    {
        var points = new List<(int, double, double)>();
        foreach (int stride in new[] { 8, 4, 2, 1 })
        {
            var subset = training.Where((_, i) => i % stride == 0).ToList();
            if (subset.Count < 2)
            {
                continue;
            }
            var overall = fit.Progress(null).Run(subset).Errors(test).Overall;
            points.Add((subset.Count, overall.EnergyRmse, overall.ForceRmse));
        }
        return points;
    }
}
