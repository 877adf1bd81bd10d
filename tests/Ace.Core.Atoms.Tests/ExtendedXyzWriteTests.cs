using System.Collections.Immutable;
using System.Globalization;
using Ace.Core.Atoms;
using Ace.Core.Primitives;
using CsCheck;

namespace Ace.Core.Atoms.Tests;

public class ExtendedXyzWriteTests
{
    private static readonly Element[] Palette = [.. new[] { "H", "C", "O", "Si", "Fe", "W" }.Select(Element.FromSymbol)];

    private static readonly Gen<double> Real = Gen.OneOf(Gen.Double[-1e3, 1e3], Gen.Double.Where(double.IsFinite), Gen.Double[-1, 1]);

    private static readonly Gen<string> Text = Gen.OneOf(
        Gen.Char["abcXYZ09_.-"].Array[1, 8].Select(c => new string(c)),
        Gen.Char["ab \t\"\\=\n[]{}"].Array[0, 8].Select(c => new string(c)));

    private static readonly Gen<Structure> Structures =
        from atoms in Gen.Int[0, 12]
        from seed in Gen.Int
        from periodic in Gen.Bool.Array[3]
        from energy in Real
        from hasEnergy in Gen.Bool
        from hasForces in Gen.Bool
        from hasVirial in Gen.Bool
        from forces in Gen.Select(Real, Real, Real, (x, y, z) => new Vec3(x, y, z)).Array[atoms]
        from virial in Real.Array[6]
        from configType in Gen.OneOf(Gen.Const((string?)null), Text.Select(t => (string?)t))
        from weight in Gen.OneOf(Gen.Const((double?)null), Gen.Double[0, 100].Select(w => (double?)w))
        from infoValues in Text.Array[0, 4]
        from tags in Gen.Long.Array[atoms]
        from flags in Gen.Bool.Array[atoms]
        from labels in Gen.Char["abcdef"].Array[1, 4].Select(c => new string(c)).Array[atoms]
        select Build(atoms, seed, periodic, hasEnergy ? energy : null, hasForces ? forces : null,
            hasVirial ? virial : null, configType, weight, infoValues, tags, flags, labels);

    private static Structure Build(int atoms, int seed, bool[] periodic, double? energy, Vec3[]? forces, double[]? virial,
        string? configType, double? weight, string[] infoValues, long[] tags, bool[] flags, string[] labels)
    {
        var random = new Random(seed);
        var pbc = new Pbc(periodic[0], periodic[1], periodic[2]);
        var cell = pbc.Any || random.Next(2) == 0 ? TestStructures.SkewedCell(random, 5.0) : Cell.Zero;
        var s = TestStructures.RandomInCell(random, pbc.Any ? cell : TestStructures.SkewedCell(random, 5.0), pbc, atoms, Palette);
        return new Structure(s.Elements, s.Positions, cell, pbc)
        {
            Energy = energy,
            Forces = forces?.ToImmutableArray(),
            Virial = virial is null ? null : SymmetricTensor3.FromVoigt(virial),
            ConfigType = configType,
            Info = infoValues.Select((v, i) => (Key: $"key{i}", Value: v))
                .Append(weight is { } w ? (Key: "energy_weight", Value: w.ToString("R", CultureInfo.InvariantCulture)) : (Key: "virial_weight", Value: "1"))
                .ToDictionary(p => p.Key, p => p.Value),
            AtomProperties =
            [
                AtomProperty.Integer("tags", 1, tags),
                AtomProperty.Logical("fixed", 1, flags),
                AtomProperty.String("label", 1, labels),
                AtomProperty.Real("vel", 3, s.Positions.SelectMany(r => new[] { r.Z / 3, -r.X, r.Y * 1e-7 })),
            ],
        };
    }

    [Test]
    public void WriteThenReadReturnsEqualData_Property()
    {
        Structures.Array[1, 3].Sample(structures =>
        {
            var text = ExtendedXyz.ToText(structures);
            // The generator only keeps atoms 1e-6 A apart (the constructor's rule), not the reader's physical 0.1 A.
            var again = ExtendedXyz.ParseText(text, ExtendedXyzOptions.Default with { MinimumSeparation = 0 });
            Assert.That(again, Has.Count.EqualTo(structures.Length));
            for (int k = 0; k < structures.Length; k++)
            {
                StructureAssert.SameData(structures[k], again[k], $"frame {k}");
            }
        }, iter: 300);
    }

    [Test]
    public void NumbersUseRoundTripInvariantFormatting()
    {
        var s = Structure.Isolated([Palette[0]], [new Vec3(0.1, 1.0 / 3.0, -2.5e-300)]);
        var text = ExtendedXyz.ToText([s.WithReferenceData(-1234.5678901234567, null, null)]);
        Assert.That(text, Does.Contain("H 0.1 0.3333333333333333 -2.5E-300"));
        Assert.That(text, Does.Contain("energy=-1234.5678901234567"));
        Assert.That(text, Does.Contain("pbc=\"F F F\""));
        Assert.That(text, Does.Not.Contain("Lattice"));
    }

    [Test]
    public void WriteIsAtomic()
    {
        var directory = Directory.CreateTempSubdirectory("ace-write-");
        try
        {
            var path = Path.Combine(directory.FullName, "out.xyz");
            var one = Structure.Isolated([Palette[0]], [Vec3.Zero]);
            ExtendedXyz.Write(path, [one, one]);
            var before = File.ReadAllText(path);
            Assert.That(ExtendedXyz.ReadAll(path), Has.Count.EqualTo(2));

            static IEnumerable<Structure> Failing(Structure s)
            {
                yield return s;
                throw new InvalidOperationException("source failed");
            }
            Assert.Throws<InvalidOperationException>(() => ExtendedXyz.Write(path, Failing(one)));
            Assert.That(File.ReadAllText(path), Is.EqualTo(before), "the old file is untouched");
            Assert.That(directory.GetFiles(), Has.Length.EqualTo(1), "no temporary file is left behind");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Test]
    public void ClashingKeysAreRejected()
    {
        var s = Structure.Isolated([Palette[0]], [Vec3.Zero]);
        var withEnergyInfo = new Structure(s.Elements, s.Positions, s.Cell, s.Pbc)
        {
            Info = new Dictionary<string, string> { ["energy"] = "1" },
        };
        Assert.That(Assert.Throws<ArgumentException>(() => ExtendedXyz.ToText([withEnergyInfo]))!.Message, Does.Contain("'energy'"));
        var withPosProperty = new Structure(s.Elements, s.Positions, s.Cell, s.Pbc)
        {
            AtomProperties = [AtomProperty.Real("pos", 1, [1.0])],
        };
        Assert.Throws<ArgumentException>(() => ExtendedXyz.ToText([withPosProperty]));
    }
}
