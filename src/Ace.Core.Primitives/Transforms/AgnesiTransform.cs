using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

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
        _xCutoff = AgnesiX(cutoff, out _);
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
        double x = AgnesiX(r, out double dx);
        derivative = -_scale * dx;
        return 1.0 - _scale * (x - _xCutoff);
    }

    /// <summary>The batched transform without argument checks, vectorised across points.</summary>
    internal void TransformUnchecked(ReadOnlySpan<double> r, Span<double> values, Span<double> derivatives)
    {
        int j = 0;
        if (Vector.IsHardwareAccelerated && r.Length >= Vector<double>.Count)
        {
            var rv = MemoryMarshal.Cast<double, Vector<double>>(r);
            var yv = MemoryMarshal.Cast<double, Vector<double>>(values);
            var dv = MemoryMarshal.Cast<double, Vector<double>>(derivatives);
            var scale = new Vector<double>(_scale);
            var one = Vector<double>.One;
            var xc = new Vector<double>(_xCutoff);
            for (int v = 0; v < rv.Length; v++)
            {
                var x = AgnesiX(rv[v], out var dx);
                dv[v] = -scale * dx;
                yv[v] = one - scale * (x - xc);
            }

            j = rv.Length * Vector<double>.Count;
        }

        for (; j < r.Length; j++)
        {
            values[j] = TransformUnchecked(r[j], out derivatives[j]);
        }
    }

    // x(r) and dx/dr, written with h = t / (1 + t), t = s^(q-p), so that s = 0 needs no special case.
    private double AgnesiX(double r, out double dxdr)
    {
        double s = r / R0;
        double t = IntegerPower.Of(s, Q - P);
        double h = 1.0 / (1.0 + 1.0 / t);
        double sp1 = IntegerPower.Of(s, P - 1);
        double u = sp1 * s * h;
        double duds = sp1 * h * (Q - (Q - P) * h);
        double x = 1.0 / (1.0 + A * u);
        dxdr = -A * x * x * duds / R0;
        return x;
    }

    private Vector<double> AgnesiX(Vector<double> r, out Vector<double> dxdr)
    {
        var one = Vector<double>.One;
        var s = r / new Vector<double>(R0);
        var t = IntegerPower.Of(s, Q - P);
        var h = one / (one + one / t);
        var sp1 = IntegerPower.Of(s, P - 1);
        var u = sp1 * s * h;
        var duds = sp1 * h * (new Vector<double>((double)Q) - new Vector<double>((double)(Q - P)) * h);
        var a = new Vector<double>(A);
        var x = one / (one + a * u);
        dxdr = -a * x * x * duds / new Vector<double>(R0);
        return x;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
