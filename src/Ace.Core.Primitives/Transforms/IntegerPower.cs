using System.Numerics;
using System.Runtime.CompilerServices;

namespace Ace.Core.Primitives.Transforms;

/// <summary>Exact-as-multiplication integer powers (x^0 = 1, also for x = 0), scalar and across a vector of points.</summary>
internal static class IntegerPower
{
    /// <summary>x raised to the non-negative integer <paramref name="n"/> by repeated squaring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double x, int n)
    {
        double result = 1.0;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            x *= x;
            n >>= 1;
        }

        return result;
    }

    /// <summary>Every lane of <paramref name="x"/> raised to the non-negative integer <paramref name="n"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector<double> Of(Vector<double> x, int n)
    {
        var result = Vector<double>.One;
        while (n > 0)
        {
            if ((n & 1) != 0)
            {
                result *= x;
            }

            x *= x;
            n >>= 1;
        }

        return result;
    }
}
