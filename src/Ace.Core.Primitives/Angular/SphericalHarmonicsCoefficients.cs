using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// Recursion constants of the normalised solid harmonics, for every degree up to <see cref="LMax"/>.
/// </summary>
/// <remarks>
/// With r the position, rho^m = |x + i y|^m and P_l^(m) the m-th derivative of the Legendre polynomial,
/// the unnormalised solid polynomial Q_l^m(x, y, z) = r^(l-m) P_l^(m)(z / r) gives
/// r^l Y_lm = F_lm Q_l^m c_m for m &gt; 0 and F_lm Q_l^|m| s_|m| for m &lt; 0, where c_m + i s_m = (x + i y)^m and
/// F_lm = sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) times sqrt 2 when m != 0. The kernels work with the normalised
/// q_l^m = F_lm Q_l^m, which obey (all indices m &gt;= 0)
/// <code>
/// q_m^m = D_m,   q_l^m = A_lm z q_(l-1)^m - B_lm r^2 q_(l-2)^m  (l &gt; m),
/// d q_l^m / dx = -G_lm x q_(l-1)^(m+1),   d q_l^m / dy = -G_lm y q_(l-1)^(m+1),   d q_l^m / dz = H_lm q_(l-1)^m,
/// </code>
/// the derivative rules following from the Legendre identities (l-m) P_l^(m) - t P_l^(m+1) = -P_(l-1)^(m+1) and
/// P_l^(m+1) - t P_(l-1)^(m+1) = (l+m) P_(l-1)^(m). Entries are stored row by row at <see cref="Triangle"/>(l, m); B and
/// G are stored negated (<see cref="MinusB"/>, <see cref="MinusG"/>), the form in which the kernels use them.
/// Tables only grow: <see cref="ForDegree"/> returns a shared immutable table covering at least the degree asked for.
/// </remarks>
internal sealed class SphericalHarmonicsCoefficients
{
    private static readonly Lock GrowLock = new();
    private static volatile SphericalHarmonicsCoefficients shared = new(8);

    private SphericalHarmonicsCoefficients(int lMax)
    {
        LMax = lMax;
        int size = Triangle(lMax, lMax) + 1;
        A = new double[size];
        MinusB = new double[size];
        MinusG = new double[size];
        H = new double[size];
        D = new double[lMax + 1];

        D[0] = 1.0 / Math.Sqrt(4.0 * Math.PI);
        if (lMax >= 1)
        {
            D[1] = Math.Sqrt(3.0 / (4.0 * Math.PI));
        }
        for (int l = 2; l <= lMax; l++)
        {
            D[l] = D[l - 1] * Math.Sqrt((2.0 * l + 1.0) / (2.0 * l));
        }

        for (int l = 0; l <= lMax; l++)
        {
            for (int m = 0; m <= l; m++)
            {
                int t = Triangle(l, m);
                double lp = l + m, lm = l - m, twoL = 2.0 * l;
                if (m < l)
                {
                    A[t] = Math.Sqrt((twoL + 1.0) * (twoL - 1.0) / (lm * lp));
                    H[t] = Math.Sqrt((twoL + 1.0) * lm * lp / (twoL - 1.0));
                }
                if (m < l - 1)
                {
                    MinusB[t] = -Math.Sqrt((twoL + 1.0) * (lp - 1.0) * (lm - 1.0) / ((twoL - 3.0) * lm * lp));
                    double g = Math.Sqrt((twoL + 1.0) / (twoL - 1.0) * lm * (lm - 1.0));
                    MinusG[t] = m == 0 ? -g / Math.Sqrt(2.0) : -g;
                }
            }
        }
    }

    /// <summary>The largest degree the table covers.</summary>
    public int LMax { get; }

    /// <summary>A_lm: the coefficient of z q_(l-1)^m in the upward recursion (zero when m = l).</summary>
    public double[] A { get; }

    /// <summary>-B_lm, with B_lm the coefficient of r^2 q_(l-2)^m in the upward recursion (zero when m &gt;= l-1).</summary>
    public double[] MinusB { get; }

    /// <summary>-G_lm, with d q_l^m / dx = -G_lm x q_(l-1)^(m+1) (zero when m &gt;= l-1).</summary>
    public double[] MinusG { get; }

    /// <summary>H_lm: d q_l^m / dz = H_lm q_(l-1)^m (zero when m = l).</summary>
    public double[] H { get; }

    /// <summary>D_m = q_m^m, the sectoral start of each column (indexed by m).</summary>
    public double[] D { get; }

    /// <summary>The row-major position of (l, m), 0 &lt;= m &lt;= l, in the triangular tables.</summary>
    public static int Triangle(int l, int m) => (l * (l + 1) / 2) + m;

    /// <summary>A shared table covering degree <paramref name="lMax"/> (built once, then reused by every thread).</summary>
    public static SphericalHarmonicsCoefficients ForDegree(int lMax)
    {
        var table = shared;
        return table.LMax >= lMax ? table : Grow(lMax);
    }

    /// <summary>The slow path of <see cref="ForDegree"/>, kept out of its callers' inlined code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static SphericalHarmonicsCoefficients Grow(int lMax)
    {
        lock (GrowLock)
        {
            if (shared.LMax < lMax)
            {
                shared = new SphericalHarmonicsCoefficients(Math.Max(lMax, Math.Min(2 * shared.LMax, RealSphericalHarmonics.MaxLMax)));
            }
            return shared;
        }
    }
}
