using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;
using Ace.Core.TestUtilities;

namespace Ace.Core.Studies.Tests;

public sealed class BinaryStillingerWeberTests
{
    private static readonly BinaryStillingerWeber Sw = BinaryStillingerWeber.SiliconGermanium;
    private static readonly Element Si = Element.FromSymbol("Si");
    private static readonly Element Ge = Element.FromSymbol("Ge");


    private static IEnumerable<Structure> ForceCases()
    {
        yield return new BinaryClusterGenerator(1).Clusters(3, 1)[0];
        yield return new BinaryClusterGenerator(2).Clusters(5, 2)[1];
        yield return new BinaryClusterGenerator(3).PeriodicCells(1, rattle: 0.2)[0];
        yield return new BinaryClusterGenerator(4).PeriodicCells(2, rattle: 0.2)[1];
    }

    [TestCaseSource(nameof(ForceCases))]
    public void ForcesAreMinusTheFiniteDifferenceGradient(Structure structure) =>
        ReferenceDerivativeChecks.AssertForces(Sw.Energy, Sw.Evaluate, structure);

    [Test]
    public void VirialIsMinusTheFiniteDifferenceStrainDerivative()
    {
        var cell = new BinaryClusterGenerator(5).PeriodicCells(2, rattle: 0.2)[1];
        Assert.That(cell.Species.Length, Is.EqualTo(2), "the random-alloy cell should hold both elements for this seed");
        ReferenceDerivativeChecks.AssertVirial(Sw.Energy, Sw.Evaluate, cell);
    }

    [Test]
    public void DimerEnergiesAreThePairCurvesOfEachPair()
    {
        foreach (var (a, b) in new[] { (Si, Si), (Ge, Ge), (Si, Ge), (Ge, Si) })
        {
            foreach (double r in new[] { 2.2, 2.5, 3.0, 3.7 })
            {
                var dimer = Structure.Isolated([a, b], [Vec3.Zero, new Vec3(r, 0, 0)]);
                Assert.That(Sw.Energy(dimer), Is.EqualTo(Sw.PairEnergy(a, b, r)).Within(1e-12), $"{a}-{b} at {r}");
            }
        }
        // Each pair has its own minimum -eps at 2^(1/6) sigma; the mixed pair's lies between the pure ones.
        double Minimum(StillingerWeberParameters p) => Math.Pow(2, 1.0 / 6) * p.Sigma;
        Assert.That(Sw.PairEnergy(Ge, Ge, Minimum(Sw.SecondPair)), Is.EqualTo(-1.93).Within(1e-3));
        Assert.That(Sw.PairEnergy(Si, Ge, Minimum(Sw.MixedPair)), Is.EqualTo(-Math.Sqrt(2.1683 * 1.93)).Within(1e-3));
        Assert.That(Sw.MixedPair.Cutoff, Is.GreaterThan(Sw.FirstPair.Cutoff).And.LessThan(Sw.SecondPair.Cutoff));
    }

    [Test]
    public void MixedTrimerUsesTheGeometricMeanStrengthAndEachPairsDecay()
    {
        // Si at the center with a Si and a Ge neighbour at right angle: the three-body term of the center alone is known in closed form.
        var si = Sw.FirstPair;
        var mixed = Sw.MixedPair;
        double rj = 2.4, rk = 2.6;
        var trimer = Structure.Isolated([Si, Si, Ge], [Vec3.Zero, new Vec3(rj, 0, 0), new Vec3(0, rk, 0)]);
        double pairs = Sw.PairEnergy(Si, Si, rj) + Sw.PairEnergy(Si, Ge, rk) + Sw.PairEnergy(Si, Ge, Math.Sqrt(rj * rj + rk * rk));
        double center = Math.Sqrt(si.Lambda * si.Epsilon * mixed.Lambda * mixed.Epsilon) * Math.Pow(0 - si.CosTheta0, 2)
            * Math.Exp(si.Gamma * si.Sigma / (rj - si.Cutoff)) * Math.Exp(mixed.Gamma * mixed.Sigma / (rk - mixed.Cutoff));
        // The other two centers: compute each from the single-center formula with the same rule.
        double Center(Vec3 c, Vec3 j, Vec3 k, StillingerWeberParameters pj, StillingerWeberParameters pk)
        {
            var dj = j - c;
            var dk = k - c;
            if (dj.Norm >= pj.Cutoff || dk.Norm >= pk.Cutoff)
            {
                return 0;
            }
            double cos = Vec3.Dot(dj, dk) / (dj.Norm * dk.Norm);
            return Math.Sqrt(pj.Lambda * pj.Epsilon * pk.Lambda * pk.Epsilon) * Math.Pow(cos - pj.CosTheta0, 2)
                * Math.Exp(pj.Gamma * pj.Sigma / (dj.Norm - pj.Cutoff)) * Math.Exp(pk.Gamma * pk.Sigma / (dk.Norm - pk.Cutoff));
        }
        var p = trimer.Positions;
        double others = Center(p[1], p[0], p[2], si, mixed) + Center(p[2], p[0], p[1], mixed, mixed);
        Assert.That(center, Is.GreaterThan(0));
        Assert.That(Sw.Energy(trimer), Is.EqualTo(pairs + center + others).Within(1e-10));
    }

    [Test]
    public void WithEqualPairsItIsTheSingleElementPotential()
    {
        var p = StillingerWeberParameters.Silicon;
        var binary = new BinaryStillingerWeber(Si, Ge, p, p, p);
        var cluster = new BinaryClusterGenerator(8, binary).Clusters(5, 1)[0];
        var asSilicon = Structure.Isolated(cluster.Positions.Select(_ => Si), cluster.Positions);
        var single = StillingerWeber.Silicon.Evaluate(asSilicon);
        var mixed = binary.Evaluate(cluster);
        Assert.That(mixed.Energy, Is.EqualTo(single.Energy).Within(1e-12 * Math.Max(1, Math.Abs(single.Energy))));
        for (int i = 0; i < cluster.AtomCount; i++)
        {
            Assert.That((mixed.Forces[i] - single.Forces[i]).Norm, Is.LessThan(1e-10), $"atom {i}");
        }
    }

    [Test]
    public void OtherElementsAndBadParametersAreRejected()
    {
        var carbon = Structure.Isolated([Si, Element.FromSymbol("C")], [Vec3.Zero, new Vec3(2.3, 0, 0)]);
        Assert.That(() => Sw.Energy(carbon), Throws.ArgumentException.With.Message.Contains("atom 1 is C"));
        var p = StillingerWeberParameters.Silicon;
        Assert.That(() => new BinaryStillingerWeber(Si, Si, p, p, p), Throws.ArgumentException);
        Assert.That(() => new BinaryStillingerWeber(Si, Ge, p, p, p with { CosTheta0 = 0 }), Throws.ArgumentException.With.Message.Contains("CosTheta0"));
        Assert.That(() => new BinaryStillingerWeber(Si, Ge, p, p with { Lambda = -1 }, p), Throws.ArgumentException.With.Message.Contains("lambda"));
    }

    [Test]
    public void GeneratedDataIsSeededSplitAndCoversBothElements()
    {
        var options = new BinaryStudyDataOptions(DimersPerPair: 10, ClustersPerSize: 10, Cells: 4);
        var data = BinaryStudyData.Generate(options);
        var again = BinaryStudyData.Generate(options);
        Assert.That(data.Name, Is.EqualTo("SiGe"));
        Assert.That(data.Train.Count + data.Validation.Count, Is.EqualTo(3 * 10 + 3 * 10 + 4));
        Assert.That(data.Validation.Count, Is.EqualTo(2 + 2 + 2 + 3 * 2 + 1));
        Assert.That(data.Train.Select(s => s.Energy), Is.EqualTo(again.Train.Select(s => s.Energy)));
        Assert.That(data.Train.SelectMany(s => s.Elements).Distinct(), Is.EquivalentTo(new[] { Si, Ge }));
        Assert.That(data.Train.Select(s => s.ConfigType).Distinct(),
            Is.EquivalentTo(new[] { "SiSi", "GeGe", "SiGe", "cluster3", "cluster4", "cluster5", "bulk" }));
        Assert.That(data.Train.Where(s => s.Pbc.Any).All(s => s.Virial is not null), Is.True);
        // Held-out structures are not training structures (dimers beyond the cutoff all have energy 0, so skip those).
        var trainEnergies = data.Train.Select(s => s.Energy).Where(e => e != 0).ToHashSet();
        Assert.That(data.Validation.Any(s => trainEnergies.Contains(s.Energy)), Is.False);
    }
}
