namespace Ace.Core.Primitives.Polynomials;

/// <summary>
/// The gamma function for positive arguments: exact products at integers and half-integers, otherwise the Stirling
/// series after shifting the argument above 20 (relative error about 1e-15).
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

        // Gamma(x) = Gamma(z) / (x (x+1) ... (x+N-1)) with z = x + N >= 20, Gamma(z) from Stirling's series written as
        // sqrt(2 pi) z^(z - 1/2) e^(-z) e^(series) (no exp of a large logarithm), and the rounding of z = x + N
        // compensated to first order with the digamma function psi(z) ~ ln z - 1/(2z).
        double divisor = 1.0;
        double z = x;
        double roundoff = 0.0;
        while (z < ShiftThreshold)
        {
            divisor *= z;
            double next = z + 1.0;
            roundoff += z - (next - 1.0); // exact (Fast2Sum): what the addition lost
            z = next;
        }

        double halfPower = Math.Pow(z, 0.5 * (z - 0.5));
        double gammaZ = Math.Sqrt(2 * Math.PI) * halfPower * (halfPower * Math.Exp(-z)) * Math.Exp(Series(z));
        double digamma = Math.Log(z) - 0.5 / z;
        return gammaZ * (1.0 + roundoff * digamma) / divisor;
    }

    // Stirling series: sum_k B_2k / (2k (2k-1) z^(2k-1)), k = 1..7 (truncation below 1e-17 for z >= 20).
    private static double Series(double z)
    {
        double inv = 1.0 / z;
        double inv2 = inv * inv;
        return inv * (1.0 / 12 + inv2 * (-1.0 / 360 + inv2 * (1.0 / 1260 + inv2 * (-1.0 / 1680
            + inv2 * (1.0 / 1188 + inv2 * (-691.0 / 360360 + inv2 * (1.0 / 156)))))));
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
        return (x - 0.5) * Math.Log(x) - x + 0.5 * Math.Log(2 * Math.PI) + Series(x) - logDivisor;
    }
}
