using System.Globalization;
using Ace.Core.Primitives.Polynomials;
using Ace.Core.Primitives.Quadrature;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Radial;

/// <summary>
/// The ACE1-style transformed Jacobi radial basis (ace-math section 2a): with y = y(r) from an
/// <see cref="AgnesiTransform"/> (y(0) = -1, y(cutoff) = +1) and the envelope e(y) = (1 + y)^PIn (1 - y)^PCut,
/// R_n(r) = e(y) P_n(y), n = 0 .. Count - 1, where P_n are the Jacobi polynomials orthonormal for the weight
/// (1 + y)^(2 PIn) (1 - y)^(2 PCut). The R_n are orthonormal in dy, vanish for r &gt;= cutoff and are closed under products.
/// Immutable and thread-safe.
/// </summary>
public sealed class TransformedJacobiBasis : IProductClosedRadialBasis, IPointwiseRadialBasis
{
    private readonly JacobiPolynomials _polynomials;

    /// <summary>Creates the basis.</summary>
    /// <param name="transform">The distance transform; its cutoff is the basis cutoff.</param>
    /// <param name="count">The number of functions; at least 1.</param>
    /// <param name="pIn">The envelope exponent at r = 0 (y = -1); non-negative.</param>
    /// <param name="pCut">The envelope exponent at the cutoff (y = +1); at least 1 (2 or more for a continuous derivative).</param>
    /// <exception cref="ArgumentNullException"><paramref name="transform"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public TransformedJacobiBasis(AgnesiTransform transform, int count, int pIn = 2, int pCut = 2)
    {
        ArgumentNullException.ThrowIfNull(transform);
        RadialBatch.RequireCount(count, nameof(count));
        if (pIn < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(pIn), pIn,
                string.Create(CultureInfo.InvariantCulture, $"pIn = {pIn} must be non-negative."));
        }

        if (pCut < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(pCut), pCut,
                string.Create(CultureInfo.InvariantCulture, $"pCut = {pCut} must be at least 1 so that the basis vanishes at the cutoff."));
        }

        Transform = transform;
        Count = count;
        PIn = pIn;
        PCut = pCut;
        _polynomials = new JacobiPolynomials(2.0 * pCut, 2.0 * pIn, count - 1);
    }

    /// <summary>The distance transform r -> y.</summary>
    public AgnesiTransform Transform { get; }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public double Cutoff => Transform.Cutoff;

    /// <summary>The envelope exponent at r = 0 (of 1 + y).</summary>
    public int PIn { get; }

    /// <summary>The envelope exponent at the cutoff (of 1 - y).</summary>
    public int PCut { get; }

    /// <summary>The same family with <paramref name="count"/> functions.</summary>
    /// <param name="count">The number of functions; at least 1.</param>
    /// <returns>The resized basis sharing the transform and envelope.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public TransformedJacobiBasis WithCount(int count) => new(Transform, count, PIn, PCut);

    /// <inheritdoc />
    IProductClosedRadialBasis IProductClosedRadialBasis.WithCount(int count) => WithCount(count);

    /// <inheritdoc />
    public int ProductLength(int a, int b)
    {
        RequireIndex(a, nameof(a));
        RequireIndex(b, nameof(b));
        return a + b + PIn + PCut + 1;
    }

    /// <summary>
    /// The exact expansion R_a R_b = sum_k c[k] R_k, k = 0 .. a + b + PIn + PCut (0-based): since R_a R_b = e (e P_a P_b)
    /// and e P_a P_b is a polynomial of degree a + b + PIn + PCut, c[k] = integral of R_a R_b R_k dy, computed by a
    /// Gauss-Jacobi rule that is exact for the integrand.
    /// </summary>
    /// <param name="a">The first index (0-based); non-negative.</param>
    /// <param name="b">The second index (0-based); non-negative.</param>
    /// <returns>A new array of a + b + PIn + PCut + 1 coefficients.</returns>
    /// <exception cref="ArgumentOutOfRangeException">a or b is negative.</exception>
    public double[] ProductCoefficients(int a, int b)
    {
        int length = ProductLength(a, b);
        // The integrand e P_a P_b P_k has degree at most 2 (length - 1): a rule with `length` nodes is exact.
        var rule = GaussJacobi.Create(length, 2.0 * PCut, 2.0 * PIn);
        var family = new JacobiPolynomials(2.0 * PCut, 2.0 * PIn, length - 1);
        var p = new double[length];
        var dp = new double[length];
        var coefficients = new double[length];
        for (int i = 0; i < rule.Count; i++)
        {
            double y = rule.Nodes[i];
            family.Evaluate(y, p, dp);
            double weighted = rule.Weights[i] * Envelope(y, out _) * p[a] * p[b];
            for (int k = 0; k < length; k++)
            {
                coefficients[k] += weighted * p[k];
            }
        }

        return coefficients;
    }

    /// <inheritdoc />
    public void Evaluate(double r, Span<double> values, Span<double> derivatives)
    {
        RadialBatch.CheckPoint(Count, r, values, derivatives);
        RadialBatch.EvaluatePoint(this, r, values, derivatives, 1);
    }

    /// <summary>
    /// The basis as a function of the transformed coordinate: R_n into <c>values[n]</c> and dR_n/dy into
    /// <c>derivatives[n]</c>, for y in [-1, 1] (orthonormality holds in dy).
    /// </summary>
    /// <param name="y">The transformed coordinate, in [-1, 1].</param>
    /// <param name="values">Receives the values (length at least Count).</param>
    /// <param name="derivatives">Receives the derivatives d/dy (length at least Count).</param>
    /// <exception cref="ArgumentException">y is outside [-1, 1] or NaN, or an output is too short.</exception>
    public void EvaluateAtY(double y, Span<double> values, Span<double> derivatives)
    {
        if (!(y >= -1 && y <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(y), y,
                string.Create(CultureInfo.InvariantCulture, $"y = {y:R} must lie in [-1, 1]."));
        }

        DistanceGuard.RequireOutputs(values, derivatives, Count);
        double e = Envelope(y, out double de);
        _polynomials.Recurrence.EvaluatePoint(y, e, de, 1.0, values, derivatives, 1);
    }

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        RadialBatch.CheckBatch(Count, r, values, derivatives);
        int count = r.Length;
        Span<double> clamped = stackalloc double[RadialBatch.ChunkSize];
        Span<double> y = stackalloc double[RadialBatch.ChunkSize];
        Span<double> dydr = stackalloc double[RadialBatch.ChunkSize];
        Span<double> e = stackalloc double[RadialBatch.ChunkSize];
        Span<double> de = stackalloc double[RadialBatch.ChunkSize];
        double cutoff = Cutoff;
        for (int start = 0; start < count; start += RadialBatch.ChunkSize)
        {
            int length = Math.Min(RadialBatch.ChunkSize, count - start);
            var chunk = r.Slice(start, length);
            for (int j = 0; j < length; j++)
            {
                clamped[j] = Math.Min(chunk[j], cutoff);
            }

            Transform.TransformUnchecked(clamped[..length], y, dydr);
            for (int j = 0; j < length; j++)
            {
                if (chunk[j] < cutoff)
                {
                    e[j] = Envelope(y[j], out de[j]);
                }
                else
                {
                    e[j] = 0.0;
                    de[j] = 0.0;
                }
            }

            _polynomials.Recurrence.EvaluateBatch(y[..length], e[..length], de[..length], dydr[..length],
                values.Slice(start), derivatives.Slice(start), count);
        }
    }

    /// <summary>The scalar reference for the batched evaluation (same layout, point by point).</summary>
    internal void EvaluateReference(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives) =>
        RadialBatch.EvaluateReference(this, r, values, derivatives);

    /// <inheritdoc />
    void IPointwiseRadialBasis.EvaluateInside(double r, Span<double> values, Span<double> derivatives, int stride)
    {
        double y = Transform.TransformUnchecked(r, out double dydr);
        double e = Envelope(y, out double de);
        _polynomials.Recurrence.EvaluatePoint(y, e, de, dydr, values, derivatives, stride);
    }

    // e(y) = (1 + y)^PIn (1 - y)^PCut and de/dy.
    private double Envelope(double y, out double derivative)
    {
        double plus = 1.0 + y, minus = 1.0 - y;
        double plusPow = IntegerPower.Of(plus, PIn), minusPow = IntegerPower.Of(minus, PCut);
        double dPlus = PIn == 0 ? 0.0 : PIn * IntegerPower.Of(plus, PIn - 1);
        double dMinus = PCut * IntegerPower.Of(minus, PCut - 1);
        derivative = dPlus * minusPow - plusPow * dMinus;
        return plusPow * minusPow;
    }

    private static void RequireIndex(int index, string name)
    {
        if (index < 0)
        {
            throw new ArgumentOutOfRangeException(name, index,
                string.Create(CultureInfo.InvariantCulture, $"{name} = {index} must be non-negative."));
        }
    }
}
