using System.Runtime.CompilerServices;
using Ace.Core.Primitives.Simd;

namespace Ace.Core.Primitives.Transforms;

/// <summary>Exact-as-multiplication integer powers (x^0 = 1, also for x = 0), of a scalar or of every element of a lane.</summary>
internal static class IntegerPower
{
    /// <summary>x raised to the non-negative integer <paramref name="n"/> by repeated squaring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Of(double x, int n) => Of(new ScalarLane(x), n).Value;

    /// <summary>Every element of <paramref name="x"/> raised to the non-negative integer <paramref name="n"/> by repeated squaring.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static TLane Of<TLane>(TLane x, int n)
        where TLane : unmanaged, ILane<TLane>
    {
        var result = TLane.Create(1.0);
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
