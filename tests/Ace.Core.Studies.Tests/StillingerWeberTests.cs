using Ace.Core.Atoms;
using Ace.Core.Primitives;
using Ace.Core.Studies;
using Ace.Core.TestUtilities;

namespace Ace.Core.Studies.Tests;

public class StillingerWeberTests
{
    private static readonly Element Si = Element.FromSymbol("Si");
    private static readonly StillingerWeber Sw = StillingerWeber.Silicon;

    private static Structure RandomCluster(int atoms, int seed) =>
        new SiliconClusterGenerator(seed).Clusters(atoms, 1)[0];

    [Test]
    public void DiamondAtTheExperimentalLatticeConstantHasMinusTwoEpsilonPerAtom()
    {
        foreach (int repeats in new[] { 1, 2 })
        {
            var diamond = Crystals.Diamond(Si, 5.431, repeats);
            var result = Sw.Evaluate(diamond);
            Assert.That(result.Energy / diamond.AtomCount, Is.EqualTo(-4.3366).Within(1e-3));
            Assert.That(result.Forces.Max(f => f.Norm), Is.LessThan(1e-10), "perfect diamond is in equilibrium");
        }
    }

    [Test]
    public void PairCurveHasItsMinimumMinusEpsilonAtTwoToTheSixthSigma()
    {
        double r0 = Math.Pow(2, 1.0 / 6) * 2.0951;
        Assert.That(Sw.PairEnergy(r0), Is.EqualTo(-2.1683).Within(2e-4));
        Assert.That(Sw.PairEnergyDerivative(r0), Is.EqualTo(0).Within(2e-3));
        Assert.That(Sw.PairEnergy(Sw.Cutoff), Is.Zero);
        Assert.That(Sw.PairEnergy(Sw.Cutoff - 1e-3), Is.EqualTo(0).Within(1e-100));
    }

    [Test]
    public void PairDerivativeMatchesFiniteDifferences()
    {
        for (double r = 1.6; r < 3.75; r += 0.137)
        {
            double fd = FiniteDifference.Derivative(Sw.PairEnergy, r, 1e-6);
            Assert.That(Sw.PairEnergyDerivative(r), Is.EqualTo(fd).Within(1e-6 * Math.Max(1, Math.Abs(fd))), $"r = {r}");
        }
    }

    [Test]
    public void DimerEnergyIsThePairCurveAndForcesAreOpposite()
    {
        for (double r = 1.8; r < 4.5; r += 0.21)
        {
            var dimer = Structure.Isolated([Si, Si], [new Vec3(0.3, -0.2, 0.1), new Vec3(0.3, -0.2, 0.1) + r * new Vec3(0.6, 0.8, 0)]);
            var result = Sw.Evaluate(dimer);
            Assert.That(result.Energy, Is.EqualTo(Sw.PairEnergy(r)).Within(1e-13));
            var axis = new Vec3(0.6, 0.8, 0);
            Assert.That(Vec3.Dot(result.Forces[1], axis), Is.EqualTo(-Sw.PairEnergyDerivative(r)).Within(1e-12));
            Assert.That((result.Forces[0] + result.Forces[1]).Norm, Is.LessThan(1e-13));
        }
    }

    [Test]
    public void TrimerEnergyIsPairsPlusThreeBodyTermsOfEachCenter()
    {
        var trimer = RandomCluster(3, 7);
        var p = trimer.Positions;
        double expected = Sw.PairEnergy((p[0] - p[1]).Norm) + Sw.PairEnergy((p[0] - p[2]).Norm) + Sw.PairEnergy((p[1] - p[2]).Norm)
            + Sw.ThreeBodyEnergy(p[1] - p[0], p[2] - p[0]) + Sw.ThreeBodyEnergy(p[0] - p[1], p[2] - p[1]) + Sw.ThreeBodyEnergy(p[0] - p[2], p[1] - p[2]);
        Assert.That(Sw.Energy(trimer), Is.EqualTo(expected).Within(1e-12));
        Assert.That(Sw.ThreeBodyEnergy(p[1] - p[0], p[2] - p[0]), Is.GreaterThanOrEqualTo(0));
    }

    [Test]
    public void TetrahedralAngleCostsNoThreeBodyEnergy()
    {
        var a = new Vec3(1, 1, 1) * (2.35 / Math.Sqrt(3));
        var b = new Vec3(1, -1, -1) * (2.35 / Math.Sqrt(3));
        Assert.That(Sw.ThreeBodyEnergy(a, b), Is.EqualTo(0).Within(1e-14));
        Assert.That(Sw.ThreeBodyEnergy(a, a.Norm * new Vec3(1, 0, 0)), Is.GreaterThan(0.01));
    }

    private static IEnumerable<Structure> ForceCases()
    {
        yield return RandomCluster(3, 1);
        yield return RandomCluster(5, 2);
        yield return new SiliconClusterGenerator(3).PeriodicCells(1, rattle: 0.2)[0];
        yield return new SiliconClusterGenerator(4).PeriodicCells(2, rattle: 0.2)[1];
    }

    [TestCaseSource(nameof(ForceCases))]
    public void ForcesAreMinusTheFiniteDifferenceGradient(Structure structure) =>
        ReferenceDerivativeChecks.AssertForces(Sw.Energy, Sw.Evaluate, structure);

    [Test]
    public void VirialIsMinusTheFiniteDifferenceStrainDerivative()
    {
        var cell = new SiliconClusterGenerator(5).PeriodicCells(2, rattle: 0.2)[1];
        ReferenceDerivativeChecks.AssertVirial(Sw.Energy, Sw.Evaluate, cell);
    }

    [Test]
    public void EnergyIsInvariantUnderTranslationRotationAndReflection()
    {
        var random = new Random(11);
        var cluster = RandomCluster(5, 9);
        double energy = Sw.Energy(cluster);
        var forces = Sw.Evaluate(cluster).Forces;
        foreach (var q in new[] { RandomGeometry.Rotation(random), RandomGeometry.Reflection(random) })
        {
            Vec3 Apply(Vec3 v)
            {
                var (x, y, z) = RandomGeometry.Apply(q, v.X, v.Y, v.Z);
                return new Vec3(x, y, z);
            }
            var shift = new Vec3(3.1, -7.4, 0.9);
            var moved = Sw.Evaluate(cluster.WithPositions(cluster.Positions.Select(p => Apply(p) + shift)));
            Assert.That(moved.Energy, Is.EqualTo(energy).Within(1e-12 * Math.Max(1, Math.Abs(energy))));
            for (int i = 0; i < cluster.AtomCount; i++)
            {
                Assert.That((moved.Forces[i] - Apply(forces[i])).Norm, Is.LessThan(1e-11), "forces rotate with the structure");
            }
        }
    }

    [Test]
    public void LabelAttachesEnergyForcesAndConfigType()
    {
        var cluster = RandomCluster(4, 3);
        var labelled = Sw.Label(cluster.WithReferenceData(null, null, null), "custom");
        Assert.That(labelled.ConfigType, Is.EqualTo("custom"));
        Assert.That(labelled.Energy, Is.EqualTo(Sw.Energy(cluster)));
        Assert.That(labelled.Forces, Is.Not.Null);
        Assert.That(labelled.Virial, Is.Null, "isolated clusters carry no virial");
    }

    [Test]
    public void OtherElementsAndBadParametersAreRejected()
    {
        var carbon = Structure.Isolated([Element.FromSymbol("C"), Si], [Vec3.Zero, new Vec3(2, 0, 0)]);
        var e = Assert.Throws<ArgumentException>(() => Sw.Energy(carbon));
        Assert.That(e!.Message, Does.Contain("atom 0 is C"));
        Assert.Throws<ArgumentException>(() => _ = new StillingerWeber(StillingerWeberParameters.Silicon with { Sigma = -1 }, Si));
        Assert.Throws<ArgumentException>(() => _ = new StillingerWeber(StillingerWeberParameters.Silicon with { CosTheta0 = 2 }, Si));
    }

}
