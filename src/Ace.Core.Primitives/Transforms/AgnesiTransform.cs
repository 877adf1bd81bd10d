using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Transforms;

/// <summary>
/// The generalised Agnesi transform of ACE1 followed by the affine map onto [-1, 1] (ace-math section 2a):
/// with s = r / r0, x(r) = 1 / (1 + a s^q / (1 + s^(q-p))) and x_c = x(cutoff),
/// y(r) = 1 - 2 (x - x_c) / (1 - x_c), so that y(0) = -1 and y(cutoff) = +1. |dx/dr| peaks at r0 for the default a.
/// Immutable and thread-safe.
/// </summary>
public sealed class AgnesiTransform : IDistanceTransform
{
    private readonly double _xCutoff;
    private readonly double _scale; // 2 / (1 - x_c)

    /// <summary>Creates the transform.</summary>
    /// <param name="r0">The distance scale r0 where |dx/dr| peaks, typically the nearest-neighbour distance; positive.</param>
    /// <param name="cutoff">The cutoff distance, mapped to y = +1; positive.</param>
    /// <param name="p">The inner exponent p, an integer of at least 1.</param>
    /// <param name="q">The outer exponent q, an integer greater than <paramref name="p"/>.</param>
    /// <param name="a">The shape constant a (positive); null selects <see cref="DefaultA"/>(p, q).</param>
    /// <exception cref="ArgumentOutOfRangeException">A parameter is outside its range.</exception>
    public AgnesiTransform(double r0, double cutoff, int p = 2, int q = 4, double? a = null)
    {
        if (!(r0 > 0 && double.IsFinite(r0)))
        {
            throw new ArgumentOutOfRangeException(nameof(r0), r0, Invariant($"r0 = {r0:R} must be positive and finite."));
        }

        if (!(cutoff > 0 && double.IsFinite(cutoff)))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, Invariant($"cutoff = {cutoff:R} must be positive and finite."));
        }

        if (p < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, Invariant($"p = {p} must be at least 1."));
        }

        if (q <= p)
        {
            throw new ArgumentOutOfRangeException(nameof(q), q, Invariant($"q = {q} must be greater than p = {p}."));
        }

        double shape = a ?? DefaultA(p, q);
        if (!(shape > 0 && double.IsFinite(shape)))
        {
            throw new ArgumentOutOfRangeException(nameof(a), shape, Invariant($"a = {shape:R} must be positive and finite."));
        }

        R0 = r0;
        Cutoff = cutoff;
        P = p;
        Q = q;
        A = shape;
        _xCutoff = AgnesiX(new ScalarLane(cutoff), out _).Value;
        _scale = 2.0 / (1.0 - _xCutoff);
    }

    /// <summary>The distance scale r0 (Angstrom).</summary>
    public double R0 { get; }

    /// <summary>The cutoff distance (Angstrom), mapped to y = +1.</summary>
    public double Cutoff { get; }

    /// <summary>The inner exponent p.</summary>
    public int P { get; }

    /// <summary>The outer exponent q.</summary>
    public int Q { get; }

    /// <summary>The shape constant a.</summary>
    public double A { get; }

    /// <summary>
    /// The default a = (-2q + p(4q - 2)) / (p + p^2 + q + q^2), which puts the maximum of |dx/dr| at r = r0
    /// (10/13 for (p, q) = (2, 4)).
    /// </summary>
    /// <param name="p">The inner exponent (at least 1).</param>
    /// <param name="q">The outer exponent (greater than p).</param>
    /// <returns>The default shape constant.</returns>
    public static double DefaultA(int p, int q) =>
        (-2.0 * q + p * (4.0 * q - 2.0)) / ((double)p + (double)p * p + q + (double)q * q);

    /// <inheritdoc />
    public double Transform(double r, out double derivative)
    {
        DistanceGuard.RequireFinite(r);
        return TransformUnchecked(r, out derivative);
    }

    /// <inheritdoc />
    public void Transform(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        DistanceGuard.RequireTransformBatch(r, values, derivatives);
        TransformUnchecked(r, values, derivatives);
    }

    /// <summary>The scalar transform without argument checks (r finite and non-negative).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double TransformUnchecked(double r, out double derivative)
    {
        var y = TransformLane(new ScalarLane(r), out var dy);
        derivative = dy.Value;
        return y.Value;
    }

    /// <summary>The batched transform without argument checks, a lane of points at a time.</summary>
    internal void TransformUnchecked(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        var kernel = new Lanes(this, r, values, derivatives);
        LaneDispatch.ForEachLane(ref kernel, r.Length);
    }

    // y(r) = 1 - scale (x(r) - x(r_cut)) and dy/dr, written once for every lane type (the scalar path is ScalarLane).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TLane TransformLane<TLane>(TLane r, out TLane derivative)
        where TLane : unmanaged, ILane<TLane>
    {
        var scale = TLane.Create(_scale);
        var x = AgnesiX(r, out var dx);
        derivative = TLane.Create(-_scale) * dx;
        return TLane.Create(1.0) - scale * (x - TLane.Create(_xCutoff));
    }

    // x(r) and dx/dr, written with h = t / (1 + t), t = s^(q-p), so that s = 0 needs no special case.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private TLane AgnesiX<TLane>(TLane r, out TLane dxdr)
        where TLane : unmanaged, ILane<TLane>
    {
        var one = TLane.Create(1.0);
        var r0 = TLane.Create(R0);
        var s = r / r0;
        var t = IntegerPower.Of(s, Q - P);
        var h = one / (one + one / t);
        var sp1 = IntegerPower.Of(s, P - 1);
        var u = sp1 * s * h;
        var duds = sp1 * h * (TLane.Create(Q) - TLane.Create(Q - P) * h);
        var a = TLane.Create(A);
        var x = one / (one + a * u);
        dxdr = TLane.Create(-A) * x * x * duds / r0;
        return x;
    }

    // The batched transform as a lane kernel (it overwrites its outputs, so an overlapping last lane is harmless).
    private readonly ref struct Lanes(AgnesiTransform transform, ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
        : ILaneBatchKernel
    {
        private readonly ReadOnlySpan<double> _r = r;
        private readonly Span<double> _values = values;
        private readonly Span<double> _derivatives = derivatives;

        public void Run<TLane>(int start, int overlap)
            where TLane : unmanaged, ILane<TLane>
        {
            var y = transform.TransformLane(TLane.Load(ref Unsafe.Add(ref MemoryMarshal.GetReference(_r), start)), out var dy);
            TLane.Store(y, ref Unsafe.Add(ref MemoryMarshal.GetReference(_values), start));
            TLane.Store(dy, ref Unsafe.Add(ref MemoryMarshal.GetReference(_derivatives), start));
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
