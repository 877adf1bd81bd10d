using System.Numerics;

namespace Ace.Core.Primitives.Coupling;

/// <summary>
/// Exact integer factorials (grown on demand, thread-safe) and the correctly scaled conversion of a ratio of
/// big integers to a double, for the exact evaluation of angular-momentum coupling coefficients.
/// </summary>
internal static class ExactFactorials
{
    private static readonly Lock GrowLock = new();
    private static volatile BigInteger[] table = [BigInteger.One];

    /// <summary>n! as an exact integer (n &gt;= 0).</summary>
    public static BigInteger Factorial(int n)
    {
        var current = table;
        if (n < current.Length)
        {
            return current[n];
        }
        lock (GrowLock)
        {
            current = table;
            if (n >= current.Length)
            {
                int newLength = Math.Max(n + 1, 2 * current.Length);
                var grown = new BigInteger[newLength];
                Array.Copy(current, grown, current.Length);
                for (int k = current.Length; k < newLength; k++)
                {
                    grown[k] = grown[k - 1] * k;
                }
                table = grown;
                current = grown;
            }
        }
        return current[n];
    }

    /// <summary>
    /// The double nearest (to within one unit in the last place) to sqrt(numerator / denominator), for a
    /// non-negative numerator and a positive denominator.
    /// </summary>
    public static double SqrtOfRatio(BigInteger numerator, BigInteger denominator)
    {
        if (numerator.IsZero)
        {
            return 0.0;
        }
        // Scale by 2^(2s) so that the integer square root carries at least 64 significant bits, then round once.
        long bits = denominator.GetBitLength() - numerator.GetBitLength();
        int s = (int)Math.Max(0, (bits + 130) / 2 + 1);
        BigInteger scaled = (numerator << (2 * s)) / denominator;
        BigInteger root = IntegerSqrt(scaled);
        return Math.ScaleB((double)root, -s);
    }

    /// <summary>floor(sqrt(n)) for n &gt;= 0 (Newton iteration on big integers).</summary>
    private static BigInteger IntegerSqrt(BigInteger n)
    {
        if (n < 2)
        {
            return n;
        }
        var x = BigInteger.One << (int)((n.GetBitLength() + 1) / 2);
        while (true)
        {
            var y = (x + n / x) >> 1;
            if (y >= x)
            {
                return x;
            }
            x = y;
        }
    }
}
