using System.Globalization;
using Ace.Core.Primitives.Polynomials;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Radial;

/// <summary>
/// ACE1x's default pair basis (ace-math.md 2c): with y = y(r) from an <see cref="AgnesiTransform"/> (ACE1x: p = 1, q = 3;
/// y(0) = -1, y(cutoff) = +1) and the envelope in r, s = r / r0, s_c = cutoff / r0,
/// e(r) = s^-p - s_c^-p + p s_c^-(p+1) (s - s_c), the functions are J_n(r) = e(r) P_n(y(r)), n = 0 .. Count - 1, with
/// P_n the Legendre polynomials orthonormal on [-1, 1]. The envelope is repulsive (it grows as r^-p towards r = 0) and
/// it and its derivative vanish at the cutoff; the polynomials do not include it in their orthogonality (it acts as a
/// prior, as in ACE1). ACE1 orthonormalises the same polynomial space on a discrete grid, so its functions differ from
/// these by a near-constant factor per n; the span is the same. Not product-closed. Immutable and thread-safe.
/// </summary>
public sealed class EnvelopedLegendreBasis : IRadialBasis, IPointwiseRadialBasis
{
    private readonly JacobiPolynomials _polynomials;
    private readonly double _scaledCutoff;

    /// <summary>Creates the basis.</summary>
    /// <param name="transform">The distance transform; its cutoff is the basis cutoff and its r0 the envelope's scale.</param>
    /// <param name="count">The number of functions; at least 1.</param>
    /// <param name="envelopeExponent">The envelope exponent p (ACE1x: 2); at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transform"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public EnvelopedLegendreBasis(AgnesiTransform transform, int count, int envelopeExponent = 2)
    {
        ArgumentNullException.ThrowIfNull(transform);
        RadialBatch.RequireCount(count, nameof(count));
        if (envelopeExponent < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(envelopeExponent), envelopeExponent,
                string.Create(CultureInfo.InvariantCulture, $"the envelope exponent {envelopeExponent} must be at least 1."));
        }

        Transform = transform;
        Count = count;
        EnvelopeExponent = envelopeExponent;
        _scaledCutoff = transform.Cutoff / transform.R0;
        _polynomials = new JacobiPolynomials(0.0, 0.0, count - 1);
    }

    /// <summary>The distance transform r -> y.</summary>
    public AgnesiTransform Transform { get; }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public double Cutoff => Transform.Cutoff;

    /// <summary>The envelope exponent p.</summary>
    public int EnvelopeExponent { get; }

    /// <summary>The envelope e(r) and its derivative de/dr; zero at and beyond the cutoff, +infinity at r = 0.</summary>
    /// <param name="r">The distance; non-negative.</param>
    /// <param name="derivative">de/dr.</param>
    /// <returns>e(r).</returns>
    public double Envelope(double r, out double derivative)
    {
        DistanceGuard.RequireNonNegative(r, nameof(r));
        if (r >= Cutoff)
        {
            derivative = 0.0;
            return 0.0;
        }

        return EnvelopeInside(r, out derivative);
    }

    /// <inheritdoc />
    public void Evaluate(double r, Span<double> values, Span<double> derivatives)
    {
        RadialBatch.CheckPoint(Count, r, values, derivatives);
        RadialBatch.EvaluatePoint(this, r, values, derivatives, 1);
    }

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives) =>
        RadialBatch.EvaluateReference(this, r, values, derivatives);

    /// <inheritdoc />
    void IPointwiseRadialBasis.EvaluateInside(double r, Span<double> values, Span<double> derivatives, int stride)
    {
        double y = Transform.TransformUnchecked(r, out double dydr);
        double e = EnvelopeInside(r, out double dedr);
        // The recurrence writes e P_n and g (e_y P_n + e P_n') with g = dy/dr; e_y = (de/dr) / (dy/dr), dy/dr > 0 for r > 0.
        _polynomials.Recurrence.EvaluatePoint(y, e, dedr / dydr, dydr, values, derivatives, stride);
    }

    private double EnvelopeInside(double r, out double derivative)
    {
        int p = EnvelopeExponent;
        double s = r / Transform.R0, sc = _scaledCutoff;
        double scPow = 1.0 / IntegerPower.Of(sc, p + 1);
        double sPow = 1.0 / IntegerPower.Of(s, p + 1);
        derivative = p * (scPow - sPow) / Transform.R0;
        return sPow * s - scPow * sc + p * scPow * (s - sc);
    }
}
