using System.Numerics;

namespace Ace.Core.Primitives.Angular;

/// <summary>
/// Complex orthonormal spherical harmonics in the Condon-Shortley phase convention, Y_l^m(r / |r|) =
/// sqrt((2l+1)/(4 pi) (l-m)!/(l+m)!) P_l^m(cos theta) e^(i m phi) with P_l^m including (-1)^m, and their Cartesian
/// gradients with respect to the unnormalised r. Y_l^(-m) = (-1)^m conj(Y_l^m); Y_0^0 = 1/sqrt(4 pi);
/// Y_1^1 = -sqrt(3/(8 pi)) (x + i y)/r. Component (l, m) is stored at l*l + l + m, as for
/// <see cref="RealSphericalHarmonics"/>. Written for single points (the import of foreign potential formats); the
/// real harmonics are the fast path of the library.
/// </summary>
/// <remarks>
/// Method: Y_l^m = q_lm(z) (x + i y)^m on the unit sphere with q_lm a polynomial in z from the fully normalised
/// associated-Legendre recursion in l at fixed m; the gradient of that polynomial extension is projected onto the
/// tangent plane and divided by |r|.
/// </remarks>
public static class ComplexSphericalHarmonics
{
    /// <summary>The largest supported degree.</summary>
    public const int MaxLMax = 40;

    /// <summary>Evaluates Y_l^m(r/|r|) and dY_l^m/dr for l = 0 .. <paramref name="lMax"/>, all m.</summary>
    /// <param name="lMax">The largest degree, 0 .. <see cref="MaxLMax"/>.</param>
    /// <param name="r">The (non-zero, finite) vector.</param>
    /// <param name="values">Receives Y_l^m at l*l + l + m; length at least (lMax+1)^2.</param>
    /// <param name="gradX">Receives dY/dx (same layout), or empty to skip gradients.</param>
    /// <param name="gradY">Receives dY/dy, or empty.</param>
    /// <param name="gradZ">Receives dY/dz, or empty.</param>
    /// <exception cref="ArgumentException">lMax is out of range, r is zero or not finite, or a span is too short.</exception>
    public static void Evaluate(int lMax, Vec3 r, Span<Complex> values, Span<Complex> gradX, Span<Complex> gradY, Span<Complex> gradZ)
    {
        if (lMax < 0 || lMax > MaxLMax)
        {
            throw new ArgumentOutOfRangeException(nameof(lMax), lMax, $"lMax must lie in 0 .. {MaxLMax}");
        }
        double norm = r.Norm;
        if (!(norm > 0) || !double.IsFinite(norm))
        {
            throw new ArgumentException($"the vector {r} must be non-zero and finite", nameof(r));
        }
        int count = (lMax + 1) * (lMax + 1);
        if (values.Length < count)
        {
            throw new ArgumentException($"values has length {values.Length}; need {count}", nameof(values));
        }
        bool gradients = !gradX.IsEmpty;
        if (gradients && (gradX.Length < count || gradY.Length < count || gradZ.Length < count))
        {
            throw new ArgumentException($"the gradient spans need length {count}", nameof(gradX));
        }
        double x = r.X / norm, y = r.Y / norm, z = r.Z / norm;
        var phase = new Complex(x, y);
        Span<double> q = stackalloc double[lMax + 1];
        Span<double> dq = stackalloc double[lMax + 1];
        double qmm = 1.0 / Math.Sqrt(4.0 * Math.PI);
        var phaseM = Complex.One;
        var phaseMMinus1 = Complex.Zero;
        for (int m = 0; m <= lMax; m++)
        {
            if (m > 0)
            {
                qmm *= -Math.Sqrt((2.0 * m + 1.0) / (2.0 * m));
                phaseMMinus1 = phaseM;
                phaseM *= phase;
            }
            // q[l] = q_lm(z), dq[l] = dq_lm/dz for l = m .. lMax.
            q[m] = qmm;
            dq[m] = 0.0;
            if (m + 1 <= lMax)
            {
                double c = Math.Sqrt(2.0 * m + 3.0);
                q[m + 1] = c * z * qmm;
                dq[m + 1] = c * qmm;
            }
            for (int l = m + 2; l <= lMax; l++)
            {
                double a = Math.Sqrt((4.0 * l * l - 1.0) / ((double)l * l - (double)m * m));
                double b = Math.Sqrt((((l - 1.0) * (l - 1.0)) - (double)m * m) / (4.0 * (l - 1.0) * (l - 1.0) - 1.0));
                q[l] = a * (z * q[l - 1] - b * q[l - 2]);
                dq[l] = a * (q[l - 1] + z * dq[l - 1] - b * dq[l - 2]);
            }
            double sign = (m & 1) == 0 ? 1.0 : -1.0;
            for (int l = m; l <= lMax; l++)
            {
                var value = q[l] * phaseM;
                int plus = l * l + l + m, minus = l * l + l - m;
                values[plus] = value;
                values[minus] = sign * Complex.Conjugate(value);
                if (!gradients)
                {
                    continue;
                }
                // Gradient of the polynomial extension q(z) (x + i y)^m, projected onto the tangent plane, over |r|.
                var gx = m == 0 ? Complex.Zero : q[l] * m * phaseMMinus1;
                var gy = Complex.ImaginaryOne * gx;
                var gz = dq[l] * phaseM;
                var radial = gx * x + gy * y + gz * z;
                gx = (gx - radial * x) / norm;
                gy = (gy - radial * y) / norm;
                gz = (gz - radial * z) / norm;
                gradX[plus] = gx;
                gradY[plus] = gy;
                gradZ[plus] = gz;
                gradX[minus] = sign * Complex.Conjugate(gx);
                gradY[minus] = sign * Complex.Conjugate(gy);
                gradZ[minus] = sign * Complex.Conjugate(gz);
            }
        }
    }
}
