using Ace.Core.Atoms;
using Ace.Core.Potentials;
using Ace.Core.Primitives;
using Ace.Core.TestUtilities;

namespace Ace.Core.Tests.Potentials;

public class PotentialDerivativeTests
{
    private static readonly LinearAcePotential Potential = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 3);

    private static readonly LinearAcePotential FittedRadialPotential = Fixtures.RandomPotential(Fixtures.FittedSiliconCarbon, seed: 4);

    private static readonly LinearAcePotential FittedRadialPure2bPotential = Fixtures.RandomPotential(Fixtures.FittedSiliconCarbonPure2b, seed: 4);

    private static IEnumerable<TestCaseData> Structures()
    {
        foreach (var (name, potential) in new[] { ("", Potential), (" (fitted radials)", FittedRadialPotential), (" (fitted radials, pure2b)", FittedRadialPure2bPotential) })
        {
            var random = new Random(11);
            yield return new TestCaseData(Fixtures.Cluster(random, 6, "Si", "C"), potential).SetName("open Si-C cluster" + name);
            yield return new TestCaseData(Fixtures.RattledCrystal(random, 5.0, "Si", "C"), potential).SetName("periodic sheared Si-C cell" + name);
            yield return new TestCaseData(Fixtures.RattledCrystal(random, 5.2, "Si"), potential).SetName("periodic Si cell" + name);
        }
    }

    [TestCaseSource(nameof(Structures))]
    public void Forces_are_minus_the_finite_difference_gradient_of_the_energy(Structure structure, LinearAcePotential potential) =>
        EnergyDerivativeChecks.AssertForcesAreMinusTheEnergyGradient(potential, structure, 2e-5);

    [TestCaseSource(nameof(Structures))]
    public void Virial_is_minus_the_strain_derivative_of_the_energy(Structure structure, LinearAcePotential potential) =>
        EnergyDerivativeChecks.AssertVirialIsMinusTheStrainDerivative(potential, structure);

    [Test]
    public void Site_energies_sum_to_the_energy_and_orders_split_it()
    {
        var structure = Fixtures.RattledCrystal(new Random(5), 5.0, "Si", "C");
        var evaluation = Potential.Evaluate(structure);
        Assert.That(evaluation.SiteEnergies.Sum(), Is.EqualTo(evaluation.Energy).Within(1e-10 * Math.Abs(evaluation.Energy)));
        var byOrder = Potential.EnergyByCorrelationOrder(structure);
        Assert.That(byOrder, Has.Length.EqualTo(4));
        Assert.That(byOrder[0], Is.EqualTo(4 * Fixtures.SiliconEnergy + 4 * Fixtures.CarbonEnergy).Within(1e-9));
        Assert.That(byOrder.Sum(), Is.EqualTo(evaluation.Energy).Within(1e-9 * Math.Abs(evaluation.Energy)));
        Assert.That(byOrder.Skip(1).All(e => Math.Abs(e) > 1e-8), Is.True, "every order contributes");
    }

    [Test]
    public void Large_structures_evaluated_in_parallel_agree_with_a_copy_and_are_reproducible()
    {
        var cell = Fixtures.RattledCrystal(new Random(9), 5.0, "Si", "C");
        var big = Crystals.Supercell(cell, 2, 2, 3);
        Assert.That(big.AtomCount, Is.GreaterThanOrEqualTo(LinearAcePotential.ParallelAtomThreshold));
        var a = Potential.Evaluate(big);
        var b = Potential.Evaluate(big);
        Assert.That(b.Energy, Is.EqualTo(a.Energy), "bitwise reproducible");
        Assert.That(b.Forces, Is.EqualTo(a.Forces));
        Assert.That(a.Energy, Is.EqualTo(12 * Potential.Energy(cell)).Within(1e-9 * Math.Abs(a.Energy)), "extensive");
        var small = Potential.Forces(cell);
        for (int i = 0; i < big.AtomCount; i++)
        {
            Assert.That((a.Forces[i] - small[i % cell.AtomCount]).Norm, Is.LessThan(1e-9), $"atom {i}");
        }
    }

    [Test]
    public void Stress_is_minus_virial_over_volume_and_needs_a_cell()
    {
        var structure = Fixtures.RattledCrystal(new Random(2), 5.0, "Si");
        var stress = Potential.Stress(structure);
        var virial = Potential.Virial(structure);
        Assert.That(stress.Xy, Is.EqualTo(-virial.Xy / structure.Cell.Volume).Within(1e-14));
        Assert.Throws<InvalidOperationException>(() => Potential.Stress(Fixtures.Cluster(new Random(1), 3, "Si")));
    }

    [Test]
    public void An_isolated_atom_has_its_reference_energy_and_no_force()
    {
        var atom = Structure.Isolated([Element.FromSymbol("C")], [Vec3.Zero]);
        var e = Potential.Evaluate(atom);
        Assert.That(e.Energy, Is.EqualTo(Fixtures.CarbonEnergy));
        Assert.That(e.Forces[0], Is.EqualTo(Vec3.Zero));
    }

    [Test]
    public void An_element_the_basis_lacks_is_named()
    {
        var s = Structure.Isolated([Element.FromSymbol("Si"), Element.FromSymbol("Ge")], [Vec3.Zero, new Vec3(2, 0, 0)]);
        var e = Assert.Throws<ArgumentException>(() => Potential.Energy(s))!;
        Assert.That(e.Message, Does.Contain("Ge").And.Contain("atom 1"));
    }
}
