using Ace.Core.Basis;
using Ace.Core.Errors;
using Ace.Core.Fitting;

namespace Ace.Core.Studies;

/// <summary>The inputs of the convergence-study driver (<see cref="ConvergenceStudy"/>).</summary>
/// <param name="Element">The element whose dimer curve is recorded at every step.</param>
/// <param name="DegreeCandidates">
/// For each correlation order (index 0 for order 1) the increasing maximum total degrees to try; the number of lists
/// is the highest correlation order the study opens.
/// </param>
/// <param name="BuildBasis">Builds the basis with the given maximum degree per correlation order (the list's length is the maximum correlation order).</param>
/// <param name="ConfigureFit">Configures the fit of a basis (reference energies, weights, solver).</param>
/// <param name="DimerDistances">The distances of the recorded dimer curves and the sides of the equilateral trimer curves, Angstrom.</param>
public sealed record ConvergenceSettings(
    string Element,
    IReadOnlyList<IReadOnlyList<int>> DegreeCandidates,
    Func<IReadOnlyList<int>, AceBasis> BuildBasis,
    Func<AceBasis, FitBuilder> ConfigureFit,
    IReadOnlyList<double> DimerDistances)
{
    /// <summary>The validation score to minimise (default: the overall energy RMSE, meV/atom).</summary>
    public Func<ErrorTable, double> Score { get; init; } = table => table.Overall.EnergyRmse;

    /// <summary>A step must lower the best score by more than this relative amount to count as an improvement (default 0).</summary>
    public double RelativeTolerance { get; init; }

    /// <summary>Receives every step as soon as it is done.</summary>
    public IProgress<ConvergenceStep>? Progress { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first unusable setting.</summary>
    public void Validate()
    {
        if (DegreeCandidates is null || DegreeCandidates.Count == 0)
        {
            throw new ArgumentException("give at least one list of degree candidates (for correlation order 1)", nameof(DegreeCandidates));
        }
        for (int nu = 0; nu < DegreeCandidates.Count; nu++)
        {
            var list = DegreeCandidates[nu];
            if (list is null || list.Count == 0)
            {
                throw new ArgumentException($"correlation order {nu + 1} has no degree candidates", nameof(DegreeCandidates));
            }
            for (int k = 1; k < list.Count; k++)
            {
                if (list[k] <= list[k - 1])
                {
                    throw new ArgumentException($"the degree candidates of correlation order {nu + 1} must increase: {string.Join(", ", list)}", nameof(DegreeCandidates));
                }
            }
        }
        ArgumentNullException.ThrowIfNull(BuildBasis);
        ArgumentNullException.ThrowIfNull(ConfigureFit);
        ArgumentNullException.ThrowIfNull(DimerDistances);
        if (!(RelativeTolerance >= 0 && RelativeTolerance < 1))
        {
            throw new ArgumentException($"the relative tolerance must lie in [0, 1), got {RelativeTolerance}", nameof(RelativeTolerance));
        }
    }
}
