using Ace.Core.Atoms;
using Ace.Core.Studies;

namespace Ace.Core.Studies.Tests;

public class SiliconStudyDataTests
{
    private static double MinDistance(Structure s)
    {
        double min = double.MaxValue;
        for (int i = 0; i < s.AtomCount; i++)
        {
            for (int j = i + 1; j < s.AtomCount; j++)
            {
                min = Math.Min(min, (s.Positions[i] - s.Positions[j]).Norm);
            }
        }
        return min;
    }

    private static bool ConnectedWithin(Structure s, double cutoff)
    {
        var reached = new HashSet<int> { 0 };
        var stack = new Stack<int>([0]);
        while (stack.Count > 0)
        {
            int i = stack.Pop();
            for (int j = 0; j < s.AtomCount; j++)
            {
                if ((s.Positions[i] - s.Positions[j]).Norm < cutoff && reached.Add(j))
                {
                    stack.Push(j);
                }
            }
        }
        return reached.Count == s.AtomCount;
    }

    [TestCase(3)]
    [TestCase(4)]
    [TestCase(5)]
    public void ClustersRespectTheMinimumDistanceAreConnectedAndLabelled(int atoms)
    {
        var clusters = new SiliconClusterGenerator(atoms).Clusters(atoms, 40);
        Assert.That(clusters, Has.Count.EqualTo(40));
        foreach (var c in clusters)
        {
            Assert.That(c.AtomCount, Is.EqualTo(atoms));
            Assert.That(MinDistance(c), Is.GreaterThanOrEqualTo(2.0 - 1e-12));
            Assert.That(ConnectedWithin(c, StillingerWeber.Silicon.Cutoff), Is.True);
            Assert.That(c.ConfigType, Is.EqualTo($"Si{atoms}"));
            Assert.That(c.Energy, Is.EqualTo(StillingerWeber.Silicon.Energy(c)));
            Assert.That(c.Pbc.Any, Is.False);
        }
        // The clusters are genuinely random: their energies spread.
        var energies = clusters.Select(c => c.Energy!.Value).ToList();
        Assert.That(energies.Max() - energies.Min(), Is.GreaterThan(0.5));
    }

    [Test]
    public void DimersCoverTheGridWithThePairCurveAsEnergy()
    {
        var dimers = new SiliconClusterGenerator(1).Dimers(43, 1.8, 6.0);
        var distances = dimers.Select(d => (d.Positions[1] - d.Positions[0]).Norm).ToList();
        Assert.That(distances[0], Is.EqualTo(1.8).Within(1e-12));
        Assert.That(distances[^1], Is.EqualTo(6.0).Within(1e-12));
        Assert.That(distances.Zip(distances.Skip(1), (a, b) => b - a), Is.All.EqualTo(0.1).Within(1e-12));
        for (int k = 0; k < dimers.Count; k++)
        {
            Assert.That(dimers[k].Energy, Is.EqualTo(StillingerWeber.Silicon.PairEnergy(distances[k])).Within(1e-12));
        }
    }

    [Test]
    public void PeriodicCellsAreBulkWithVirials()
    {
        var cells = new SiliconClusterGenerator(2).PeriodicCells(4);
        Assert.That(cells.Select(c => c.AtomCount), Is.EqualTo(new[] { 2, 8, 2, 8 }));
        foreach (var c in cells)
        {
            Assert.That(c.Pbc, Is.EqualTo(Pbc.All));
            Assert.That(c.ConfigType, Is.EqualTo("bulk"));
            Assert.That(c.Virial, Is.Not.Null);
            // Near diamond: a few per cent strain keeps the energy close to -2 eps per atom.
            Assert.That(c.Energy!.Value / c.AtomCount, Is.InRange(-4.4, -3.5));
        }
    }

    [Test]
    public void SameSeedSameStructures()
    {
        var a = new SiliconClusterGenerator(42).Clusters(5, 3);
        var b = new SiliconClusterGenerator(42).Clusters(5, 3);
        var c = new SiliconClusterGenerator(43).Clusters(5, 3);
        Assert.That(a.SelectMany(s => s.Positions), Is.EqualTo(b.SelectMany(s => s.Positions)));
        Assert.That(a.SelectMany(s => s.Positions), Is.Not.EqualTo(c.SelectMany(s => s.Positions)));
    }

    [Test]
    public void UnionSetsAreExactlyTheirPartsAndValidationIsDisjoint()
    {
        var options = new SiliconStudyDataOptions(Dimers: 10, Trimers: 10, Tetramers: 10, Pentamers: 10, ValidationFraction: 0.2);
        var si2 = SiliconStudyData.Generate("Si2", options);
        var si3 = SiliconStudyData.Generate("Si3", options);
        var si23 = SiliconStudyData.Generate("Si23", options);
        Assert.That(si23.Train.Select(s => s.Energy), Is.EqualTo(si2.Train.Concat(si3.Train).Select(s => s.Energy)));
        Assert.That(si23.Validation.Select(s => s.Energy), Is.EqualTo(si2.Validation.Concat(si3.Validation).Select(s => s.Energy)));
        Assert.That(si23.Train, Has.Count.EqualTo(16));
        Assert.That(si23.Validation, Has.Count.EqualTo(4));
        Assert.That(si23.HasDimers, Is.True);
        var si345 = SiliconStudyData.Generate("Si345", options);
        Assert.That(si345.HasDimers, Is.False);
        Assert.That(si345.Train.Select(s => s.ConfigType).Distinct(), Is.EquivalentTo(new[] { "Si3", "Si4", "Si5" }));
        var trainEnergies = si345.Train.Select(s => s.Energy!.Value).ToHashSet();
        Assert.That(si345.Validation.Select(s => s.Energy!.Value), Has.None.Matches<double>(trainEnergies.Contains));
    }

    [TestCase("Si")]
    [TestCase("Si32")]
    [TestCase("Si26")]
    [TestCase("C23")]
    [TestCase("Si22")]
    public void BadSetNamesAreRejected(string name)
    {
        var e = Assert.Throws<ArgumentException>(() => SiliconStudyData.ParseSizes(name));
        Assert.That(e!.Message, Does.Contain(name));
    }

    [Test]
    public void StudyNamesAllParse()
    {
        Assert.That(SiliconStudyData.Names.Select(n => string.Concat(SiliconStudyData.ParseSizes(n))),
            Is.EqualTo(new[] { "2", "23", "234", "2345", "3", "4", "5", "345" }));
    }
}
