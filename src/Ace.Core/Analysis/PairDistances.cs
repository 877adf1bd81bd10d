using Ace.Core.Atoms;

namespace Ace.Core.Analysis;

/// <summary>
/// The interatomic distances a data set contains (with periodic images, within a cutoff): what part of a dimer curve the
/// training data covers, and the pair-distance histogram the study plots beside its dimer curves.
/// </summary>
public static class PairDistances
{
    /// <summary>Every distance below <paramref name="cutoff"/> between an atom and a neighbour, once per unordered pair (images included).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The cutoff is not positive and finite.</exception>
    public static double[] Collect(IEnumerable<Structure> structures, double cutoff)
    {
        RequireArguments(structures, cutoff);
        var result = new List<double>();
        foreach (var s in structures)
        {
            var list = NeighbourList.Build(s, cutoff);
            foreach (double r in list.AllDistances)
            {
                result.Add(r);
            }
        }
        // the neighbour list holds every pair in both directions; halving keeps one of each (the sorted list pairs them up)
        result.Sort();
        return result.Where((_, k) => k % 2 == 0).ToArray();
    }

    /// <summary>
    /// The size of every triangle of atoms whose three sides are all below <paramref name="cutoff"/> (images included):
    /// its longest side, once per vertex (so each triangle counts three times; only the shape of the histogram matters).
    /// An equilateral trimer of side r is covered by the data only where triangles of about that size occur: this is the
    /// range to mark beside a trimer curve, as <see cref="Collect"/> is beside a dimer curve. Sorted.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The cutoff is not positive and finite.</exception>
    public static double[] CollectTriangles(IEnumerable<Structure> structures, double cutoff)
    {
        RequireArguments(structures, cutoff);
        var result = new List<double>();
        foreach (var s in structures)
        {
            var list = NeighbourList.Build(s, cutoff);
            for (int i = 0; i < list.AtomCount; i++)
            {
                var d = list.Displacements(i);
                var r = list.Distances(i);
                for (int j = 0; j < d.Length; j++)
                {
                    for (int k = j + 1; k < d.Length; k++)
                    {
                        double side = (d[j] - d[k]).Norm;
                        if (side < cutoff)
                        {
                            result.Add(Math.Max(side, Math.Max(r[j], r[k])));
                        }
                    }
                }
            }
        }
        result.Sort();
        return [.. result];
    }

    /// <summary>Counts of <paramref name="distances"/> in <paramref name="bins"/> equal bins over [<paramref name="from"/>, <paramref name="to"/>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">bins &lt; 1 or the range is empty.</exception>
    public static int[] Histogram(IReadOnlyList<double> distances, double from, double to, int bins)
    {
        ArgumentNullException.ThrowIfNull(distances);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!(to > from))
        {
            throw new ArgumentOutOfRangeException(nameof(to), to, $"the histogram needs from < to (from = {from})");
        }
        var counts = new int[bins];
        foreach (double r in distances)
        {
            if (r >= from && r < to)
            {
                counts[Math.Min(bins - 1, (int)((r - from) / (to - from) * bins))]++;
            }
        }
        return counts;
    }

    private static void RequireArguments(IEnumerable<Structure> structures, double cutoff)
    {
        ArgumentNullException.ThrowIfNull(structures);
        if (!(cutoff > 0) || !double.IsFinite(cutoff))
        {
            throw new ArgumentOutOfRangeException(nameof(cutoff), cutoff, "the cutoff must be positive and finite");
        }
    }
}
