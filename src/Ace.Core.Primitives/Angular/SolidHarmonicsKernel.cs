using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// The recursions of <see cref="RealSphericalHarmonics"/> on one lane of unit vectors (one point, or one SIMD vector of
/// points). Outputs go to <c>Unsafe.Add(ref values, k * stride)</c> for component k = <see cref="RealSphericalHarmonics.Index"/>,
/// so the same code writes a single point (stride 1) or a component-major batch (stride = number of points).
/// See <see cref="SphericalHarmonicsCoefficients"/> for the recursion and its constants. The kernels take unit vectors,
/// so r^2 = 1 in the recursion and the solid harmonics equal the Y_lm. Inputs are not validated here.
/// </summary>
internal static class SolidHarmonicsKernel
{
    /// <summary>Values only: column by column in m, the recursion in l kept in registers. The coefficient tables are
    /// walked by reference (Triangle(l, m) grows by l from row l-1 to row l, the centre l*l + l of a degree's block by
    /// 2l), so the loops carry no bounds checks or index arithmetic; <paramref name="table"/> must cover
    /// <paramref name="lMax"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Values<TLane>(SphericalHarmonicsCoefficients table, int lMax, TLane x, TLane y, TLane z, ref double values, nint stride)
        where TLane : unmanaged, ILane<TLane>
    {
        ref double a = ref MemoryMarshal.GetArrayDataReference(table.A);
        ref double minusB = ref MemoryMarshal.GetArrayDataReference(table.MinusB);
        ref double d = ref MemoryMarshal.GetArrayDataReference(table.D);

        // m = 0: no azimuthal factor.
        TLane q2 = TLane.Create(d);
        TLane.Store(q2, ref values);
        if (lMax >= 1)
        {
            TLane q1 = TLane.Create(Unsafe.Add(ref a, 1)) * z * q2;
            ref double row = ref Unsafe.Add(ref values, 2 * stride);
            TLane.Store(q1, ref row);
            nint t = 1, advance = 2 * stride;
            for (int l = 2; l <= lMax; l++)
            {
                t += l;
                advance += 2 * stride;
                row = ref Unsafe.Add(ref row, advance);
                TLane q = TLane.MultiplyAdd(TLane.Create(Unsafe.Add(ref a, t)) * z, q1, TLane.Create(Unsafe.Add(ref minusB, t)) * q2);
                TLane.Store(q, ref row);
                q2 = q1;
                q1 = q;
            }
        }

        TLane c = TLane.Create(1.0), s = TLane.Create(0.0);
        for (int m = 1; m <= lMax; m++)
        {
            TLane cNext = TLane.MultiplyAdd(c, x, TLane.Create(0.0) - s * y);
            s = TLane.MultiplyAdd(s, x, c * y);
            c = cNext;

            // l = m (sectoral): rows m*m + 2m (cos) and m*m (sin).
            q2 = TLane.Create(Unsafe.Add(ref d, m));
            ref double plus = ref Unsafe.Add(ref values, (nint)(m * m + 2 * m) * stride);
            ref double minus = ref Unsafe.Add(ref values, (nint)(m * m) * stride);
            TLane.Store(q2 * c, ref plus);
            TLane.Store(q2 * s, ref minus);
            if (m == lMax)
            {
                break;
            }

            // l = m + 1, then the three-term recursion.
            nint t = SphericalHarmonicsCoefficients.Triangle(m + 1, m), advance = 2 * (m + 1) * stride;
            TLane q1 = TLane.Create(Unsafe.Add(ref a, t)) * z * q2;
            plus = ref Unsafe.Add(ref plus, advance);
            minus = ref Unsafe.Add(ref minus, advance);
            TLane.Store(q1 * c, ref plus);
            TLane.Store(q1 * s, ref minus);
            for (int l = m + 2; l <= lMax; l++)
            {
                t += l;
                advance += 2 * stride;
                plus = ref Unsafe.Add(ref plus, advance);
                minus = ref Unsafe.Add(ref minus, advance);
                TLane q = TLane.MultiplyAdd(TLane.Create(Unsafe.Add(ref a, t)) * z, q1, TLane.Create(Unsafe.Add(ref minusB, t)) * q2);
                TLane.Store(q * c, ref plus);
                TLane.Store(q * s, ref minus);
                q2 = q1;
                q1 = q;
            }
        }
    }

    /// <summary>
    /// Values and Cartesian gradients, degree by degree in l (the gradient of q_l^m needs row l-1 at m and m+1).
    /// <paramref name="invR"/> is 1/|r| of the original (unnormalised) vector; (x, y, z) is the unit vector.
    /// <paramref name="scratch"/> holds at least <see cref="GradientScratchLength"/>(lMax) lanes.
    /// </summary>
    /// <remarks>
    /// On the unit sphere Y = S (the solid harmonic), and grad Y(r) = (grad S(r_hat) - l Y r_hat) / |r|. With
    /// S = q c_m (m &gt; 0), grad q = (x dq, y dq, dqz) and w = l q / |r| this is
    /// grad Y = c_m a + q (m c_(m-1), -m s_(m-1), 0) / |r|, where a = (x dq / |r| - w x, y dq / |r| - w y, dqz / |r| - w z)
    /// is shared by the pair +-m (for m &lt; 0 replace c_m by s_m and the second term by q (m s_(m-1), m c_(m-1), 0) / |r|).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ValuesAndGradients<TLane>(
        SphericalHarmonicsCoefficients table, int lMax, TLane x, TLane y, TLane z, TLane invR,
        ref double values, ref double gradX, ref double gradY, ref double gradZ, nint stride, Span<TLane> scratch)
        where TLane : unmanaged, ILane<TLane>
    {
        ref double a = ref MemoryMarshal.GetArrayDataReference(table.A);
        ref double minusB = ref MemoryMarshal.GetArrayDataReference(table.MinusB);
        ref double minusG = ref MemoryMarshal.GetArrayDataReference(table.MinusG);
        ref double h = ref MemoryMarshal.GetArrayDataReference(table.H);
        ref double d = ref MemoryMarshal.GetArrayDataReference(table.D);
        int n = lMax + 1;
        Debug.Assert(scratch.Length >= GradientScratchLength(lMax) && table.LMax >= lMax);
        ref TLane cos = ref MemoryMarshal.GetReference(scratch);
        ref TLane sin = ref Unsafe.Add(ref cos, n);
        ref TLane cosDerivative = ref Unsafe.Add(ref cos, 2 * n); // m c_(m-1) / |r|
        ref TLane sinDerivative = ref Unsafe.Add(ref cos, 3 * n); // m s_(m-1) / |r|
        ref TLane previous2 = ref Unsafe.Add(ref cos, 4 * n);
        ref TLane previous1 = ref Unsafe.Add(ref cos, 5 * n);
        ref TLane current = ref Unsafe.Add(ref cos, 6 * n);
        TLane zero = TLane.Create(0.0);
        TLane xOverR = x * invR, yOverR = y * invR;
        cos = TLane.Create(1.0);
        sin = zero;

        nint row = 0; // Triangle(l, 0)
        for (int l = 0; l <= lMax; row += ++l)
        {
            TLane lOverRadius = TLane.Create(l) * invR;
            if (l > 0)
            {
                TLane cosBefore = Unsafe.Add(ref cos, l - 1), sinBefore = Unsafe.Add(ref sin, l - 1);
                Unsafe.Add(ref cos, l) = TLane.MultiplyAdd(cosBefore, x, zero - sinBefore * y);
                Unsafe.Add(ref sin, l) = TLane.MultiplyAdd(sinBefore, x, cosBefore * y);
                Unsafe.Add(ref cosDerivative, l) = lOverRadius * cosBefore;
                Unsafe.Add(ref sinDerivative, l) = lOverRadius * sinBefore;
            }
            ref double aRow = ref Unsafe.Add(ref a, row);
            ref double minusBRow = ref Unsafe.Add(ref minusB, row);
            for (int m = 0; m < l - 1; m++)
            {
                Unsafe.Add(ref current, m) = TLane.MultiplyAdd(TLane.Create(Unsafe.Add(ref aRow, m)) * z, Unsafe.Add(ref previous1, m),
                    TLane.Create(Unsafe.Add(ref minusBRow, m)) * Unsafe.Add(ref previous2, m));
            }
            if (l >= 1)
            {
                Unsafe.Add(ref current, l - 1) = TLane.Create(Unsafe.Add(ref aRow, l - 1)) * z * Unsafe.Add(ref previous1, l - 1);
            }
            Unsafe.Add(ref current, l) = TLane.Create(Unsafe.Add(ref d, l));

            ref double minusGRow = ref Unsafe.Add(ref minusG, row);
            ref double hRow = ref Unsafe.Add(ref h, row);
            nint centre = l * l + l;
            for (int m = 0; m <= l; m++)
            {
                // q = q_l^m; grad q_l^m = (x dq, y dq, dqz).
                TLane dq = m < l - 1 ? TLane.Create(Unsafe.Add(ref minusGRow, m)) * Unsafe.Add(ref previous1, m + 1) : zero;
                TLane dqz = m < l ? TLane.Create(Unsafe.Add(ref hRow, m)) * Unsafe.Add(ref previous1, m) : zero;
                TLane q = Unsafe.Add(ref current, m);
                TLane w = lOverRadius * q;
                TLane ax = TLane.MultiplyAdd(xOverR, dq, zero - w * x);
                TLane ay = TLane.MultiplyAdd(yOverR, dq, zero - w * y);
                TLane az = TLane.MultiplyAdd(dqz, invR, zero - w * z);
                if (m == 0)
                {
                    nint k = centre * stride;
                    TLane.Store(q, ref Unsafe.Add(ref values, k));
                    TLane.Store(ax, ref Unsafe.Add(ref gradX, k));
                    TLane.Store(ay, ref Unsafe.Add(ref gradY, k));
                    TLane.Store(az, ref Unsafe.Add(ref gradZ, k));
                    continue;
                }

                TLane cm = Unsafe.Add(ref cos, m), sm = Unsafe.Add(ref sin, m);
                TLane qc = q * Unsafe.Add(ref cosDerivative, m), qs = q * Unsafe.Add(ref sinDerivative, m);
                nint plus = (centre + m) * stride, minus = (centre - m) * stride;
                TLane.Store(q * cm, ref Unsafe.Add(ref values, plus));
                TLane.Store(TLane.MultiplyAdd(cm, ax, qc), ref Unsafe.Add(ref gradX, plus));
                TLane.Store(TLane.MultiplyAdd(cm, ay, zero - qs), ref Unsafe.Add(ref gradY, plus));
                TLane.Store(cm * az, ref Unsafe.Add(ref gradZ, plus));
                TLane.Store(q * sm, ref Unsafe.Add(ref values, minus));
                TLane.Store(TLane.MultiplyAdd(sm, ax, qs), ref Unsafe.Add(ref gradX, minus));
                TLane.Store(TLane.MultiplyAdd(sm, ay, qc), ref Unsafe.Add(ref gradY, minus));
                TLane.Store(sm * az, ref Unsafe.Add(ref gradZ, minus));
            }

            ref TLane recycled = ref previous2;
            previous2 = ref previous1;
            previous1 = ref current;
            current = ref recycled;
        }
    }

    /// <summary>The number of lanes <see cref="ValuesAndGradients{TLane}"/> needs as scratch.</summary>
    public static int GradientScratchLength(int lMax) => 7 * (lMax + 1);
}
