using Ace.Core.Solvers;
using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Fitting;

public class BadInputTests
{
    private static Structure Labelled(Structure s) => Fixtures.Label(s, Fixtures.RandomPotential(Fixtures.Silicon, 1));

    private static FitBuilder Fit() => LinearAce.Fit(Fixtures.Silicon).Weights(energy: 50, forces: 1);

    [Test]
    public void An_element_the_basis_lacks_names_the_structure_and_atom()
    {
        var good = Labelled(Fixtures.Cluster(new Random(1), 3, "Si"));
        var bad = Structure.Isolated([Element.FromSymbol("Si"), Element.FromSymbol("C")], [Vec3.Zero, new Vec3(1.9, 0, 0)])
            .WithReferenceData(-1, [Vec3.Zero, Vec3.Zero], null);
        var e = Assert.Throws<TrainingDataException>(() => Fit().Run([good, bad]))!;
        Assert.That(e.StructureIndex, Is.EqualTo(1));
        Assert.That(e.Message, Does.Contain("training structure 1").And.Contain("atom 1 is C"));
    }

    [Test]
    public void Missing_energy_or_forces_that_nonzero_weights_need_are_named()
    {
        var good = Labelled(Fixtures.Cluster(new Random(1), 3, "Si"));
        var noEnergy = good.WithReferenceData(null, good.Forces, null);
        var noForces = good.WithReferenceData(good.Energy, null, null);
        var e1 = Assert.Throws<TrainingDataException>(() => Fit().Run([good, noEnergy]))!;
        Assert.That(e1.Message, Does.Contain("training structure 1").And.Contain("no reference energy").And.Contain("50"));
        var e2 = Assert.Throws<TrainingDataException>(() => Fit().Run([good, good, noForces]))!;
        Assert.That(e2.Message, Does.Contain("training structure 2").And.Contain("no reference forces"));
        var e3 = Assert.Throws<TrainingDataException>(() => Fit().Weights(virial: 1).Run([good]))!;
        Assert.That(e3.Message, Does.Contain("no reference virial"));
        Assert.DoesNotThrow(() => Fit().Weights(energy: 1, forces: 0).AssembleDesign([noForces]), "zero weight: forces not needed");
    }

    [Test]
    public void An_empty_training_set_or_all_zero_weights_are_errors()
    {
        var e = Assert.Throws<ArgumentException>(() => Fit().Run([]))!;
        Assert.That(e.Message, Does.Contain("empty"));
        var good = Labelled(Fixtures.Cluster(new Random(1), 3, "Si"));
        Assert.Throws<ArgumentException>(() => Fit().Weights(energy: 0, forces: 0).Run([good]));
        var empty = Structure.Isolated([], []);
        Assert.That(Assert.Throws<TrainingDataException>(() => Fit().Run([empty]))!.Message, Does.Contain("no atoms"));
    }

    [Test]
    public void NaN_in_data_settings_or_weights_is_rejected_with_a_clear_error()
    {
        var good = Labelled(Fixtures.Cluster(new Random(1), 3, "Si"));
        Assert.That(Assert.Throws<ArgumentException>(() => good.WithReferenceData(double.NaN, good.Forces, null))!.Message, Does.Contain("finite"));
        Assert.Throws<ArgumentException>(() => Fit().ReferenceEnergies(("Si", double.NaN)));
        Assert.Throws<ArgumentException>(() => Fit().Weights(energy: double.NaN));
        Assert.Throws<ArgumentException>(() => Fit().Weights("bulk", forces: -1));
        Assert.Throws<ArgumentException>(() => Fit().ReferenceEnergies(("Ge", -1)));
        var text = "2\nLattice=\"10 0 0 0 10 0 0 0 10\" Properties=species:S:1:pos:R:3:forces:R:3 energy=nan pbc=\"F F F\"\nSi 0 0 0 0 0 0\nSi 2 0 0 0 0 0\n";
        var xyz = Assert.Throws<ExtendedXyzException>(() => ExtendedXyz.ParseText(text, sourceName: "bad.xyz"))!;
        Assert.That(xyz.Message, Does.Contain("bad.xyz"));
    }

    [Test]
    public void A_solver_that_needs_rows_cannot_use_streamed_normal_equations()
    {
        var good = Labelled(Fixtures.Cluster(new Random(1), 3, "Si"));
        Assert.Throws<InvalidOperationException>(() => Fit().Solver(LeastSquares.Qr()).Assembly(AssemblyMode.NormalEquations).Run([good]));
    }
}
