using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// Real orthonormal spherical harmonics Y_lm(r / |r|) and their Cartesian gradients, for one point or a batch.
/// </summary>
/// <remarks>
/// <para><b>Convention</b> (relied on by the coupling coefficients; see docs/ace-math.md section 2).
/// With the complex harmonics Y_l^m in the Condon-Shortley phase convention,
/// <code>
/// Y_lm = sqrt(2) (-1)^m Re Y_l^m      for m &gt; 0,
/// Y_lm = sqrt(2) (-1)^m Im Y_l^|m|    for m &lt; 0,
/// Y_l0 = Y_l^0,
/// </code>
/// so the Y_lm are orthonormal on the unit sphere (integral of Y_lm Y_l'm' = delta_ll' delta_mm'), Y_00 = 1/sqrt(4 pi),
/// and the (-1)^m cancels the Condon-Shortley phase: Y_lm = sqrt((2l+1)/(2 pi) (l-|m|)!/(l+|m|)!) P_l^|m|(cos theta)
/// cos(m phi) for m &gt; 0 and ... sin(|m| phi) for m &lt; 0, with P_l^m the associated Legendre function WITHOUT the
/// (-1)^m factor. Hence Y_1,-1 = sqrt(3/(4 pi)) y/r, Y_10 = sqrt(3/(4 pi)) z/r, Y_11 = sqrt(3/(4 pi)) x/r
/// and for l = 2: Y_2,-2 = sqrt(15/(4 pi)) xy/r^2, Y_21 = sqrt(15/(4 pi)) xz/r^2, Y_22 = sqrt(15/(16 pi)) (x^2-y^2)/r^2
/// (no negative signs: the tests check these closed forms and the map from the complex harmonics for l &lt;= 3).</para>
/// <para><b>Indexing</b>: component (l, m), -l &lt;= m &lt;= l, is stored at <see cref="Index"/>(l, m) = l*l + l + m;
/// degrees 0..lMax make <see cref="Count"/>(lMax) = (lMax+1)^2 components.
/// Batches are component-major: component k of point j sits at <c>values[k * count + j]</c>.</para>
/// <para><b>Inputs</b> need not be unit vectors: Y is a function of r/|r|, and the gradients are Cartesian gradients
/// with respect to the unnormalised r, so they are orthogonal to r and scale as 1/|r|. The vector must be non-zero and
/// finite, with |r|^2 a finite normal double (about 1.5e-154 &lt; |r| &lt; 1.3e154), so that r/|r| is accurate.</para>
/// <para><b>Method</b>: the solid harmonics r^l Y_lm (polynomials in x, y, z) by a recursion in l, evaluated at r/|r|;
/// grad Y = grad(r^l Y_lm)/r^l - l Y_lm r_hat/r. The batch methods vectorise across points (the recursion in l is
/// sequential), two SIMD vectors at a time, the widest the hardware accelerates (see
/// <see cref="LaneDispatch.ForEachLane{TKernel}"/>), a tile of points at a time so that the speed does not depend on
/// the number of points (see <see cref="HarmonicTiles"/>); a tail shorter than a lane is done by one lane that overlaps the
/// previous points (same results), so only batches below the narrowest vector's width, and machines without SIMD, run
/// the recursion one point at a time (the code path of the single-point methods). Nothing is allocated per call (tiled batches reuse a per-thread buffer, allocated on a thread's first such
/// batch and grown when needed); the recursion constants are computed
/// once and shared between threads.</para>
/// </remarks>
public static class RealSphericalHarmonics
{
    /// <summary>The largest supported degree (a bound on the gradient kernels' stack scratch; the tests check the addition
    /// theorem to 1e-13 (2l+1) up to this degree).</summary>
    public const int MaxLMax = 128;

    /// <summary>The stack budget of the batch gradient kernel's scratch; wider lanes are skipped when theirs would exceed it.</summary>
    private const int MaxScratchBytes = 32 * 1024;

    /// <summary>The smallest positive normal double, 2^-1022: the least |r|^2 accepted.</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    /// <summary>The position of component (l, m), -l &lt;= m &lt;= l, in an output block: l*l + l + m.</summary>
    /// <param name="l">The degree, l &gt;= 0.</param>
    /// <param name="m">The order, -l &lt;= m &lt;= l.</param>
    public static int Index(int l, int m) => (l * l) + l + m;

    /// <summary>The number of components of degrees 0..<paramref name="lMax"/>: (lMax+1)^2.</summary>
    /// <param name="lMax">The largest degree.</param>
    public static int Count(int lMax) => (lMax + 1) * (lMax + 1);

    /// <summary>Evaluates Y_lm(r/|r|) for l = 0..<paramref name="lMax"/> at r = (x, y, z).</summary>
    /// <param name="lMax">The largest degree, 0..<see cref="MaxLMax"/>.</param>
    /// <param name="x">The x component of r.</param>
    /// <param name="y">The y component of r.</param>
    /// <param name="z">The z component of r.</param>
    /// <param name="values">Receives Y_lm at <see cref="Index"/>(l, m); at least <see cref="Count"/>(lMax) long.</param>
    /// <exception cref="ArgumentException">lMax is out of range, r is zero or not finite, or the span is too short.</exception>
    public static void Evaluate(int lMax, double x, double y, double z, Span<double> values)
    {
        var table = Coefficients(lMax);
        RequireLength(values, Count(lMax), nameof(values));
        double invR = InverseNorm(x, y, z, -1);
        SolidHarmonicsKernel.Values(table, lMax, new ScalarLane(x * invR), new ScalarLane(y * invR), new ScalarLane(z * invR),
            ref MemoryMarshal.GetReference(values), 1);
    }

    /// <summary>Evaluates Y_lm(r/|r|) and its Cartesian gradient with respect to r, for l = 0..<paramref name="lMax"/>.</summary>
    /// <param name="lMax">The largest degree, 0..<see cref="MaxLMax"/>.</param>
    /// <param name="x">The x component of r.</param>
    /// <param name="y">The y component of r.</param>
    /// <param name="z">The z component of r.</param>
    /// <param name="values">Receives Y_lm at <see cref="Index"/>(l, m); at least <see cref="Count"/>(lMax) long.</param>
    /// <param name="gradX">Receives dY_lm/dx, laid out like <paramref name="values"/>.</param>
    /// <param name="gradY">Receives dY_lm/dy, laid out like <paramref name="values"/>.</param>
    /// <param name="gradZ">Receives dY_lm/dz, laid out like <paramref name="values"/>.</param>
    /// <exception cref="ArgumentException">lMax is out of range, r is zero or not finite, or a span is too short.</exception>
    [SkipLocalsInit]
    public static void EvaluateWithGradients(
        int lMax, double x, double y, double z, Span<double> values, Span<double> gradX, Span<double> gradY, Span<double> gradZ)
    {
        var table = Coefficients(lMax);
        int count = Count(lMax);
        RequireGradientOutputs(values, gradX, gradY, gradZ, count);
        double invR = InverseNorm(x, y, z, -1);
        int bytes = SolidHarmonicsKernel.GradientScratchLength(lMax) * sizeof(double);
        Span<byte> scratch = AlignedScratch.Align(stackalloc byte[AlignedScratch.StackBytes(bytes)])[..bytes];
        SolidHarmonicsKernel.ValuesAndGradients(table, lMax,
            new ScalarLane(x * invR), new ScalarLane(y * invR), new ScalarLane(z * invR), new ScalarLane(invR),
            ref MemoryMarshal.GetReference(values), ref MemoryMarshal.GetReference(gradX),
            ref MemoryMarshal.GetReference(gradY), ref MemoryMarshal.GetReference(gradZ), 1, MemoryMarshal.Cast<byte, ScalarLane>(scratch));
    }

    /// <summary>
    /// Evaluates Y_lm(r_j/|r_j|) for a batch of points r_j = (x[j], y[j], z[j]), vectorised across points.
    /// </summary>
    /// <param name="lMax">The largest degree, 0..<see cref="MaxLMax"/>.</param>
    /// <param name="x">The x components; its length is the number of points.</param>
    /// <param name="y">The y components, as long as <paramref name="x"/>.</param>
    /// <param name="z">The z components, as long as <paramref name="x"/>.</param>
    /// <param name="values">Receives Y_lm of point j at <c>Index(l, m) * count + j</c>; at least Count(lMax) * count long.</param>
    /// <exception cref="ArgumentException">lMax is out of range, a point is zero or not finite (the message names its
    /// index), or a span has the wrong length.</exception>
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Evaluate(int lMax, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z, Span<double> values)
    {
        var table = Coefficients(lMax);
        int count = RequireBatch(x, y, z);
        RequireLength(values, (long)Count(lMax) * count, nameof(values));
        if (HarmonicTiles.RowsAlias(count, Count(lMax)))
        {
            HarmonicTiles.Values(table, lMax, x, y, z, values);
            return;
        }
        var kernel = new HarmonicValueLanes(table, lMax, x, y, z, values, count);
        LaneDispatch.ForEachLane(ref kernel, count, paired: true);
    }

    /// <summary>
    /// Evaluates Y_lm(r_j/|r_j|) and its Cartesian gradient with respect to r_j for a batch of points, vectorised
    /// across points.
    /// </summary>
    /// <param name="lMax">The largest degree, 0..<see cref="MaxLMax"/>.</param>
    /// <param name="x">The x components; its length is the number of points.</param>
    /// <param name="y">The y components, as long as <paramref name="x"/>.</param>
    /// <param name="z">The z components, as long as <paramref name="x"/>.</param>
    /// <param name="values">Receives Y_lm of point j at <c>Index(l, m) * count + j</c>; at least Count(lMax) * count long.</param>
    /// <param name="gradX">Receives dY_lm/dx, laid out like <paramref name="values"/>.</param>
    /// <param name="gradY">Receives dY_lm/dy, laid out like <paramref name="values"/>.</param>
    /// <param name="gradZ">Receives dY_lm/dz, laid out like <paramref name="values"/>.</param>
    /// <exception cref="ArgumentException">lMax is out of range, a point is zero or not finite (the message names its
    /// index), or a span has the wrong length.</exception>
    [SkipLocalsInit]
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void EvaluateWithGradients(
        int lMax, ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z,
        Span<double> values, Span<double> gradX, Span<double> gradY, Span<double> gradZ)
    {
        var table = Coefficients(lMax);
        int count = RequireBatch(x, y, z);
        long length = (long)Count(lMax) * count;
        RequireGradientOutputs(values, gradX, gradY, gradZ, length);
        // Widest lanes first, as far as their scratch fits the stack budget; the scalar lane's scratch
        // (7 (lMax+1) doubles) always fits. The scratch starts on a 64-byte boundary.
        int lanes = SolidHarmonicsKernel.GradientScratchLength(lMax);
        int bytes = Math.Min(MaxScratchBytes, lanes * Unsafe.SizeOf<LanePair<Vector512Lane>>());
        Span<byte> scratch = AlignedScratch.Align(stackalloc byte[AlignedScratch.StackBytes(bytes)])[..bytes];
        if (HarmonicTiles.RowsAlias(count, 4 * Count(lMax), HarmonicTiles.GradientInPlaceBytes))
        {
            HarmonicTiles.ValuesAndGradients(table, lMax, x, y, z, values, gradX, gradY, gradZ, scratch, scratch.Length / lanes);
            return;
        }
        var kernel = new HarmonicGradientLanes(table, lMax, x, y, z, values, gradX, gradY, gradZ, count, scratch);
        LaneDispatch.ForEachLane(ref kernel, count, paired: true, maxLaneBytes: scratch.Length / lanes);
    }

    /// <summary>Loads the lane of points starting at <paramref name="j"/> and returns r/|r| and 1/|r| (validated).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static (TLane X, TLane Y, TLane Z, TLane InvR) UnitVectors<TLane>(ref double x0, ref double y0, ref double z0, int j)
        where TLane : unmanaged, ILane<TLane>
    {
        TLane x = TLane.Load(ref Unsafe.Add(ref x0, j));
        TLane y = TLane.Load(ref Unsafe.Add(ref y0, j));
        TLane z = TLane.Load(ref Unsafe.Add(ref z0, j));
        TLane r2 = TLane.MultiplyAdd(x, x, TLane.MultiplyAdd(y, y, z * z));
        if (!TLane.AllWithin(r2, SmallestNormal, double.PositiveInfinity))
        {
            ThrowFirstBadPoint(ref x0, ref y0, ref z0, j, TLane.Width);
        }
        TLane invR = TLane.Create(1.0) / TLane.Sqrt(r2);
        return (x * invR, y * invR, z * invR, invR);
    }

    private static SphericalHarmonicsCoefficients Coefficients(int lMax)
    {
        if ((uint)lMax > MaxLMax)
        {
            ThrowBadDegree(lMax);
        }
        return SphericalHarmonicsCoefficients.ForDegree(lMax);
    }

    private static int RequireBatch(ReadOnlySpan<double> x, ReadOnlySpan<double> y, ReadOnlySpan<double> z)
    {
        if (y.Length != x.Length || z.Length != x.Length)
        {
            ThrowBatchLengths(x.Length, y.Length, z.Length);
        }
        return x.Length;
    }

    private static void RequireGradientOutputs(
        Span<double> values, Span<double> gradX, Span<double> gradY, Span<double> gradZ, long required)
    {
        RequireLength(values, required, nameof(values));
        RequireLength(gradX, required, nameof(gradX));
        RequireLength(gradY, required, nameof(gradY));
        RequireLength(gradZ, required, nameof(gradZ));
    }

    private static void RequireLength(Span<double> span, long required, string name)
    {
        if (span.Length < required)
        {
            ThrowTooShort(span.Length, required, name);
        }
    }

    // The throw paths live in methods of their own, so that the checks above inline into the batch methods and their
    // small-batch calls stay short.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadDegree(int lMax) =>
        throw new ArgumentOutOfRangeException(nameof(lMax), lMax,
            string.Create(CultureInfo.InvariantCulture, $"lMax must be between 0 and {MaxLMax}; it is {lMax}."));

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBatchLengths(int x, int y, int z)
    {
        var (name, length) = y != x ? ("y", y) : ("z", z);
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{name} has {length} elements but x has {x}; x, y and z must have one element per point."), name);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowTooShort(int length, long required, string name) =>
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{name} has {length} elements but {required} are needed."), name);

    /// <summary>1/|r|, or an ArgumentException when r is zero or not finite, or |r|^2 is not a finite normal double.</summary>
    private static double InverseNorm(double x, double y, double z, int point)
    {
        double r2 = (x * x) + (y * y) + (z * z);
        if (!(r2 >= SmallestNormal && r2 < double.PositiveInfinity))
        {
            ThrowBadPoint(x, y, z, point);
        }
        return 1.0 / Math.Sqrt(r2);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowFirstBadPoint(ref double x0, ref double y0, ref double z0, int start, int width)
    {
        for (int j = start; j < start + width; j++)
        {
            InverseNorm(Unsafe.Add(ref x0, j), Unsafe.Add(ref y0, j), Unsafe.Add(ref z0, j), j);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowBadPoint(double x, double y, double z, int point)
    {
        string name = !double.IsFinite(x) ? nameof(x) : !double.IsFinite(y) ? nameof(y) : !double.IsFinite(z) ? nameof(z) : nameof(x);
        string where = point < 0 ? "r" : string.Create(CultureInfo.InvariantCulture, $"point {point}");
        string what = !double.IsFinite(x) || !double.IsFinite(y) || !double.IsFinite(z) ? "has a component that is not finite"
            : x == 0 && y == 0 && z == 0 ? "is the zero vector"
            : "has a squared length outside the normal double range (|r| must lie between about 1.5e-154 and 1.3e154)";
        throw new ArgumentException(string.Create(CultureInfo.InvariantCulture,
            $"{where} = ({x:R}, {y:R}, {z:R}) {what}; spherical harmonics need a non-zero finite direction."), name);
    }
}
