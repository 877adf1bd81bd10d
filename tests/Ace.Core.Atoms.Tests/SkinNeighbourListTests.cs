using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms.Tests;

public class SkinNeighbourListTests
{
    private static readonly Element Si = Element.FromSymbol("Si");
    private static readonly Element C = Element.FromSymbol("C");

    private static readonly PairCutoffs Cutoffs = new([(Si, Si, 3.2), (Si, C, 2.7), (C, C, 2.4)]);

    [TestCase(true)]
    [TestCase(false)]
    public void EqualsAFreshListAlongARandomWalk(bool periodic)
    {
        var random = new Random(periodic ? 5 : 6);
        var cell = TestStructures.SkewedCell(random, 7.0);
        var s = TestStructures.RandomInCell(random, cell, periodic ? Pbc.All : Pbc.None, 30, [Si, C]);
        var skin = new SkinNeighbourList(Cutoffs, skin: 0.6);
        var positions = s.Positions.ToArray();
        for (int step = 0; step < 40; step++)
        {
            var moved = s.WithPositions(positions);
            AssertIdentical(NeighbourList.Build(moved, Cutoffs), skin.Update(moved));
            for (int i = 0; i < positions.Length; i++)
            {
                // Steps of up to 0.05 A per axis; atoms leave the cell along periodic axes (positions are not wrapped).
                positions[i] += 0.05 * new Vec3(2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1, 2 * random.NextDouble() - 1);
            }
        }
        Assert.That(skin.SearchCount, Is.InRange(2, 20), "the list is reused between searches, and searched again as atoms move");
    }

    [Test]
    public void SearchesAgainExactlyWhenAnAtomMovedMoreThanHalfTheSkin()
    {
        var s = TestStructures.Diamond(1);
        var skin = new SkinNeighbourList(new PairCutoffs([(Si, Si, 3.0)]), skin: 0.4);
        skin.Update(s);
        var positions = s.Positions.ToArray();
        positions[3] += new Vec3(0.199, 0, 0);
        skin.Update(s.WithPositions(positions));
        Assert.That(skin.SearchCount, Is.EqualTo(1), "moved 0.199 A < skin / 2");
        positions[3] += new Vec3(0.002, 0, 0);
        skin.Update(s.WithPositions(positions));
        Assert.That(skin.SearchCount, Is.EqualTo(2), "moved 0.201 A > skin / 2");
        skin.Update(s.WithGeometry(Cell.Cubic(5.5), positions));
        Assert.That(skin.SearchCount, Is.EqualTo(3), "a new cell forces a search");
    }

    [Test]
    public void RejectsANegativeSkin() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _ = new SkinNeighbourList(Cutoffs, -0.1));

    private static void AssertIdentical(NeighbourList expected, NeighbourList actual)
    {
        Assert.That(actual.AtomCount, Is.EqualTo(expected.AtomCount));
        Assert.That(actual.Cutoff, Is.EqualTo(expected.Cutoff));
        Assert.That(actual.Offsets.ToArray(), Is.EqualTo(expected.Offsets.ToArray()));
        Assert.That(actual.AllNeighbours.ToArray(), Is.EqualTo(expected.AllNeighbours.ToArray()));
        Assert.That(actual.AllDisplacements.ToArray(), Is.EqualTo(expected.AllDisplacements.ToArray()), "displacements bit for bit");
        Assert.That(actual.AllDistances.ToArray(), Is.EqualTo(expected.AllDistances.ToArray()));
        for (int i = 0; i < expected.AtomCount; i++)
        {
            Assert.That(actual.Shifts(i).ToArray(), Is.EqualTo(expected.Shifts(i).ToArray()));
        }
    }
}
