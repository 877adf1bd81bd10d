using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// The recursions of <see cref="RealSphericalHarmonics"/> on one lane of unit vectors (one point, or one SIMD vector of
/// points). Outputs go to <c>Unsafe.Add(ref values, k * stride)</c> for component k = <see cref="RealSphericalHarmonics.Index"/>,
/// so the same code writes a single point (stride 1) or a component-major batch (stride = number of points).
/// See <see cref="SphericalHarmonicsCoefficients"/> for the recursion and its constants. Inputs are not validated here.
/// </summary>
internal static class SolidHarmonicsKernel
{
    /// <summary>Values only: column by column in m, the recursion in l kept in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Values<TLane>(SphericalHarmonicsCoefficients table, int lMax, TLane x, TLane y, TLane z, ref double values, nint stride)
        where TLane : unmanaged, ILane<TLane>
    {
        double[] a = table.A, b = table.B, d = table.D;

        // m = 0: no azimuthal factor.
        TLane q2 = TLane.Create(d[0]);
        TLane.Store(q2, ref values);
        if (lMax >= 1)
        {
            TLane q1 = TLane.Create(a[SphericalHarmonicsCoefficients.Triangle(1, 0)]) * z * q2;
            TLane.Store(q1, ref Unsafe.Add(ref values, 2 * stride));
            for (int l = 2; l <= lMax; l++)
            {
                int t = SphericalHarmonicsCoefficients.Triangle(l, 0);
                TLane q = TLane.MultiplyAdd(TLane.Create(a[t]) * z, q1, TLane.Create(-b[t]) * q2);
                TLane.Store(q, ref Unsafe.Add(ref values, (nint)(l * l + l) * stride));
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

            // l = m (sectoral), then l = m + 1, then the three-term recursion.
            q2 = TLane.Create(d[m]);
            nint centre = m * m + m;
            TLane.Store(q2 * c, ref Unsafe.Add(ref values, (centre + m) * stride));
            TLane.Store(q2 * s, ref Unsafe.Add(ref values, (centre - m) * stride));
            if (m == lMax)
            {
                break;
            }
            TLane q1 = TLane.Create(a[SphericalHarmonicsCoefficients.Triangle(m + 1, m)]) * z * q2;
            centre = (m + 1) * (m + 2);
            TLane.Store(q1 * c, ref Unsafe.Add(ref values, (centre + m) * stride));
            TLane.Store(q1 * s, ref Unsafe.Add(ref values, (centre - m) * stride));
            for (int l = m + 2; l <= lMax; l++)
            {
                int t = SphericalHarmonicsCoefficients.Triangle(l, m);
                TLane q = TLane.MultiplyAdd(TLane.Create(a[t]) * z, q1, TLane.Create(-b[t]) * q2);
                centre = l * l + l;
                TLane.Store(q * c, ref Unsafe.Add(ref values, (centre + m) * stride));
                TLane.Store(q * s, ref Unsafe.Add(ref values, (centre - m) * stride));
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void ValuesAndGradients<TLane>(
        SphericalHarmonicsCoefficients table, int lMax, TLane x, TLane y, TLane z, TLane invR,
        ref double values, ref double gradX, ref double gradY, ref double gradZ, nint stride, Span<TLane> scratch)
        where TLane : unmanaged, ILane<TLane>
    {
        double[] a = table.A, b = table.B, g = table.G, h = table.H, d = table.D;
        int n = lMax + 1;
        Span<TLane> cos = scratch[..n];
        Span<TLane> sin = scratch.Slice(n, n);
        Span<TLane> previous2 = scratch.Slice(2 * n, n);
        Span<TLane> previous1 = scratch.Slice(3 * n, n);
        Span<TLane> current = scratch.Slice(4 * n, n);
        TLane zero = TLane.Create(0.0);
        cos[0] = TLane.Create(1.0);
        sin[0] = zero;

        for (int l = 0; l <= lMax; l++)
        {
            int row = SphericalHarmonicsCoefficients.Triangle(l, 0);
            if (l > 0)
            {
                cos[l] = TLane.MultiplyAdd(cos[l - 1], x, zero - sin[l - 1] * y);
                sin[l] = TLane.MultiplyAdd(sin[l - 1], x, cos[l - 1] * y);
            }
            for (int m = 0; m < l - 1; m++)
            {
                current[m] = TLane.MultiplyAdd(TLane.Create(a[row + m]) * z, previous1[m], TLane.Create(-b[row + m]) * previous2[m]);
            }
            if (l >= 1)
            {
                current[l - 1] = TLane.Create(a[row + l - 1]) * z * previous1[l - 1];
            }
            current[l] = TLane.Create(d[l]);

            TLane lTimesInvR = TLane.Create(l) * invR;
            nint centre = l * l + l;
            for (int m = 0; m <= l; m++)
            {
                // Derivatives of q_l^m: d/dx = x * dq, d/dy = y * dq, d/dz = dqz.
                TLane dq = m < l - 1 ? TLane.Create(-g[row + m]) * previous1[m + 1] : zero;
                TLane dqz = m < l ? TLane.Create(h[row + m]) * previous1[m] : zero;
                TLane q = current[m];
                if (m == 0)
                {
                    StoreWithGradient(q, x * dq, y * dq, dqz, x, y, z, invR, lTimesInvR,
                        ref values, ref gradX, ref gradY, ref gradZ, centre * stride);
                    continue;
                }

                // Solid harmonic S = q c_m (m > 0) and q s_m (m < 0); dc_m/dx = m c_(m-1), dc_m/dy = -m s_(m-1),
                // ds_m/dx = m s_(m-1), ds_m/dy = m c_(m-1).
                TLane mq = TLane.Create(m) * q;
                TLane cm = cos[m], sm = sin[m], cPrev = cos[m - 1], sPrev = sin[m - 1];
                StoreWithGradient(q * cm, TLane.MultiplyAdd(x * dq, cm, mq * cPrev), TLane.MultiplyAdd(y * dq, cm, zero - mq * sPrev), dqz * cm,
                    x, y, z, invR, lTimesInvR, ref values, ref gradX, ref gradY, ref gradZ, (centre + m) * stride);
                StoreWithGradient(q * sm, TLane.MultiplyAdd(x * dq, sm, mq * sPrev), TLane.MultiplyAdd(y * dq, sm, mq * cPrev), dqz * sm,
                    x, y, z, invR, lTimesInvR, ref values, ref gradX, ref gradY, ref gradZ, (centre - m) * stride);
            }

            Span<TLane> recycled = previous2;
            previous2 = previous1;
            previous1 = current;
            current = recycled;
        }
    }

    /// <summary>
    /// Writes Y = S (the solid harmonic on the unit sphere) and grad Y(r) = (grad S(r_hat) - l Y r_hat) / |r|,
    /// given grad S = (<paramref name="sx"/>, <paramref name="sy"/>, <paramref name="sz"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreWithGradient<TLane>(
        TLane value, TLane sx, TLane sy, TLane sz, TLane x, TLane y, TLane z, TLane invR, TLane lTimesInvR,
        ref double values, ref double gradX, ref double gradY, ref double gradZ, nint offset)
        where TLane : unmanaged, ILane<TLane>
    {
        TLane lyOverR = lTimesInvR * value;
        TLane.Store(value, ref Unsafe.Add(ref values, offset));
        TLane.Store(sx * invR - lyOverR * x, ref Unsafe.Add(ref gradX, offset));
        TLane.Store(sy * invR - lyOverR * y, ref Unsafe.Add(ref gradY, offset));
        TLane.Store(sz * invR - lyOverR * z, ref Unsafe.Add(ref gradZ, offset));
    }

    /// <summary>The number of lanes <see cref="ValuesAndGradients{TLane}"/> needs as scratch.</summary>
    public static int GradientScratchLength(int lMax) => 5 * (lMax + 1);
}
