using System.Numerics;

namespace Ace.Core.Primitives.Tests.Coupling;

/// <summary>
/// Test-only reference spherical harmonics on unit vectors: complex Condon-Shortley Y_l^m from the normalised
/// associated-Legendre recurrence, and the real harmonics of ace-math section 2 written directly from their
/// definition (m&gt;0: sqrt2 (-1)^m Re Y_l^m; m&lt;0: sqrt2 (-1)^m Im Y_l^|m|; m=0: Y_l^0).
/// </summary>
internal static class ReferenceHarmonics
{
    /// <summary>Y_l^m for -l &lt;= m &lt;= l, l &lt;= lMax, at index l*l + l + m.</summary>
    public static Complex[] Complex(int lMax, double x, double y, double z)
    {
        double r = Math.Sqrt(x * x + y * y + z * z);
        double cosTheta = z / r;
        double sinTheta = Math.Sqrt(Math.Max(0.0, 1.0 - cosTheta * cosTheta));
        double phi = Math.Atan2(y, x);
        var p = new double[(lMax + 1) * (lMax + 1)];
        // Normalised P: Y_l^m = P[l, m] e^{i m phi} for m >= 0 (Condon-Shortley phase included).
        p[0] = 1.0 / Math.Sqrt(4.0 * Math.PI);
        for (int m = 1; m <= lMax; m++)
        {
            p[Index(m, m)] = -Math.Sqrt((2.0 * m + 1) / (2.0 * m)) * sinTheta * p[Index(m - 1, m - 1)];
        }
        for (int m = 0; m < lMax; m++)
        {
            p[Index(m + 1, m)] = Math.Sqrt(2.0 * m + 3) * cosTheta * p[Index(m, m)];
        }
        for (int m = 0; m <= lMax; m++)
        {
            for (int l = m + 2; l <= lMax; l++)
            {
                double a = Math.Sqrt((4.0 * l * l - 1) / ((double)l * l - (double)m * m));
                double b = Math.Sqrt(((l - 1.0) * (l - 1.0) - (double)m * m) / (4.0 * (l - 1.0) * (l - 1.0) - 1));
                p[Index(l, m)] = a * (cosTheta * p[Index(l - 1, m)] - b * p[Index(l - 2, m)]);
            }
        }
        var y_ = new Complex[p.Length];
        for (int l = 0; l <= lMax; l++)
        {
            for (int m = 0; m <= l; m++)
            {
                var value = p[Index(l, m)] * System.Numerics.Complex.FromPolarCoordinates(1.0, m * phi);
                y_[Index(l, m)] = value;
                y_[Index(l, -m)] = ((m & 1) == 0 ? 1.0 : -1.0) * System.Numerics.Complex.Conjugate(value);
            }
        }
        return y_;
    }

    /// <summary>The real harmonics of the Ace.Core convention, written from their definition.</summary>
    public static double[] Real(int lMax, double x, double y, double z)
    {
        var c = Complex(lMax, x, y, z);
        var real = new double[c.Length];
        for (int l = 0; l <= lMax; l++)
        {
            for (int m = -l; m <= l; m++)
            {
                int a = Math.Abs(m);
                double sign = (a & 1) == 0 ? 1.0 : -1.0;
                real[Index(l, m)] = m switch
                {
                    > 0 => Math.Sqrt(2.0) * sign * c[Index(l, a)].Real,
                    < 0 => Math.Sqrt(2.0) * sign * c[Index(l, a)].Imaginary,
                    _ => c[Index(l, 0)].Real,
                };
            }
        }
        return real;
    }

    public static int Index(int l, int m) => l * l + l + m;
}
