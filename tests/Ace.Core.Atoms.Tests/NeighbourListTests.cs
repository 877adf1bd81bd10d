using Ace.Core.Atoms;
using Ace.Core.Primitives;
using CsCheck;

namespace Ace.Core.Atoms.Tests;

public class NeighbourListTests
{
    private static readonly Element Si = Element.FromSymbol("Si");
    private static readonly Element C = Element.FromSymbol("C");
    private static readonly Element H = Element.FromSymbol("H");

    private static readonly Pbc[] AllPbc =
    [
        Pbc.All, Pbc.None, new(true, false, false), new(false, true, true), new(true, true, false), new(false, false, true),
    ];

    [TestCase(6.0, 5.0, 20)]   // cell comparable to the cutoff
    [TestCase(12.0, 4.0, 40)]  // cell larger than the cutoff (several bins per axis)
    [TestCase(1.5, 5.0, 3)]    // cell much smaller than the cutoff: many images, including the atom's own
    [TestCase(0.8, 3.1, 1)]    // a single atom in a tiny cell: only its own images
    public void MatchesBruteForceOnRandomSkewedCells(double cellScale, double cutoff, int atoms)
    {
        var random = new Random(1234 + atoms);
        foreach (var pbc in AllPbc)
        {
            for (int trial = 0; trial < 3; trial++)
            {
                var cell = TestStructures.SkewedCell(random, cellScale);
                var s = TestStructures.RandomInCell(random, cell, pbc, atoms, [Si, C]);
                var list = NeighbourList.Build(s, cutoff);
                BruteForceNeighbours.AssertEqual(s, list, (_, _) => cutoff, cutoff);
            }
        }
    }

    [Test]
    public void RandomStructuresMatchBruteForce_Property()
    {
        var gen =
            from scale in Gen.Double[1.0, 8.0]
            from cutoff in Gen.Double[0.5, 5.0]
            from atoms in Gen.Int[1, 16]
            from pbcIndex in Gen.Int[0, AllPbc.Length - 1]
            from seed in Gen.Int
            select (scale, cutoff, atoms, pbc: AllPbc[pbcIndex], seed);
        gen.Sample(t =>
        {
            var random = new Random(t.seed);
            var s = TestStructures.RandomInCell(random, TestStructures.SkewedCell(random, t.scale), t.pbc, t.atoms, [Si]);
            BruteForceNeighbours.AssertEqual(s, NeighbourList.Build(s, t.cutoff), (_, _) => t.cutoff, t.cutoff);
        }, iter: 150);
    }

    [Test]
    public void PerPairCutoffsMatchBruteForce()
    {
        var random = new Random(99);
        var cutoffs = new PairCutoffs([(Si, Si, 4.5), (Si, C, 3.0), (C, C, 2.2), (H, Si, 1.5), (H, C, 1.2), (H, H, 0.0)]);
        foreach (var pbc in AllPbc)
        {
            var s = TestStructures.RandomInCell(random, TestStructures.SkewedCell(random, 5.0), pbc, 30, [Si, C, H]);
            var list = NeighbourList.Build(s, cutoffs);
            BruteForceNeighbours.AssertEqual(s, list, (i, j) => cutoffs[s.Elements[i], s.Elements[j]], cutoffs.Max);
            Assert.That(list.Cutoff, Is.EqualTo(4.5));
        }
    }

    [Test]
    public void AtomsFarOutsideTheCellMatchBruteForce()
    {
        // Image shifts beyond +-512 cells take the general (unpacked) ordering path.
        var random = new Random(21);
        var cell = TestStructures.SkewedCell(random, 2.0);
        var fractional = new[] { new Vec3(700.3, 0.2, -600.1), new Vec3(0.4, 0.6, 0.1), new Vec3(-2.5, 3.7, 1200.9) };
        var s = Structure.Periodic([Si, Si, C], fractional.Select(cell.ToCartesian), cell);
        var list = NeighbourList.Build(s, 3.0);
        BruteForceNeighbours.AssertEqual(s, list, (_, _) => 3.0, 3.0);
        Assert.That(list.Shifts(0).ToArray().Any(x => Math.Abs(x.A) > 512), Is.True);
    }

    [Test]
    public void MissingPairCutoffIsReported()
    {
        var s = Structure.Isolated([Si, C], [new Vec3(0, 0, 0), new Vec3(1, 0, 0)]);
        var e = Assert.Throws<ArgumentException>(() => NeighbourList.Build(s, new PairCutoffs([(Si, Si, 3.0), (C, C, 3.0)])));
        Assert.That(e!.Message, Does.Contain("C-Si"));
    }

    [Test]
    public void EveryPairAppearsFromBothSidesWithOppositeDisplacement()
    {
        var random = new Random(5);
        var s = TestStructures.RandomInCell(random, TestStructures.SkewedCell(random, 3.0), new Pbc(true, true, false), 25, [Si]);
        var list = NeighbourList.Build(s, 4.0);
        var entries = new HashSet<(int, int, ImageShift)>();
        for (int i = 0; i < s.AtomCount; i++)
        {
            for (int k = 0; k < list.NeighbourCount(i); k++)
            {
                entries.Add((i, list.Neighbours(i)[k], list.Shifts(i)[k]));
                var expected = s.Positions[list.Neighbours(i)[k]] + s.Cell.Translation(list.Shifts(i)[k]) - s.Positions[i];
                Assert.That((list.Displacements(i)[k] - expected).Norm, Is.LessThan(1e-12));
            }
        }
        foreach (var (i, j, shift) in entries)
        {
            Assert.That(entries.Contains((j, i, -shift)), Is.True, $"({j}, {i}, {-shift}) mirrors ({i}, {j}, {shift})");
        }
        Assert.That(list.PairCount, Is.EqualTo(entries.Count));
    }

    [Test]
    public void DiamondSiliconHasFourThenTwelveNeighbours()
    {
        var s = TestStructures.Diamond(2);
        double bond = 5.431 * Math.Sqrt(3) / 4;
        var first = NeighbourList.Build(s, bond * 1.1);
        var second = NeighbourList.Build(s, 5.431 / Math.Sqrt(2) * 1.05);
        for (int i = 0; i < s.AtomCount; i++)
        {
            Assert.That(first.NeighbourCount(i), Is.EqualTo(4));
            foreach (var d in first.Distances(i))
            {
                Assert.That(d, Is.EqualTo(bond).Within(1e-12));
            }
            Assert.That(second.NeighbourCount(i), Is.EqualTo(16));
        }
    }

    [Test]
    public void PrimitiveCellMuchSmallerThanCutoffCountsAllImages()
    {
        // One atom in a simple cubic cell of edge 1: the neighbours within 2.5 are the lattice points 0 < |n| < 2.5.
        var s = Structure.Periodic([Si], [new Vec3(0.3, 0.2, 0.1)], Cell.Cubic(1.0));
        var list = NeighbourList.Build(s, 2.5);
        int expected = 0;
        for (int x = -3; x <= 3; x++)
        {
            for (int y = -3; y <= 3; y++)
            {
                for (int z = -3; z <= 3; z++)
                {
                    int r2 = x * x + y * y + z * z;
                    if (r2 > 0 && r2 < 6.25)
                    {
                        expected++;
                    }
                }
            }
        }
        Assert.That(list.NeighbourCount(0), Is.EqualTo(expected));
        Assert.That(list.Neighbours(0).ToArray(), Is.All.EqualTo(0));
    }

    [Test]
    public void OrderIsDeterministicAndIndependentOfAtomWrapping()
    {
        var random = new Random(17);
        var cell = TestStructures.SkewedCell(random, 4.0);
        var s = TestStructures.RandomInCell(random, cell, Pbc.All, 20, [Si]);
        // Translating an atom by a lattice vector changes only its shifts, not the neighbour set or order of j.
        var moved = s.WithPositions(s.Positions.Select((r, i) => i == 3 ? r + 2 * cell.A - cell.C : r));
        var a = NeighbourList.Build(s, 3.5);
        var b = NeighbourList.Build(moved, 3.5);
        var again = NeighbourList.Build(s, 3.5);
        Assert.That(again.AllNeighbours.ToArray(), Is.EqualTo(a.AllNeighbours.ToArray()));
        Assert.That(again.AllDisplacements.ToArray(), Is.EqualTo(a.AllDisplacements.ToArray()));
        Assert.That(b.PairCount, Is.EqualTo(a.PairCount));
        for (int i = 0; i < s.AtomCount; i++)
        {
            var da = a.Distances(i).ToArray().Order().ToArray();
            var db = b.Distances(i).ToArray().Order().ToArray();
            Assert.That(db, Is.EqualTo(da).Within(1e-11));
        }
    }

    [Test]
    public void EmptyAndIsolatedStructures()
    {
        var empty = Structure.Isolated([], []);
        var list = NeighbourList.Build(empty, 5.0);
        Assert.That((list.AtomCount, list.PairCount), Is.EqualTo((0, 0)));

        var dimer = Structure.Isolated([Si, Si], [new Vec3(0, 0, 0), new Vec3(0, 0, 2.3)]);
        var d = NeighbourList.Build(dimer, 2.5);
        Assert.That(d.Neighbours(0).ToArray(), Is.EqualTo(new[] { 1 }));
        Assert.That(d.Displacements(1)[0], Is.EqualTo(new Vec3(0, 0, -2.3)));
        Assert.That(d.Shifts(0)[0], Is.EqualTo(ImageShift.Zero));
        Assert.That(NeighbourList.Build(dimer, 2.2).PairCount, Is.EqualTo(0));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void RejectsBadCutoff(double cutoff)
    {
        var dimer = Structure.Isolated([Si, Si], [new Vec3(0, 0, 0), new Vec3(0, 0, 2.3)]);
        Assert.Throws<ArgumentOutOfRangeException>(() => NeighbourList.Build(dimer, cutoff));
    }

    [Test]
    public void LargeBulkBuildIsLinearAndCorrect()
    {
        // 4096 atoms: every atom of perfect diamond has the same shells, 4 + 12 + 12 within 4.6 A.
        var s = TestStructures.Diamond(8);
        var list = NeighbourList.Build(s, 4.6);
        for (int i = 0; i < s.AtomCount; i++)
        {
            Assert.That(list.NeighbourCount(i), Is.EqualTo(28), $"atom {i}");
        }
    }
}

public class CrystalsTests
{
    [Test]
    public void SupercellNeighbourhoodsRepeatThoseOfTheCell()
    {
        var random = new Random(8);
        var cell = TestStructures.SkewedCell(random, 3.0);
        var s = TestStructures.RandomInCell(random, cell, Pbc.All, 5, [Element.FromSymbol("Si")]);
        var super = Crystals.Supercell(s, 2, 3, 1);
        Assert.That(super.AtomCount, Is.EqualTo(30));
        Assert.That(super.Cell.Volume, Is.EqualTo(6 * cell.Volume).Within(1e-9));
        var small = NeighbourList.Build(s, 4.0);
        var large = NeighbourList.Build(super, 4.0);
        for (int i = 0; i < super.AtomCount; i++)
        {
            var expected = small.Distances(i % 5).ToArray().Order().ToArray();
            var actual = large.Distances(i).ToArray().Order().ToArray();
            Assert.That(actual, Is.EqualTo(expected).Within(1e-10), $"atom {i}");
        }
    }

    [Test]
    public void DiamondHasEightAtomsPerCubicCell()
    {
        var s = Crystals.Diamond(Element.FromSymbol("C"), 3.567, 2);
        Assert.That(s.AtomCount, Is.EqualTo(64));
        Assert.That(s.Cell.Volume, Is.EqualTo(Math.Pow(2 * 3.567, 3)).Within(1e-9));
        Assert.Throws<ArgumentOutOfRangeException>(() => Crystals.Diamond(Element.FromSymbol("C"), -1));
    }
}
