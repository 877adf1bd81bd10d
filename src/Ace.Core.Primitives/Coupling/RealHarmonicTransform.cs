using System.Numerics;

namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// The unitary complex-to-real map of spherical harmonics of one degree l:
/// Y_real(l, m) = sum_mu U(l)[m, mu] Y_l^mu, with Y_l^mu the complex Condon-Shortley harmonics
/// (Y_l^(-mu) = (-1)^mu conj(Y_l^mu)) and Y_real the real harmonics of Ace.Core
/// (Ace.Core.Primitives.Angular.RealSphericalHarmonics):
/// m &gt; 0: sqrt2 (-1)^m Re Y_l^m; m &lt; 0: sqrt2 (-1)^m Im Y_l^|m|; m = 0: Y_l^0.
/// </summary>
/// <remarks>
/// The non-zero entries, for mu = |m| &gt; 0:
/// U[m, -m] = 1/sqrt2 and U[m, m] = (-1)^m / sqrt2 for m &gt; 0;
/// U[-mu, -mu] = i/sqrt2 and U[-mu, mu] = -i (-1)^mu / sqrt2;
/// U[0, 0] = 1. The inverse is the conjugate transpose: Y_l^mu = sum_m conj(U[m, mu]) Y_real(l, m).
/// U does not depend on l except through the range -l &lt;= m, mu &lt;= l.
/// </remarks>
public static class RealHarmonicTransform
{
    private static readonly double InvSqrt2 = 1.0 / Math.Sqrt(2.0);

    /// <summary>The entry U(l)[m, mu] (row: real index m, column: complex index mu).</summary>
    /// <param name="l">Degree (&gt;= 0).</param>
    /// <param name="m">Real-harmonic order, -l..l.</param>
    /// <param name="mu">Complex-harmonic order, -l..l.</param>
    /// <exception cref="ArgumentOutOfRangeException">l is negative or m, mu lie outside -l..l.</exception>
    public static Complex Element(int l, int m, int mu)
    {
        if (l < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l), l, $"Degree l must be non-negative, got {l}.");
        }
        if (Math.Abs(m) > l)
        {
            throw new ArgumentOutOfRangeException(nameof(m), m, $"Order m must lie in -{l}..{l}, got {m}.");
        }
        if (Math.Abs(mu) > l)
        {
            throw new ArgumentOutOfRangeException(nameof(mu), mu, $"Order mu must lie in -{l}..{l}, got {mu}.");
        }
        return ElementUnchecked(m, mu);
    }

    /// <summary>The matrix U(l) as a new (2l+1) x (2l+1) array indexed [m + l, mu + l].</summary>
    /// <param name="l">Degree (&gt;= 0).</param>
    /// <exception cref="ArgumentOutOfRangeException">l is negative.</exception>
    public static Complex[,] Matrix(int l)
    {
        if (l < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(l), l, $"Degree l must be non-negative, got {l}.");
        }
        var u = new Complex[2 * l + 1, 2 * l + 1];
        for (int m = -l; m <= l; m++)
        {
            for (int mu = -l; mu <= l; mu++)
            {
                u[m + l, mu + l] = ElementUnchecked(m, mu);
            }
        }
        return u;
    }

    private static Complex ElementUnchecked(int m, int mu)
    {
        if (m == 0)
        {
            return mu == 0 ? Complex.One : Complex.Zero;
        }
        int a = Math.Abs(m);
        if (Math.Abs(mu) != a)
        {
            return Complex.Zero;
        }
        double parity = (a & 1) == 0 ? 1.0 : -1.0;
        if (m > 0)
        {
            return mu == m ? new Complex(parity * InvSqrt2, 0.0) : new Complex(InvSqrt2, 0.0);
        }
        return mu == m ? new Complex(0.0, InvSqrt2) : new Complex(0.0, -parity * InvSqrt2);
    }

    /// <summary>
    /// conj(U[m, mu]) for mu != 0 and m = +|mu| (<paramref name="negativeM"/> false) or m = -|mu| (true), written as
    /// sign * i^power / sqrt2 with power 0 or 1 (the factor of the real-harmonic expansion of a complex harmonic).
    /// </summary>
    internal static (int Sign, int IPower) ConjugateFactor(int mu, bool negativeM)
    {
        bool odd = (Math.Abs(mu) & 1) == 1;
        if (!negativeM)
        {
            // conj(U[|mu|, mu]): (-1)^mu / sqrt2 for mu > 0, 1/sqrt2 for mu < 0.
            return (mu > 0 && odd ? -1 : 1, 0);
        }
        // conj(U[-|mu|, mu]): i (-1)^mu / sqrt2 for mu > 0, -i / sqrt2 for mu < 0.
        return (mu > 0 ? (odd ? -1 : 1) : -1, 1);
    }
}
