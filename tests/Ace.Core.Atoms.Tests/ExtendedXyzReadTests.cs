using Ace.Core.Atoms;
using Ace.Core.Primitives;

namespace Ace.Core.Atoms.Tests;

public class ExtendedXyzReadTests
{
    private const string Rich =
        "3\n" +
        "Lattice=\"5.0 0.0 0.0 1.0 6.0 0.0 0.5 0.25 7.0\" Properties=species:S:1:pos:R:3:forces:R:3:tags:I:1:vel:R:3:fixed:L:1:label:S:1 " +
        "energy=-12.5 virial=\"1 0.5 0.25 0.5 2 0.125 0.25 0.125 3\" config_type=\"bulk amorphous\" energy_weight=30 force_weight=1.5 " +
        "virial_weight=0.5 free_energy=-12.75 \"quoted key\"=\"a \\\"b\\\" c\" flag nested=[1, 2, 3] spaced = 7 pbc=\"T T F\"\n" +
        "Si\t0.1\t0.2\t0.3\t1e-3\t-2.5\t0\t7\t0.1 0.2 0.3\tT\tfirst\n" +
        "C  1.5  1.0  2.0  0  0  0  -1  0 0 0 F second\n" +
        "Si 3.0 3.5 4.0 -1 2.5 0 2 1 1 1 T third\n";

    [Test]
    public void ReadsEveryPartOfARichFrame()
    {
        var s = ExtendedXyz.ParseText(Rich, sourceName: "rich.xyz").Single();
        Assert.That(s.Elements.Select(e => e.Symbol), Is.EqualTo(new[] { "Si", "C", "Si" }));
        Assert.That(s.Positions[1], Is.EqualTo(new Vec3(1.5, 1.0, 2.0)));
        Assert.That(s.Cell, Is.EqualTo(new Cell(new Vec3(5, 0, 0), new Vec3(1, 6, 0), new Vec3(0.5, 0.25, 7))));
        Assert.That(s.Pbc, Is.EqualTo(new Pbc(true, true, false)));
        Assert.That(s.Energy, Is.EqualTo(-12.5));
        Assert.That(s.Forces!.Value[0], Is.EqualTo(new Vec3(1e-3, -2.5, 0)));
        Assert.That(s.Virial, Is.EqualTo(new SymmetricTensor3(1, 2, 3, 0.125, 0.25, 0.5)));
        Assert.That(s.ConfigType, Is.EqualTo("bulk amorphous"));
        Assert.That(s.Info.Keys, Is.EqualTo(new[] { "energy_weight", "force_weight", "virial_weight", "free_energy", "quoted key", "flag", "nested", "spaced" }),
            "fit weights are info like any other key");
        Assert.That((s.Info["energy_weight"], s.Info["force_weight"], s.Info["virial_weight"]), Is.EqualTo(("30", "1.5", "0.5")));
        Assert.That(s.Info["quoted key"], Is.EqualTo("a \"b\" c"));
        Assert.That(s.Info["flag"], Is.EqualTo("T"));
        Assert.That(s.Info["nested"], Is.EqualTo("[1, 2, 3]"));
        Assert.That(s.Info["spaced"], Is.EqualTo("7"));
        Assert.That(s.AtomProperties.Select(p => p.Name), Is.EqualTo(new[] { "tags", "vel", "fixed", "label" }));
        Assert.That(s.AtomProperties[0].IntegerValues, Is.EqualTo(new long[] { 7, -1, 2 }));
        Assert.That(s.AtomProperties[1].RealValues, Is.EqualTo(new[] { 0.1, 0.2, 0.3, 0, 0, 0, 1, 1, 1 }));
        Assert.That(s.AtomProperties[2].LogicalValues, Is.EqualTo(new[] { true, false, true }));
        Assert.That(s.AtomProperties[3].StringValues, Is.EqualTo(new[] { "first", "second", "third" }));
    }

    [Test]
    public void RichFrameRoundTrips()
    {
        var s = ExtendedXyz.ParseText(Rich).Single();
        var again = ExtendedXyz.ParseText(ExtendedXyz.ToText([s])).Single();
        StructureAssert.SameData(s, again);
    }

    [Test]
    public void ForceColumnNamesAreConfigurable()
    {
        const string both = "1\nProperties=species:S:1:pos:R:3:force:R:3:forces:R:3\nH 0 0 0 1 2 3 4 5 6\n";
        var auto = ExtendedXyz.ParseText(both).Single();
        Assert.That(auto.Forces!.Value[0], Is.EqualTo(new Vec3(4, 5, 6)), "'forces' is preferred");
        Assert.That(auto.AtomProperties.Single().Name, Is.EqualTo("force"));
        var chosen = ExtendedXyz.ParseText(both, new ExtendedXyzOptions { ForcesKey = "force" }).Single();
        Assert.That(chosen.Forces!.Value[0], Is.EqualTo(new Vec3(1, 2, 3)));
        var custom = ExtendedXyz.ParseText("1\nProperties=species:S:1:pos:R:3:dft_f:R:3 E=2\nH 0 0 0 1 2 3\n",
            new ExtendedXyzOptions { ForcesKey = "dft_f", EnergyKey = "E" }).Single();
        Assert.That(custom.Forces!.Value[0], Is.EqualTo(new Vec3(1, 2, 3)));
        Assert.That(custom.Energy, Is.EqualTo(2.0));
        var none = ExtendedXyz.ParseText("1\nProperties=species:S:1:pos:R:3:force:R:3\nH 0 0 0 1 2 3\n",
            new ExtendedXyzOptions { ForcesKey = "forces" }).Single();
        Assert.That(none.Forces, Is.Null);
    }

    [Test]
    public void StressIsConvertedToVirial()
    {
        var s = ExtendedXyz.ParseText(
            "1\nLattice=\"2 0 0 0 2 0 0 0 2\" Properties=species:S:1:pos:R:3 stress=\"0.1 0.2 0.3 0.4 0.5 0.6\"\nSi 0 0 0\n").Single();
        Assert.That(s.Virial, Is.EqualTo(-8.0 * new SymmetricTensor3(0.1, 0.2, 0.3, 0.4, 0.5, 0.6)));
        Assert.That(s.Stress!.Value.Xx, Is.EqualTo(0.1).Within(1e-15));
        Assert.That(s.Info, Is.Empty);
    }

    [Test]
    public void DefaultsFollowAse()
    {
        var plain = ExtendedXyz.ParseText("2\nplain comment\nH 0 0 0\nH 0 0 0.74\n").Single();
        Assert.That(plain.Pbc, Is.EqualTo(Pbc.None));
        Assert.That(plain.Cell.IsZero, Is.True);
        Assert.That(plain.Info["plain"], Is.EqualTo("T"));
        var lattice = ExtendedXyz.ParseText("1\nLattice=\"3 0 0 0 3 0 0 0 3\"\nH 0 0 0\n").Single();
        Assert.That(lattice.Pbc, Is.EqualTo(Pbc.All));
        var byZ = ExtendedXyz.ParseText("1\nProperties=Z:I:1:pos:R:3\n14 0 0 0\n").Single();
        Assert.That(byZ.Elements[0].Symbol, Is.EqualTo("Si"));
        Assert.That(byZ.AtomProperties, Is.Empty);
    }

    [Test]
    public void ReadsFrameByFrameWithoutReadingAhead()
    {
        var text = string.Concat(Enumerable.Repeat("2\nProperties=species:S:1:pos:R:3\nH 0 0 0\nH 0 0 1\n", 3)) + "garbage\n";
        using var reader = new CountingReader(text);
        using var frames = ExtendedXyz.Read(reader, sourceName: "s").GetEnumerator();
        Assert.That(frames.MoveNext(), Is.True);
        Assert.That(reader.LinesRead, Is.EqualTo(4), "only the first frame was read");
        Assert.That(frames.MoveNext() && frames.MoveNext(), Is.True);
        var e = Assert.Throws<ExtendedXyzException>(() => frames.MoveNext());
        Assert.That(e!.LineNumber, Is.EqualTo(13));
    }

    private sealed class CountingReader(string text) : StringReader(text)
    {
        public int LinesRead { get; private set; }

        public override string? ReadLine()
        {
            var line = base.ReadLine();
            if (line is not null)
            {
                LinesRead++;
            }
            return line;
        }
    }
}
