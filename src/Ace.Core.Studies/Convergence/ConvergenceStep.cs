using Ace.Core.Analysis;
using Ace.Core.Errors;
using Ace.Core.Potentials;

namespace Ace.Core.Studies;

/// <summary>One fit of the convergence study: the degrees tried, its size, errors, dimer curve and coefficient statistics.</summary>
/// <param name="Index">The step number, from 0.</param>
/// <param name="CorrelationOrder">The correlation order being grown at this step (body order + 1).</param>
/// <param name="Degrees">The maximum total degree per correlation order (index 0 for order 1) of this step's basis.</param>
/// <param name="FunctionCount">The number of basis functions.</param>
/// <param name="Train">The errors on the training set.</param>
/// <param name="Validation">The errors on the validation set.</param>
/// <param name="Score">The validation score the protocol compares (lower is better).</param>
/// <param name="Accepted">True when the step lowered the score and its size was kept.</param>
/// <param name="Dimer">The dimer curve of the fitted potential.</param>
/// <param name="Coefficients">Mean |c| per correlation order.</param>
/// <param name="Potential">The fitted potential.</param>
public sealed record ConvergenceStep(
    int Index, int CorrelationOrder, IReadOnlyList<int> Degrees, int FunctionCount, ErrorRow Train, ErrorRow Validation,
    double Score, bool Accepted, Curve Dimer, IReadOnlyList<OrderStatistics> Coefficients, LinearAcePotential Potential)
{
    /// <summary>The equilateral trimer curve E - 3 E0 of the fitted potential over the dimer curve's distances (null when not computed).</summary>
    public Curve? Trimer { get; init; }
}
