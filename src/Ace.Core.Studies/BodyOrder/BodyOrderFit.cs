using Ace.Core.Analysis;
using Ace.Core.Errors;
using Ace.Core.Potentials;

namespace Ace.Core.Studies;

/// <summary>One fit of the body-order study.</summary>
/// <param name="Dataset">The training set's name.</param>
/// <param name="Variant">The basis variant's name.</param>
/// <param name="Degrees">The maximum degree per correlation order; its length is the maximum correlation order.</param>
/// <param name="FunctionCount">The number of basis functions.</param>
/// <param name="Train">Overall training errors.</param>
/// <param name="Validation">Overall validation errors (null without a validation set).</param>
/// <param name="Coefficients">Mean |c| per correlation order.</param>
/// <param name="Dimer">The fitted dimer curve at the reference curve's distances.</param>
/// <param name="DimerRms">The RMS deviation from the reference dimer curve over the study's window, eV.</param>
/// <param name="Potential">The fitted potential.</param>
public sealed record BodyOrderFit(
    string Dataset, string Variant, IReadOnlyList<int> Degrees, int FunctionCount, ErrorRow Train, ErrorRow? Validation,
    IReadOnlyList<OrderStatistics> Coefficients, Curve Dimer, double DimerRms, LinearAcePotential Potential)
{
    /// <summary>The maximum body order of the basis (maximum correlation order + 1).</summary>
    public int MaxBodyOrder => Degrees.Count + 1;

    /// <summary>The mean |c| of correlation order <paramref name="correlationOrder"/>, or NaN when the basis has none.</summary>
    public double MeanAbsCoefficient(int correlationOrder) =>
        Coefficients.FirstOrDefault(c => c.CorrelationOrder == correlationOrder)?.MeanAbsCoefficient ?? double.NaN;
}
