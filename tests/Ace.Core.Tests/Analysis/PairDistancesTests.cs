using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Analysis;

/// <summary>What distances and triangle sizes a data set covers (the shaded ranges beside the study's dimer and trimer curves).</summary>
public class PairDistancesTests
{
    private static readonly Element Si = Element.FromSymbol("Si");

    [Test]
    public void TrianglesAreCountedOncePerVertexByTheirLongestSideWithinTheCutoff()
    {
        // A right triangle 3-4-5 and a fourth atom 10 A away: one triangle, three times, of size 5.
        var s = Structure.Isolated([Si, Si, Si, Si], [Vec3.Zero, new Vec3(3, 0, 0), new Vec3(0, 4, 0), new Vec3(0, 0, 10)]);
        Assert.That(PairDistances.CollectTriangles([s], 6.0), Is.EqualTo(new[] { 5.0, 5.0, 5.0 }).Within(1e-12));
        Assert.That(PairDistances.Collect([s], 6.0), Is.EqualTo(new[] { 3.0, 4.0, 5.0 }).Within(1e-12));
        // Below the longest side no triangle is complete; the pairs 3 and 4 A remain.
        Assert.That(PairDistances.CollectTriangles([s], 4.5), Is.Empty);
        Assert.That(PairDistances.Collect([s], 4.5), Is.EqualTo(new[] { 3.0, 4.0 }).Within(1e-12));
    }

    [Test]
    public void PeriodicImagesFormTriangles()
    {
        // One atom in a cubic cell of 2.5 A: its images form right isosceles triangles (2.5, 2.5, 3.54) and equilateral ones
        // (3.54 on each side); with a cutoff of 3 A only the images at 2.5 A are neighbours and no triangle closes.
        var cell = Cell.Cubic(2.5);
        var s = Structure.Periodic([Si], [Vec3.Zero], cell);
        Assert.That(PairDistances.CollectTriangles([s], 3.0), Is.Empty);
        var triangles = PairDistances.CollectTriangles([s], 3.6);
        Assert.That(triangles, Is.Not.Empty);
        Assert.That(triangles, Is.All.EqualTo(2.5 * Math.Sqrt(2)).Within(1e-12));
        Assert.That(triangles, Is.Ordered);
    }

    [Test]
    public void BadCutoffsAreRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PairDistances.CollectTriangles([], 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PairDistances.CollectTriangles([], double.NaN));
    }
}
