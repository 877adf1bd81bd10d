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
/// <param name="Dimer">The fitted dimer curve from the reference curve's first distance to the potential's cutoff.</param>
/// <param name="DimerRms">The RMS deviation from the reference dimer curve over the study's window, eV.</param>
/// <param name="Potential">The fitted potential.</param>
public sealed record BodyOrderFit(
    string Dataset, string Variant, IReadOnlyList<int> Degrees, int FunctionCount, ErrorRow Train, ErrorRow? Validation,
    IReadOnlyList<OrderStatistics> Coefficients, Curve Dimer, double DimerRms, LinearAcePotential Potential)
{
    /// <summary>
    /// The largest depth (eV) by which the dimer curve falls below its value at <see cref="BodyOrderStudySettings.DimerTailFrom"/>
    /// between there and the cutoff (<see cref="ClusterCurves.DropBeyond"/>): 0 for a curve that rises to zero, the depth
    /// of a spurious well otherwise.
    /// </summary>
    public double DimerTailDrop { get; init; }

    /// <summary>The equilateral trimer curve E - 3 E0 over the dimer curve's distances (null when not computed).</summary>
    public Curve? Trimer { get; init; }

    /// <summary>
    /// The same score as <see cref="DimerTailDrop"/> for the equilateral trimer curve (eV): its largest depth below its own
    /// value at side <see cref="BodyOrderStudySettings.DimerTailFrom"/> between there and the cutoff (0 without a trimer curve).
    /// </summary>
    public double TrimerTailDrop { get; init; }

    /// <summary>The maximum body order of the basis (maximum correlation order + 1).</summary>
    public int MaxBodyOrder => Degrees.Count + 1;

    /// <summary>The mean |c| of correlation order <paramref name="correlationOrder"/>, or NaN when the basis has none.</summary>
    public double MeanAbsCoefficient(int correlationOrder) =>
        Coefficients.FirstOrDefault(c => c.CorrelationOrder == correlationOrder)?.MeanAbsCoefficient ?? double.NaN;
}
