using Ace.Core.Atoms;
using Ace.Core.Errors;
using Ace.Core.Fitting;
using Ace.Core.Primitives;

namespace Ace.Core.Tests.Fitting;

/// <summary>The one rule for atoms too close (reading, evaluation, fitting) and data that is probably misread.</summary>
public class DataRuleTests
{
    private static readonly string Text = """
        2
        Properties=species:S:1:pos:R:3:forces:R:3 energy=-3.5 config_type=dimer
        Si 0 0 0 0.1 0 0
        Si 2.2 0 0 -0.1 0 0

        """;

    private static Structure Pair(double r) => Structure.Isolated([Element.FromSymbol("Si"), Element.FromSymbol("Si")], [Vec3.Zero, new Vec3(r, 0, 0)]);

    [Test]
    public void Atoms_closer_than_the_threshold_are_rejected_everywhere_naming_the_pair()
    {
        var close = Pair(0.01);
        var e = Assert.Throws<AtomsTooCloseException>(() => close.ThrowIfCloserThan(Structure.DefaultMinimumSeparation))!;
        Assert.That((e.FirstAtom, e.SecondAtom), Is.EqualTo((0, 1)));
        Assert.That(e.Message, Does.Contain("atoms 0 (Si) and 1 (Si) are 0.01 Angstrom apart").And.Contain("0.1 Angstrom"));
        // Reading: file, line and pair.
        var xyz = Text.Replace("Si 2.2 0 0", "Si 0.01 0 0", StringComparison.Ordinal);
        var read = Assert.Throws<ExtendedXyzException>(() => ExtendedXyz.ParseText(xyz, sourceName: "d.xyz"))!;
        Assert.That(read.Message, Does.StartWith("d.xyz:4:").And.Contain("atoms 0 (Si) and 1 (Si)"));
        Assert.That(ExtendedXyz.ParseText(xyz, ExtendedXyzOptions.Default with { MinimumSeparation = 0.001 }), Has.Count.EqualTo(1), "configurable");
        // Evaluation: the structure and the pair.
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, 1);
        var eval = Assert.Throws<AtomsTooCloseException>(() => potential.Evaluate(close))!;
        Assert.That(eval.Message, Does.StartWith("Structure(2 atoms").And.Contain("atoms 0 (Si) and 1 (Si)"));
        Assert.That(() => ErrorTable.Compute(potential, [close.WithReferenceData(-1, null, null)]), Throws.InstanceOf<AtomsTooCloseException>());
        var relaxed = new Ace.Core.Potentials.LinearAcePotential(potential.Basis, potential.Coefficients, potential.ReferenceEnergies) { MinimumSeparation = 0.001 };
        Assert.That(double.IsFinite(relaxed.Energy(close)), "configurable");
        // Fitting: the training structure and the pair.
        var labelled = close.WithReferenceData(-1, [Vec3.Zero, Vec3.Zero], null);
        var fit = Assert.Throws<TrainingDataException>(() => LinearAce.Fit(Fixtures.Silicon).Run([labelled]))!;
        Assert.That(fit.Message, Does.Contain("training structure 0").And.Contain("atoms 0 (Si) and 1 (Si)"));
        Assert.That(() => LinearAce.Fit(Fixtures.Silicon).MinimumSeparation(-1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    [Test]
    public void A_periodic_atom_far_outside_the_cell_is_a_clear_error()
    {
        var cell = Cell.Cubic(5.0);
        var far = new Vec3(5.0 * 2.1e9 + 1.0, 0.3, 0.2);
        var e = Assert.Throws<ArgumentException>(() => Structure.Periodic([Element.FromSymbol("Si"), Element.FromSymbol("Si")], [new Vec3(2.5, 2.5, 2.5), far], cell))!;
        Assert.That(e.Message, Does.Contain("atom 1 (Si)").And.Contain("cells from the cell along lattice vector a").And.Contain("wrap"));
        // A million cells out is still exact: the same energy as the wrapped position.
        var potential = Fixtures.RandomPotential(Fixtures.Silicon, 3);
        var near = Structure.Periodic([Element.FromSymbol("Si"), Element.FromSymbol("Si")], [new Vec3(2.5, 2.5, 2.5), new Vec3(1.0, 0.3, 0.2)], cell);
        var shifted = near.WithPositions([new Vec3(2.5, 2.5, 2.5), new Vec3(1.0 + 5.0 * 999_999, 0.3, 0.2 - 5.0 * 999_999)]);
        Assert.That(potential.Energy(shifted), Is.EqualTo(potential.Energy(near)).Within(1e-8));
    }

    [Test]
    public void A_forces_or_energy_key_no_frame_has_is_an_error_listing_what_is_there()
    {
        var misread = ExtendedXyz.ParseText(Text, ExtendedXyzOptions.Default with { ForcesKey = "force" });
        Assert.That(misread[0].Forces, Is.Null);
        var e = Assert.Throws<TrainingDataException>(() => LinearAce.Fit(Fixtures.Silicon).Run(misread))!;
        Assert.That(e.Message, Does.Contain("none of the 1 training structures has reference forces").And.Contain("columns present").And.Contain("forces"));
        var noEnergy = ExtendedXyz.ParseText(Text, ExtendedXyzOptions.Default with { EnergyKey = "free_energy" });
        e = Assert.Throws<TrainingDataException>(() => LinearAce.Fit(Fixtures.Silicon).Run(noEnergy))!;
        Assert.That(e.Message, Does.Contain("has a reference energy").And.Contain("header keys present are: energy"));
        Assert.DoesNotThrow(() => LinearAce.Fit(Fixtures.Silicon).Weights(energy: 1, forces: 0).AssembleDesign(misread), "no force weight: no forces needed");
    }
}
