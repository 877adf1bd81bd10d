using Ace.Core.Primitives.Polynomials;
using Ace.Core.Primitives.Transforms;

namespace Ace.Core.Primitives.Radial;

/// <summary>
/// Pacemaker's ChebExpCos radial basis (ace-math section 2b) with identity coefficients: with x = x(r) from a
/// <see cref="ScaledExponentialTransform"/> and the cosine envelope f(r) = (1 + cos(pi r / r_c)) / 2,
/// R_0 = f and R_n = f (1 - T_n(x)) / 2 for n &gt;= 1 (Chebyshev T). Zero for r &gt;= r_c. It is not closed under
/// products, so as a fixed basis it cannot be purified exactly (fitted radials over it can: their one-neighbour
/// products become functions of their own). Immutable and thread-safe.
/// </summary>
public sealed class ChebExpCosBasis : IRadialBasis, IPointwiseRadialBasis
{
    private readonly ChebyshevPolynomials _chebyshev;

    /// <summary>Creates the basis.</summary>
    /// <param name="transform">The scaled exponential transform; its cutoff is the basis cutoff.</param>
    /// <param name="count">The number of functions; at least 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="transform"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is less than 1.</exception>
    public ChebExpCosBasis(ScaledExponentialTransform transform, int count)
    {
        ArgumentNullException.ThrowIfNull(transform);
        RadialBatch.RequireCount(count, nameof(count));
        Transform = transform;
        Count = count;
        _chebyshev = new ChebyshevPolynomials(ChebyshevKind.FirstKind, count - 1);
    }

    /// <summary>The distance transform r -> x.</summary>
    public ScaledExponentialTransform Transform { get; }

    /// <inheritdoc />
    public int Count { get; }

    /// <inheritdoc />
    public double Cutoff => Transform.Cutoff;

    /// <inheritdoc />
    public void Evaluate(double r, Span<double> values, Span<double> derivatives)
    {
        RadialBatch.CheckPoint(Count, r, values, derivatives);
        RadialBatch.EvaluatePoint(this, r, values, derivatives, 1);
    }

    /// <inheritdoc />
    public void Evaluate(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        RadialBatch.CheckBatch(Count, r, values, derivatives);
        int count = r.Length;
        Span<double> x = stackalloc double[RadialBatch.ChunkSize];
        Span<double> dxdr = stackalloc double[RadialBatch.ChunkSize];
        Span<double> ones = stackalloc double[RadialBatch.ChunkSize];
        Span<double> zeros = stackalloc double[RadialBatch.ChunkSize];
        Span<double> f = stackalloc double[RadialBatch.ChunkSize];
        Span<double> df = stackalloc double[RadialBatch.ChunkSize];
        ones.Fill(1.0);
        zeros.Clear();
        for (int start = 0; start < count; start += RadialBatch.ChunkSize)
        {
            int length = Math.Min(RadialBatch.ChunkSize, count - start);
            var chunk = r.Slice(start, length);
            for (int j = 0; j < length; j++)
            {
                double rj = Math.Min(chunk[j], Cutoff);
                x[j] = Transform.TransformUnchecked(rj, out dxdr[j]);
                f[j] = CosineEnvelope(chunk[j], out df[j]);
            }

            // T_n(x) and dT_n/dr (the chain factor dx/dr applied by the kernel), then the envelope point by point.
            var v = values.Slice(start);
            var d = derivatives.Slice(start);
            _chebyshev.Recurrence.EvaluateBatch(x[..length], ones[..length], zeros[..length], dxdr[..length], v, d, count);
            for (int j = 0; j < length; j++)
            {
                v[j] = f[j];
                d[j] = df[j];
            }

            for (int n = 1; n < Count; n++)
            {
                var vn = v.Slice(n * count, length);
                var dn = d.Slice(n * count, length);
                for (int j = 0; j < length; j++)
                {
                    double g = 0.5 * (1.0 - vn[j]);
                    dn[j] = df[j] * g - 0.5 * f[j] * dn[j];
                    vn[j] = f[j] * g;
                }
            }
        }
    }

    /// <summary>The scalar reference for the batched evaluation (same layout, point by point).</summary>
    internal void EvaluateReference(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives) =>
        RadialBatch.EvaluateReference(this, r, values, derivatives);

    /// <inheritdoc />
    void IPointwiseRadialBasis.EvaluateInside(double r, Span<double> values, Span<double> derivatives, int stride)
    {
        double x = Transform.TransformUnchecked(r, out double dxdr);
        double f = CosineEnvelope(r, out double df);
        _chebyshev.Recurrence.EvaluatePoint(x, 1.0, 0.0, dxdr, values, derivatives, stride);
        values[0] = f;
        derivatives[0] = df;
        for (int n = 1; n < Count; n++)
        {
            double g = 0.5 * (1.0 - values[n * stride]);
            derivatives[n * stride] = df * g - 0.5 * f * derivatives[n * stride];
            values[n * stride] = f * g;
        }
    }

    // f(r) = (1 + cos(pi r / r_c)) / 2 and df/dr for r < r_c; 0 and 0 beyond.
    private double CosineEnvelope(double r, out double derivative)
    {
        if (r >= Cutoff)
        {
            derivative = 0.0;
            return 0.0;
        }

        double angle = Math.PI * r / Cutoff;
        derivative = -0.5 * Math.PI / Cutoff * Math.Sin(angle);
        return 0.5 * (1.0 + Math.Cos(angle));
    }
}
