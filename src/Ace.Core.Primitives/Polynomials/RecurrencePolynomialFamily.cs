using System.Globalization;

namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// A polynomial family p_0 .. p_MaxDegree evaluated by a three-term recurrence: the point and batched evaluations
/// shared by every such family (Jacobi, Chebyshev). Immutable and thread-safe.
/// </summary>
public abstract class RecurrencePolynomialFamily : IPolynomialFamily
{
    /// <summary>Checks and stores the highest degree; the derived constructor sets <see cref="Recurrence"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxDegree"/> is negative.</exception>
    private protected RecurrencePolynomialFamily(int maxDegree)
    {
        if (maxDegree < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(maxDegree), maxDegree,
                string.Create(CultureInfo.InvariantCulture, $"maxDegree = {maxDegree} must be non-negative."));
        }

        MaxDegree = maxDegree;
    }

    /// <inheritdoc />
    public int MaxDegree { get; }

    /// <summary>The recurrence, also for fused kernels in this assembly (radial bases).</summary>
    internal ThreeTermRecurrence Recurrence { get; private protected init; } = null!;

    /// <inheritdoc />
    public void Evaluate(double x, Span<double> values, Span<double> derivatives) =>
        PolynomialEvaluation.Point(Recurrence, x, values, derivatives);

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives) =>
        PolynomialEvaluation.Batch(Recurrence, x, values, derivatives, vectorised: true);

    /// <summary>The scalar reference for the batched evaluation (same layout, point by point).</summary>
    internal void EvaluateReference(ReadOnlySpan<double> x, Span<double> values, Span<double> derivatives) =>
        PolynomialEvaluation.Batch(Recurrence, x, values, derivatives, vectorised: false);
}
