using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// Evaluates polynomials defined by p_0 = c, p_{k+1} = (A_k x + B_k) p_k - C_k p_{k-1} (p_{-1} = 0), together with their
/// derivatives, optionally multiplied by an envelope: the kernel writes e p_k and g (e' p_k + e p_k'), where e, e' = de/dx
/// and the chain factor g are given per point (an absent envelope means e = 1, e' = 0, g = 1).
/// The batched kernel vectorises across points (lanes of <see cref="LaneDispatch"/>); the scalar kernel is the
/// reference it is tested against, and both use the same operations in the same order (no fused multiply-add), so they
/// agree exactly.
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

        var kernel = new Lanes(this, x, envelope, envelopeDerivative, chain, values, derivatives, stride);
        LaneDispatch.ForEachLane(ref kernel, x.Length);
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

    /// <summary>The batched kernel on one lane of points: the same operations as <see cref="EvaluatePoint"/>.</summary>
    private readonly ref struct Lanes : ILaneBatchKernel
    {
        private readonly ThreeTermRecurrence _recurrence;
        private readonly ReadOnlySpan<double> _x, _envelope, _envelopeDerivative, _chain;
        private readonly Span<double> _values, _derivatives;
        private readonly int _stride;

        public Lanes(ThreeTermRecurrence recurrence, ReadOnlySpan<double> x, ReadOnlySpan<double> envelope,
            ReadOnlySpan<double> envelopeDerivative, ReadOnlySpan<double> chain, Span<double> values, Span<double> derivatives, int stride)
        {
            _recurrence = recurrence;
            _x = x;
            _envelope = envelope;
            _envelopeDerivative = envelopeDerivative;
            _chain = chain;
            _values = values;
            _derivatives = derivatives;
            _stride = stride;
        }

        /// <summary>Points start .. start + width - 1 (overwrites, so overlap is harmless).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Run<TLane>(int start, int overlap)
            where TLane : unmanaged, ILane<TLane>
        {
            double[] a = _recurrence._a, b = _recurrence._b, c = _recurrence._c;
            ref double vRef = ref Unsafe.Add(ref MemoryMarshal.GetReference(_values), start);
            ref double dRef = ref Unsafe.Add(ref MemoryMarshal.GetReference(_derivatives), start);
            TLane xv = TLane.Load(ref Unsafe.Add(ref MemoryMarshal.GetReference(_x), start));
            TLane e, de, g;
            if (!_envelope.IsEmpty)
            {
                e = TLane.Load(ref Unsafe.Add(ref MemoryMarshal.GetReference(_envelope), start));
                de = TLane.Load(ref Unsafe.Add(ref MemoryMarshal.GetReference(_envelopeDerivative), start));
                g = TLane.Load(ref Unsafe.Add(ref MemoryMarshal.GetReference(_chain), start));
            }
            else
            {
                e = TLane.Create(1.0);
                de = TLane.Create(0.0);
                g = TLane.Create(1.0);
            }

            TLane pPrev = TLane.Create(0.0), dPrev = TLane.Create(0.0);
            TLane p = TLane.Create(_recurrence._p0), d = TLane.Create(0.0);
            TLane ge = g * e, gde = g * de;
            TLane.Store(e * p, ref vRef);
            TLane.Store(gde * p, ref dRef);
            for (int k = 0; k < a.Length; k++)
            {
                TLane ak = TLane.Create(a[k]), ck = TLane.Create(c[k]);
                TLane ax = ak * xv + TLane.Create(b[k]);
                TLane pNext = ax * p - ck * pPrev;
                TLane dNext = ax * d + ak * p - ck * dPrev;
                pPrev = p;
                dPrev = d;
                p = pNext;
                d = dNext;
                nint offset = (nint)(k + 1) * _stride;
                TLane.Store(e * p, ref Unsafe.Add(ref vRef, offset));
                TLane.Store(gde * p + ge * d, ref Unsafe.Add(ref dRef, offset));
            }
        }
    }
}
