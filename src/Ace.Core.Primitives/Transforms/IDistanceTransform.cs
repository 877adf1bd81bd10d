namespace Ace.Core.Primitives.Transforms;

/// <summary>
/// A smooth map of an interatomic distance r (Angstrom) to the coordinate in which a radial basis is a polynomial,
/// with its first derivative.
/// </summary>
public interface IDistanceTransform
{
    /// <summary>The transformed coordinate at distance <paramref name="r"/> and its derivative d/dr.</summary>
    /// <param name="r">A finite, non-negative distance.</param>
    /// <param name="derivative">The derivative of the transformed coordinate with respect to r.</param>
    /// <returns>The transformed coordinate.</returns>
    /// <exception cref="ArgumentException">r is negative, NaN or infinite.</exception>
    double Transform(double r, out double derivative);

    /// <summary>
    /// The transformed coordinates and their derivatives at every distance of <paramref name="r"/>:
    /// <c>values[j]</c> and <c>derivatives[j]</c> belong to <c>r[j]</c>. The outputs may not overlap the input.
    /// </summary>
    /// <param name="r">Finite, non-negative distances.</param>
    /// <param name="values">Receives the transformed coordinates (length at least <c>r.Length</c>).</param>
    /// <param name="derivatives">Receives the derivatives d/dr (length at least <c>r.Length</c>).</param>
    /// <exception cref="ArgumentException">An output is too short, or a distance is negative, NaN or infinite.</exception>
    void Transform(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives);
}
