namespace Ace.Core.Primitives.Radial;

/// <summary>
/// A radial basis whose point-by-point evaluation the shared drivers of <see cref="RadialBatch"/> run: they handle
/// the cutoff (zeros beyond it) and the reference loop over a batch; the basis supplies the values inside.
/// </summary>
internal interface IPointwiseRadialBasis
{
    /// <summary>The number of functions.</summary>
    int Count { get; }

    /// <summary>The cutoff; every function and derivative is zero at and beyond it.</summary>
    double Cutoff { get; }

    /// <summary>Writes R_n(r) into <c>values[n * stride]</c> and dR_n/dr into <c>derivatives[n * stride]</c> for 0 &lt;= r &lt; Cutoff.</summary>
    void EvaluateInside(double r, Span<double> values, Span<double> derivatives, int stride);
}
