using Ace.Core.Primitives;

namespace Ace.Core.Basis.Evaluation;

/// <summary>
/// Functions that vanish at a site with too few neighbours (purified bases: a function of correlation order nu needs
/// nu distinct neighbours): their values and gradients are set to exact zeros there.
/// </summary>
internal static class VanishingFunctions
{
    /// <summary>Zeroes values[f] for every f with neighboursNeeded[f] &gt; <paramref name="neighbourCount"/>.</summary>
    public static void ZeroValues(ReadOnlySpan<int> neighboursNeeded, int neighbourCount, Span<double> values)
    {
        for (int f = 0; f < neighboursNeeded.Length && f < values.Length; f++)
        {
            if (neighbourCount < neighboursNeeded[f])
            {
                values[f] = 0;
            }
        }
    }

    /// <summary>Zeroes the gradient rows (neighbourCount long each) of functions first .. first + functions - 1 that
    /// need more than <paramref name="neighbourCount"/> neighbours; <paramref name="rows"/> starts at function
    /// <paramref name="first"/>.</summary>
    public static void ZeroGradients(ReadOnlySpan<int> neighboursNeeded, int neighbourCount, int first, int functions, Span<Vec3> rows)
    {
        int end = Math.Min(first + functions, neighboursNeeded.Length);
        for (int f = first; f < end; f++)
        {
            if (neighbourCount < neighboursNeeded[f])
            {
                rows.Slice((f - first) * neighbourCount, neighbourCount).Clear();
            }
        }
    }
}
