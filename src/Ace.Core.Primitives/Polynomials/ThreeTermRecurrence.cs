using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// Evaluates polynomials defined by p_0 = c, p_{k+1} = (A_k x + B_k) p_k - C_k p_{k-1} (p_{-1} = 0), together with their
/// derivatives, optionally multiplied by an envelope: the kernel writes e p_k and g (e' p_k + e p_k'), where e, e' = de/dx
/// and the chain factor g are given per point (an absent envelope means e = 1, e' = 0, g = 1).
/// The batched kernel vectorises across points; the scalar kernel is the reference it is tested against.
/// </summary>
internal sealed class ThreeTermRecurrence
{
    private readonly double[] _a;
    private readonly double[] _b;
    private readonly double[] _c;
    private readonly double _p0;

    /// <summary>Creates the recurrence for degrees 0 .. a.Length (arrays of equal length MaxDegree).</summary>
    public ThreeTermRecurrence(double p0, double[] a, double[] b, double[] c)
    {
        _p0 = p0;
        _a = a;
        _b = b;
        _c = c;
    }

    /// <summary>The highest degree.</summary>
    public int MaxDegree => _a.Length;

    /// <summary>
    /// The scalar reference: for k = 0..MaxDegree, <c>values[k * stride]</c> = e p_k(x) and
    /// <c>derivatives[k * stride]</c> = g (e' p_k(x) + e p_k'(x)).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void EvaluatePoint(double x, double e, double de, double g, Span<double> values, Span<double> derivatives, int stride)
    {
        // Same association as the vector kernel, so both give identical results.
        double ge = g * e, gde = g * de;
        double pPrev = 0.0, dPrev = 0.0;
        double p = _p0, d = 0.0;
        values[0] = e * p;
        derivatives[0] = gde * p;
        for (int k = 0; k < _a.Length; k++)
        {
            double ak = _a[k];
            double ax = ak * x + _b[k];
            double pNext = ax * p - _c[k] * pPrev;
            double dNext = ax * d + ak * p - _c[k] * dPrev;
            pPrev = p;
            dPrev = d;
            p = pNext;
            d = dNext;
            values[(k + 1) * stride] = e * p;
            derivatives[(k + 1) * stride] = gde * p + ge * d;
        }
    }

    /// <summary>
    /// The batched kernel: <c>values[k * stride + j]</c> = e_j p_k(x_j) and <c>derivatives[k * stride + j]</c> =
    /// g_j (e'_j p_k(x_j) + e_j p_k'(x_j)) for j &lt; x.Length. Empty <paramref name="envelope"/> means no envelope
    /// (then <paramref name="envelopeDerivative"/> and <paramref name="chain"/> are ignored). The caller checks lengths.
    /// </summary>
    public void EvaluateBatch(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> envelope,
        ReadOnlySpan<double> envelopeDerivative,
        ReadOnlySpan<double> chain,
        Span<double> values,
        Span<double> derivatives,
        int stride)
    {
        int required = MaxDegree * stride + x.Length;
        if (values.Length < required || derivatives.Length < required || stride < x.Length)
        {
            throw new ArgumentException("The output spans are too short for the batch layout.", nameof(values));
        }

        bool enveloped = !envelope.IsEmpty;
        if (enveloped && (envelope.Length < x.Length || envelopeDerivative.Length < x.Length || chain.Length < x.Length))
        {
            throw new ArgumentException("The envelope spans are shorter than the batch.", nameof(envelope));
        }

        int width = Vector<double>.Count;
        int j = 0;
        if (Vector.IsHardwareAccelerated)
        {
            ref double vRef = ref MemoryMarshal.GetReference(values);
            ref double dRef = ref MemoryMarshal.GetReference(derivatives);
            var p0 = new Vector<double>(_p0);
            for (; j <= x.Length - width; j += width)
            {
                var xv = new Vector<double>(x.Slice(j));
                Vector<double> e, de, g;
                if (enveloped)
                {
                    e = new Vector<double>(envelope.Slice(j));
                    de = new Vector<double>(envelopeDerivative.Slice(j));
                    g = new Vector<double>(chain.Slice(j));
                }
                else
                {
                    e = Vector<double>.One;
                    de = Vector<double>.Zero;
                    g = Vector<double>.One;
                }

                var pPrev = Vector<double>.Zero;
                var dPrev = Vector<double>.Zero;
                var p = p0;
                var d = Vector<double>.Zero;
                var ge = g * e;
                var gde = g * de;
                Vector.StoreUnsafe(e * p, ref vRef, (nuint)j);
                Vector.StoreUnsafe(gde * p, ref dRef, (nuint)j);
                for (int k = 0; k < _a.Length; k++)
                {
                    var ak = new Vector<double>(_a[k]);
                    var ck = new Vector<double>(_c[k]);
                    var ax = ak * xv + new Vector<double>(_b[k]);
                    var pNext = ax * p - ck * pPrev;
                    var dNext = ax * d + ak * p - ck * dPrev;
                    pPrev = p;
                    dPrev = d;
                    p = pNext;
                    d = dNext;
                    nuint offset = (nuint)((k + 1) * stride + j);
                    Vector.StoreUnsafe(e * p, ref vRef, offset);
                    Vector.StoreUnsafe(gde * p + ge * d, ref dRef, offset);
                }
            }
        }

        EvaluatePoints(j, x, envelope, envelopeDerivative, chain, values, derivatives, stride);
    }

    /// <summary>The scalar reference for <see cref="EvaluateBatch"/>, point by point.</summary>
    public void EvaluateBatchReference(
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> envelope,
        ReadOnlySpan<double> envelopeDerivative,
        ReadOnlySpan<double> chain,
        Span<double> values,
        Span<double> derivatives,
        int stride)
    {
        EvaluatePoints(0, x, envelope, envelopeDerivative, chain, values, derivatives, stride);
    }

    // Points first .. x.Length - 1 of a batch, one at a time (the scalar tail of the vectorised kernel and the reference).
    private void EvaluatePoints(
        int first,
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> envelope,
        ReadOnlySpan<double> envelopeDerivative,
        ReadOnlySpan<double> chain,
        Span<double> values,
        Span<double> derivatives,
        int stride)
    {
        bool enveloped = !envelope.IsEmpty;
        for (int j = first; j < x.Length; j++)
        {
            double e = enveloped ? envelope[j] : 1.0;
            double de = enveloped ? envelopeDerivative[j] : 0.0;
            double g = enveloped ? chain[j] : 1.0;
            EvaluatePoint(x[j], e, de, g, values.Slice(j), derivatives.Slice(j), stride);
        }
    }
}
