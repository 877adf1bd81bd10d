using System.Collections.Concurrent;
using System.Numerics;

namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Clebsch-Gordan coefficients &lt;j1 m1 j2 m2 | j m&gt; for integer angular momenta, in the Condon-Shortley phase
/// convention (real; &lt;j1 j1 j2 (j - j1) | j j&gt; &gt; 0), so that
/// |j m&gt; = sum_{m1 m2} &lt;j1 m1 j2 m2 | j m&gt; |j1 m1&gt; |j2 m2&gt;.
/// </summary>
/// <remarks>
/// Evaluated by Racah's formula in exact integer arithmetic: the square of each coefficient is an exact rational
/// and is rounded to double only once, at the final square root, so every value is correct to about one unit in
/// the last place. All coefficients of a triple (j1, j2, j) are computed together on first use and cached;
/// the cache is thread-safe.
/// </remarks>
public static class ClebschGordan
{
    private static readonly ConcurrentDictionary<(int J1, int J2, int J), Lazy<double[]>> Tables = new();

    /// <summary>
    /// The coefficient &lt;j1 m1 j2 m2 | j m&gt;. It is zero unless m1 + m2 = m, |m1| &lt;= j1, |m2| &lt;= j2,
    /// |m| &lt;= j and |j1 - j2| &lt;= j &lt;= j1 + j2; such arguments return 0.
    /// </summary>
    /// <param name="j1">First angular momentum (&gt;= 0).</param>
    /// <param name="m1">Its projection.</param>
    /// <param name="j2">Second angular momentum (&gt;= 0).</param>
    /// <param name="m2">Its projection.</param>
    /// <param name="j">Coupled angular momentum (&gt;= 0).</param>
    /// <param name="m">Its projection.</param>
    /// <exception cref="ArgumentOutOfRangeException">An angular momentum is negative.</exception>
    public static double Coefficient(int j1, int m1, int j2, int m2, int j, int m)
    {
        RequireNonNegative(j1, nameof(j1));
        RequireNonNegative(j2, nameof(j2));
        RequireNonNegative(j, nameof(j));
        if (m1 + m2 != m || Math.Abs(m1) > j1 || Math.Abs(m2) > j2 || Math.Abs(m) > j || !Triangle(j1, j2, j))
        {
            return 0.0;
        }
        return Table(j1, j2, j)[TableIndex(j1, m1, j2, m2)];
    }

    /// <summary>True when |j1 - j2| &lt;= j &lt;= j1 + j2.</summary>
    internal static bool Triangle(int j1, int j2, int j) => j >= Math.Abs(j1 - j2) && j <= j1 + j2;

    /// <summary>Position of (m1, m2) in the table of a triple: (m1 + j1) (2 j2 + 1) + (m2 + j2).</summary>
    internal static int TableIndex(int j1, int m1, int j2, int m2) => (m1 + j1) * (2 * j2 + 1) + m2 + j2;

    /// <summary>
    /// All coefficients &lt;j1 m1 j2 m2 | j, m1 + m2&gt; of a triangle-satisfying triple, indexed by
    /// <see cref="TableIndex"/> (zero where |m1 + m2| &gt; j). Cached; callers must not modify the array.
    /// </summary>
    internal static double[] Table(int j1, int j2, int j) =>
        Tables.GetOrAdd((j1, j2, j), static key => new Lazy<double[]>(() => ComputeTable(key.J1, key.J2, key.J))).Value;

    private static void RequireNonNegative(int value, string name)
    {
        if (value < 0)
        {
            throw new ArgumentOutOfRangeException(name, value, $"Angular momentum {name} must be non-negative, got {value}.");
        }
    }

    private static double[] ComputeTable(int j1, int j2, int j)
    {
        var table = new double[(2 * j1 + 1) * (2 * j2 + 1)];
        // Prefactor (2j+1) (j+j1-j2)! (j-j1+j2)! (j1+j2-j)! / (j1+j2+j+1)!, shared by the whole table.
        BigInteger triangleNumerator = (2 * j + 1)
            * ExactFactorials.Factorial(j + j1 - j2)
            * ExactFactorials.Factorial(j - j1 + j2)
            * ExactFactorials.Factorial(j1 + j2 - j);
        BigInteger triangleDenominator = ExactFactorials.Factorial(j1 + j2 + j + 1);
        for (int m1 = -j1; m1 <= j1; m1++)
        {
            for (int m2 = -j2; m2 <= j2; m2++)
            {
                int m = m1 + m2;
                if (Math.Abs(m) > j)
                {
                    continue;
                }
                table[TableIndex(j1, m1, j2, m2)] = Racah(j1, m1, j2, m2, j, m, triangleNumerator, triangleDenominator);
            }
        }
        return table;
    }

    private static double Racah(
        int j1, int m1, int j2, int m2, int j, int m, BigInteger triangleNumerator, BigInteger triangleDenominator)
    {
        // Racah: C = sqrt(prefactor * (j+m)!(j-m)!(j1-m1)!(j1+m1)!(j2-m2)!(j2+m2)!)
        //          * sum_k (-1)^k / [k! (a-k)! (b-k)! (c-k)! (d+k)! (e+k)!]
        int a = j1 + j2 - j, b = j1 - m1, c = j2 + m2, d = j - j2 + m1, e = j - j1 - m2;
        int kMin = Math.Max(0, Math.Max(-d, -e));
        int kMax = Math.Min(a, Math.Min(b, c));
        if (kMin > kMax)
        {
            return 0.0;
        }
        // Common denominator G: every G / D_k is an integer.
        BigInteger g = ExactFactorials.Factorial(kMax)
            * ExactFactorials.Factorial(a - kMin) * ExactFactorials.Factorial(b - kMin) * ExactFactorials.Factorial(c - kMin)
            * ExactFactorials.Factorial(d + kMax) * ExactFactorials.Factorial(e + kMax);
        BigInteger sum = BigInteger.Zero;
        for (int k = kMin; k <= kMax; k++)
        {
            BigInteger dk = ExactFactorials.Factorial(k)
                * ExactFactorials.Factorial(a - k) * ExactFactorials.Factorial(b - k) * ExactFactorials.Factorial(c - k)
                * ExactFactorials.Factorial(d + k) * ExactFactorials.Factorial(e + k);
            BigInteger term = g / dk;
            sum = (k & 1) == 0 ? sum + term : sum - term;
        }
        if (sum.IsZero)
        {
            return 0.0;
        }
        BigInteger projectionProduct = ExactFactorials.Factorial(j + m) * ExactFactorials.Factorial(j - m)
            * ExactFactorials.Factorial(j1 - m1) * ExactFactorials.Factorial(j1 + m1)
            * ExactFactorials.Factorial(j2 - m2) * ExactFactorials.Factorial(j2 + m2);
        // C^2 = triangleNumerator * projectionProduct * sum^2 / (triangleDenominator * g^2), exactly.
        double magnitude = ExactFactorials.SqrtOfRatio(
            triangleNumerator * projectionProduct * sum * sum, triangleDenominator * g * g);
        return sum.Sign < 0 ? -magnitude : magnitude;
    }
}
