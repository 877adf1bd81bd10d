using System.Collections.Immutable;
using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms.Tests;

public class StructureTests
{
    private static readonly Element Si = Element.FromSymbol("Si");

    [Test]
    public void BuildsWithReferenceDataAndExposesIt()
    {
        var s = new Structure([Si, Element.FromSymbol("C")], [new Vec3(0, 0, 0), new Vec3(1, 1, 1)], Cell.Cubic(4), Pbc.All)
        {
            Energy = -10.5,
            Forces = [new Vec3(1, 0, 0), new Vec3(-1, 0, 0)],
            Virial = new SymmetricTensor3(1, 2, 3, 0.1, 0.2, 0.3),
            ConfigType = "bulk",
            Info = new Dictionary<string, string> { ["free_energy"] = "-10.4", ["force_weight"] = "2" },
        };
        Assert.That(s.AtomCount, Is.EqualTo(2));
        Assert.That(s.Species.Select(e => e.Symbol), Is.EqualTo(new[] { "C", "Si" }));
        Assert.That(s.Stress!.Value.Xx, Is.EqualTo(-1.0 / 64).Within(1e-15));
        Assert.That(s.Stress!.Value.Xy, Is.EqualTo(-0.3 / 64).Within(1e-15));
        Assert.That(s.Info["free_energy"], Is.EqualTo("-10.4"));
        Assert.That(s.Info["force_weight"], Is.EqualTo("2"), "fit weights travel in the info");
    }

    [Test]
    public void WithPositionsKeepsLabelsAndDropsReferenceData()
    {
        var s = Structure.Periodic([Si, Si], [new Vec3(0, 0, 0), new Vec3(1, 1, 1)], Cell.Cubic(4));
        s = s.WithReferenceData(-3, [new Vec3(0, 0, 1), new Vec3(0, 0, -1)], null);
        var moved = s.WithPositions([new Vec3(0, 0, 0), new Vec3(1, 1, 1.01)]);
        Assert.That(moved.Positions[1].Z, Is.EqualTo(1.01));
        Assert.That(moved.Energy, Is.Null);
        Assert.That(moved.Forces, Is.Null);
        Assert.That(moved.Cell, Is.EqualTo(s.Cell));
        Assert.That(s.Energy, Is.EqualTo(-3.0));
    }

    [Test]
    public void CloseAtomsAreRejectedNamingBoth()
    {
        var e = Assert.Throws<AtomsTooCloseException>(() =>
            Structure.Isolated([Si, Si, Si], [new Vec3(0, 0, 0), new Vec3(2, 0, 0), new Vec3(2, 0, 5e-7)]));
        Assert.That(e!.Message, Does.Contain("atoms 1 (Si) and 2 (Si)"));
        Assert.That((e.FirstAtom, e.SecondAtom, e.Distance), Is.EqualTo((1, 2, 5e-7)));
    }

    [Test]
    public void CloseAtomsAcrossThePeriodicBoundaryAreRejected()
    {
        var e = Assert.Throws<AtomsTooCloseException>(() =>
            Structure.Periodic([Si, Si], [new Vec3(0, 0, 1e-7), new Vec3(0, 0, 3.0 - 1e-7)], Cell.Cubic(3.0)));
        Assert.That(e!.Message, Does.Contain("atoms 0 (Si) and 1 (Si)").And.Contain("image"));
    }

    [Test]
    public void AtomCloseToItsOwnImageIsRejected()
    {
        var e = Assert.Throws<AtomsTooCloseException>(() =>
            Structure.Periodic([Si], [new Vec3(0, 0, 0)], new Cell(new Vec3(5e-7, 0, 0), new Vec3(0, 3, 0), new Vec3(0, 0, 3))));
        Assert.That(e!.Message, Does.Contain("own periodic image"));
    }

    [Test]
    public void InvalidGeometryIsRejected()
    {
        Assert.That(Assert.Throws<ArgumentException>(() => Structure.Isolated([Si], [new Vec3(double.NaN, 0, 0)]))!.Message,
            Does.Contain("atom 0"));
        Assert.Throws<ArgumentException>(() => Structure.Isolated([Si, Si], [new Vec3(0, 0, 0)]));
        var flat = new Cell(new Vec3(1, 0, 0), new Vec3(0, 1, 0), new Vec3(0, 0, 0));
        Assert.That(Assert.Throws<ArgumentException>(() => new Structure([Si], [Vec3.Zero], flat, new Pbc(true, false, false)))!.Message,
            Does.Contain("singular"));
        // An open structure may have a singular (or no) cell.
        Assert.DoesNotThrow(() => _ = new Structure([Si], [Vec3.Zero], flat, Pbc.None));
    }

    [Test]
    public void InvalidReferenceDataIsRejected()
    {
        var s = Structure.Isolated([Si, Si], [new Vec3(0, 0, 0), new Vec3(0, 0, 2)]);
        Assert.Throws<ArgumentException>(() => s.WithReferenceData(double.NaN, null, null));
        Assert.Throws<ArgumentException>(() => s.WithReferenceData(1, [Vec3.Zero], null));
        Assert.Throws<ArgumentException>(() => s.WithReferenceData(1, [Vec3.Zero, new Vec3(0, double.PositiveInfinity, 0)], null));
        Assert.Throws<ArgumentException>(() => s.WithReferenceData(1, null, new SymmetricTensor3(double.NaN, 0, 0, 0, 0, 0)));
        Assert.Throws<ArgumentException>(() => _ = new Structure(s.Elements, s.Positions, s.Cell, s.Pbc)
        {
            AtomProperties = [AtomProperty.Integer("tags", 1, [1L])],
        });
        Assert.Throws<ArgumentException>(() => _ = new Structure(s.Elements, s.Positions, s.Cell, s.Pbc)
        {
            Info = new Dictionary<string, string> { [""] = "x" },
        });
    }

    [Test]
    public void SymmetricTensorConvertsBetweenMatrixAndVoigt()
    {
        var t = SymmetricTensor3.FromMatrix([1, 6, 5, 6, 2, 4, 5, 4, 3]);
        Assert.That(t, Is.EqualTo(new SymmetricTensor3(1, 2, 3, 4, 5, 6)));
        Span<double> m = stackalloc double[9];
        t.CopyToMatrix(m);
        Assert.That(m.ToArray(), Is.EqualTo(new double[] { 1, 6, 5, 6, 2, 4, 5, 4, 3 }));
        Assert.That(SymmetricTensor3.FromVoigt([1, 2, 3, 4, 5, 6]), Is.EqualTo(t));
        Assert.That(SymmetricTensor3.FromMatrix([0, 1, 0, 3, 0, 0, 0, 0, 0]).Xy, Is.EqualTo(2.0));
        Assert.That(t[2, 1], Is.EqualTo(4.0));
        Assert.Throws<ArgumentException>(() => SymmetricTensor3.FromVoigt([1, 2]));
    }

    [Test]
    public void PropertiesAreImmutableCopies()
    {
        var positions = new[] { new Vec3(0, 0, 0), new Vec3(0, 0, 2) };
        var s = Structure.Isolated([Si, Si], positions);
        positions[1] = new Vec3(9, 9, 9);
        Assert.That(s.Positions[1], Is.EqualTo(new Vec3(0, 0, 2)));
        Assert.That(s.AtomProperties, Is.Empty);
        Assert.That(s.Info, Is.Empty);
        Assert.That(s.Positions, Is.TypeOf<ImmutableArray<Vec3>>());
    }
}
