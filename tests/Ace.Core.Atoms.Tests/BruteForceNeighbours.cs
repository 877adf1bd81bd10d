using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms.Tests;

/// <summary>
/// The reference neighbour search: every atom pair and every image shift that could possibly be inside the cutoff,
/// found by bounding the fractional separation with the cell heights. O(N^2 * images), independent of cell lists.
/// </summary>
internal static class BruteForceNeighbours
{
    public readonly record struct Pair(int J, ImageShift Shift, Vec3 Displacement);

    public static List<Pair>[] Find(Structure s, Func<int, int, double> cutoff, double maxCutoff)
    {
        var result = new List<Pair>[s.AtomCount];
        var cell = s.Cell;
        var a = cell.A;
        var b = cell.B;
        var c = cell.C;
        for (int i = 0; i < s.AtomCount; i++)
        {
            result[i] = [];
            var ri = s.Positions[i];
            for (int j = 0; j < s.AtomCount; j++)
            {
                var d0 = s.Positions[j] - ri;
                var lo = new int[3];
                var hi = new int[3];
                var f = s.Pbc.Any ? cell.ToFractional(d0) : Vec3.Zero;
                for (int ax = 0; ax < 3; ax++)
                {
                    if (s.Pbc[ax])
                    {
                        double reach = maxCutoff / cell.Height(ax);
                        lo[ax] = (int)Math.Floor(-reach - f[ax]) - 1;
                        hi[ax] = (int)Math.Ceiling(reach - f[ax]) + 1;
                    }
                }
                double rc = cutoff(i, j);
                for (int na = lo[0]; na <= hi[0]; na++)
                {
                    for (int nb = lo[1]; nb <= hi[1]; nb++)
                    {
                        for (int nc = lo[2]; nc <= hi[2]; nc++)
                        {
                            if (i == j && na == 0 && nb == 0 && nc == 0)
                            {
                                continue;
                            }
                            var d = s.Positions[j] - ri + (na * a + nb * b + nc * c);
                            if (d.NormSquared < rc * rc)
                            {
                                result[i].Add(new Pair(j, new ImageShift(na, nb, nc), d));
                            }
                        }
                    }
                }
            }
        }
        return result;
    }

    /// <summary>Asserts that the list holds exactly the brute-force pairs, with displacements equal to 1e-12.</summary>
    public static void AssertEqual(Structure s, NeighbourList list, Func<int, int, double> cutoff, double maxCutoff)
    {
        var expected = Find(s, cutoff, maxCutoff);
        int total = 0;
        for (int i = 0; i < s.AtomCount; i++)
        {
            var sorted = expected[i].OrderBy(p => p.J).ThenBy(p => p.Shift.A).ThenBy(p => p.Shift.B).ThenBy(p => p.Shift.C).ToList();
            var neighbours = list.Neighbours(i);
            var shifts = list.Shifts(i);
            var displacements = list.Displacements(i);
            var distances = list.Distances(i);
            Assert.That(neighbours.Length, Is.EqualTo(sorted.Count), $"neighbour count of atom {i}");
            for (int k = 0; k < sorted.Count; k++)
            {
                Assert.That(neighbours[k], Is.EqualTo(sorted[k].J), $"atom {i}, entry {k}");
                Assert.That(shifts[k], Is.EqualTo(sorted[k].Shift), $"atom {i}, entry {k}");
                Assert.That((displacements[k] - sorted[k].Displacement).Norm, Is.LessThanOrEqualTo(1e-12), $"atom {i}, entry {k}");
                Assert.That(distances[k], Is.EqualTo(sorted[k].Displacement.Norm).Within(1e-12));
            }
            total += sorted.Count;
        }
        Assert.That(list.PairCount, Is.EqualTo(total));
    }
}
