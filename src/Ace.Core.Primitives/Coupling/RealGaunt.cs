using System.Collections.Concurrent;
using System.Numerics;

namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Real Gaunt coefficients: G = integral over the unit sphere of Y_(l1 m1) Y_(l2 m2) Y_(l m) for the real,
/// orthonormal spherical harmonics of Ace.Core (see <see cref="RealHarmonicTransform"/> for the convention).
/// They give the product rule Y_(l1 m1) Y_(l2 m2) = sum_(l m) G Y_(l m).
/// </summary>
/// <remarks>
/// Evaluated exactly (to rounding) from the complex Gaunt integral
/// int Y_l1^mu1 Y_l2^mu2 Y_l^mu = (-1)^mu sqrt((2l1+1)(2l2+1) / (4 pi (2l+1))) &lt;l1 0 l2 0|l 0&gt; &lt;l1 mu1 l2 mu2|l -mu&gt;
/// and the unitary map Y_real = U Y_complex. Non-zero only when |l1 - l2| &lt;= l &lt;= l1 + l2 and l1 + l2 + l is even.
/// Values are cached (thread-safe).
/// </remarks>
public static class RealGaunt
{
    private static readonly ConcurrentDictionary<(int L1, int M1, int L2, int M2, int L, int M), double> Cache = new();

    /// <summary>The integral of Y_(l1 m1) Y_(l2 m2) Y_(l m) over the unit sphere (real harmonics).</summary>
    /// <param name="l1">First degree (&gt;= 0).</param>
    /// <param name="m1">First order, -l1..l1.</param>
    /// <param name="l2">Second degree (&gt;= 0).</param>
    /// <param name="m2">Second order, -l2..l2.</param>
    /// <param name="l">Third degree (&gt;= 0).</param>
    /// <param name="m">Third order, -l..l.</param>
    /// <exception cref="ArgumentOutOfRangeException">A degree is negative or an order lies outside its range.</exception>
    public static double Coefficient(int l1, int m1, int l2, int m2, int l, int m)
    {
        Validate(l1, m1, nameof(l1), nameof(m1));
        Validate(l2, m2, nameof(l2), nameof(m2));
        Validate(l, m, nameof(l), nameof(m));
        if (((l1 + l2 + l) & 1) != 0 || !ClebschGordan.Triangle(l1, l2, l))
        {
            return 0.0;
        }
        return Cache.GetOrAdd((l1, m1, l2, m2, l, m), static key => Compute(key.L1, key.M1, key.L2, key.M2, key.L, key.M));
    }

    private static void Validate(int l, int m, string lName, string mName)
    {
        if (l < 0)
        {
            throw new ArgumentOutOfRangeException(lName, l, $"Degree {lName} must be non-negative, got {l}.");
        }
        if (Math.Abs(m) > l)
        {
            throw new ArgumentOutOfRangeException(mName, m, $"Order {mName} must lie in -{l}..{l}, got {m}.");
        }
    }

    private static double Compute(int l1, int m1, int l2, int m2, int l, int m)
    {
        double c0 = ClebschGordan.Coefficient(l1, 0, l2, 0, l, 0);
        double prefactor = Math.Sqrt((2.0 * l1 + 1) * (2.0 * l2 + 1) / (4.0 * Math.PI * (2.0 * l + 1))) * c0;
        Complex sum = Complex.Zero;
        // Each real harmonic couples to the complex orders +|m| and -|m| only.
        foreach (int mu1 in ComplexOrders(m1))
        {
            foreach (int mu2 in ComplexOrders(m2))
            {
                int mu = -(mu1 + mu2);
                if (Math.Abs(mu) != Math.Abs(m))
                {
                    continue;
                }
                double parity = (mu & 1) == 0 ? 1.0 : -1.0;
                double complexGaunt = parity * ClebschGordan.Coefficient(l1, mu1, l2, mu2, l, -mu);
                sum += RealHarmonicTransform.Element(l1, m1, mu1) * RealHarmonicTransform.Element(l2, m2, mu2)
                    * RealHarmonicTransform.Element(l, m, mu) * complexGaunt;
            }
        }
        // The imaginary part vanishes identically (the integrand is real).
        return prefactor * sum.Real;
    }

    private static int[] ComplexOrders(int m) => m == 0 ? [0] : [Math.Abs(m), -Math.Abs(m)];
}
