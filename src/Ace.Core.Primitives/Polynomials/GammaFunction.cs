namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// The gamma function for positive arguments: exact products at integers and half-integers, otherwise the Stirling
/// series after shifting the argument above 20 (relative error a few 1e-15).
/// </summary>
internal static class GammaFunction
{
    private const int ShiftThreshold = 20;

    /// <summary>Gamma(x) for 0 &lt; x &lt;= 171.</summary>
    public static double Gamma(double x)
    {
        if (!(x > 0 && x <= 171))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "Gamma is implemented for 0 < x <= 171.");
        }

        if (x == Math.Floor(x))
        {
            double product = 1.0;
            for (int k = 2; k < (int)x; k++)
            {
                product *= k;
            }

            return product;
        }

        double half = x - 0.5;
        if (half == Math.Floor(half))
        {
            double product = Math.Sqrt(Math.PI);
            for (int k = 1; k <= (int)half; k++)
            {
                product *= k - 0.5;
            }

            return product;
        }

        return Math.Exp(LogGamma(x));
    }

    /// <summary>ln Gamma(x) for x &gt; 0.</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0 && double.IsFinite(x)))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs a positive finite argument.");
        }

        double logDivisor = 0.0;
        double divisor = 1.0;
        while (x < ShiftThreshold)
        {
            divisor *= x;
            x += 1.0;
        }

        logDivisor += Math.Log(divisor);
        double inv = 1.0 / x;
        double inv2 = inv * inv;
        // Stirling series: sum_k B_2k / (2k (2k-1) x^(2k-1)), k = 1..7.
        double series = inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
            + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + series - logDivisor;
    }
}
