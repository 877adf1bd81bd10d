using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Interop.Yace;
using Ace.Core.Primitives;
using Ace.Core.Serialization;
using Ace.Core.TestUtilities;

namespace Ace.Core.Tests.Interop;

/// <summary>The .yace reader and writer, files in pacemaker's style, and the imported evaluator's derivatives.</summary>
public class YaceFileTests
{
    // A small two-element potential in pacemaker's style (own numbers): ChebExpCos with a taper, ChebPow, SBessel and
    // ChebLinear bonds, core repulsion (density and distance types), Finnis-Sinclair embeddings with two densities.
    private const string Pacemaker = """
        elements: [Al, Ni]
        E0: [-0.5, -1.25]
        deltaSplineBins: 0.001
        embeddings:
          0: {ndensity: 2, FS_parameters: [1, 1, 0.8, 0.5], npoti: FinnisSinclair, rho_core_cutoff: 200, drho_core_cutoff: 150}
          1: {ndensity: 2, FS_parameters: [1, 1, -0.6, 0.75], npoti: FinnisSinclairShiftedScaled, rho_core_cutoff: 100000, drho_core_cutoff: 250}
        bonds:
          [0, 0]: {nradmax: 2, lmax: 2, nradbasemax: 3, radbasename: ChebExpCos, radparameters: [3.1], radcoefficients: [[[0.9, 0.3, -0.2], [0.4, -0.7, 0.25], [1.1, 0.2, 0.3]], [[-0.3, 0.8, 0.5], [0.6, 0.1, -0.9], [0.2, 0.7, 0.4]]], prehc: 40, lambdahc: 2, rcut: 5.2, dcut: 0.3}
          [0, 1]: {nradmax: 2, lmax: 2, nradbasemax: 3, radbasename: ChebPow, radparameters: [2.5], radcoefficients: [[[0.5, -0.4, 0.3], [0.7, 0.2, -0.1], [0.3, 0.6, 0.2]], [[0.2, 0.9, -0.5], [-0.4, 0.3, 0.8], [0.5, -0.2, 0.6]]], prehc: 0, lambdahc: 1, rcut: 5.0, dcut: 0.01}
          [1, 0]: {nradmax: 2, lmax: 2, nradbasemax: 3, radbasename: SBessel, radparameters: [1], radcoefficients: [[[0.6, 0.1, 0.3], [0.2, -0.5, 0.4], [0.8, 0.3, -0.2]], [[0.1, 0.4, 0.7], [0.9, -0.3, 0.2], [-0.6, 0.5, 0.3]]], prehc: 0, lambdahc: 1, rcut: 5.0, dcut: 0.01}
          [1, 1]: {nradmax: 2, lmax: 2, nradbasemax: 3, radbasename: ChebLinear, radparameters: [1], radcoefficients: [[[0.4, 0.5, -0.3], [0.2, 0.6, 0.1], [0.7, -0.2, 0.5]], [[0.3, -0.1, 0.6], [0.5, 0.4, -0.2], [0.1, 0.8, 0.3]]], prehc: 30, lambdahc: 1.5, rcut: 4.8, dcut: 0.01, rcut_in: 1.9, dcut_in: 0.4, inner_cutoff_type: distance}
        functions:
          0:
            - {mu0: 0, rank: 1, ndensity: 2, num_ms_combs: 1, mus: [0], ns: [1], ls: [0], ms_combs: [0], ctildes: [-1.5, 0.7]}
            - {mu0: 0, rank: 1, ndensity: 2, num_ms_combs: 1, mus: [1], ns: [3], ls: [0], ms_combs: [0], ctildes: [0.8, -0.4]}
            - {mu0: 0, rank: 2, ndensity: 2, num_ms_combs: 2, mus: [0, 1], ns: [1, 2], ls: [1, 1], ms_combs: [0, 0, 1, -1], ctildes: [0.3, 0.2, -0.6, -0.4]}
            - {mu0: 0, rank: 3, ndensity: 2, num_ms_combs: 2, mus: [0, 0, 1], ns: [1, 2, 1], ls: [1, 1, 0], ms_combs: [0, 0, 0, 1, -1, 0], ctildes: [0.5, -0.2, -1.0, 0.4]}
            - {mu0: 0, rank: 4, ndensity: 2, num_ms_combs: 3, mus: [0, 0, 0, 0], ns: [1, 1, 2, 2], ls: [2, 2, 1, 1], ms_combs: [-1, 1, -1, 1, 0, 0, 0, 0, 2, -2, 1, -1], ctildes: [0.2, 0.1, 0.15, -0.3, -0.05, 0.2]}
          1:
            - {mu0: 1, rank: 1, ndensity: 2, num_ms_combs: 1, mus: [0], ns: [2], ls: [0], ms_combs: [0], ctildes: [1.2, 0.5]}
            - {mu0: 1, rank: 2, ndensity: 2, num_ms_combs: 3, mus: [1, 1], ns: [1, 2], ls: [2, 2], ms_combs: [0, 0, 1, -1, 2, -2], ctildes: [0.4, 0.3, -0.8, -0.6, 0.8, 0.6]}
            - {mu0: 1, rank: 3, ndensity: 2, num_ms_combs: 2, mus: [0, 1, 1], ns: [1, 1, 2], ls: [1, 1, 2], ms_combs: [0, 0, 0, 1, 0, -1], ctildes: [0.7, 0.2, 0.35, -0.1]}
        """;

    private static YacePotential PacemakerPotential() => new(YaceReader.Parse(Pacemaker, "pacemaker-style.yace"));

    private static IEnumerable<TestCaseData> Structures()
    {
        var random = new Random(23);
        yield return new TestCaseData(Fixtures.Cluster(random, 6, "Al", "Ni")).SetName("open Al-Ni cluster");
        yield return new TestCaseData(Fixtures.RattledCrystal(random, 5.3, "Al", "Ni")).SetName("periodic sheared Al-Ni cell");
    }

    [TestCaseSource(nameof(Structures))]
    public void Imported_forces_are_minus_the_finite_difference_gradient_of_the_energy(Structure structure) =>
        EnergyDerivativeChecks.AssertForcesAreMinusTheEnergyGradient(PacemakerPotential(), structure, 1e-5);

    [TestCaseSource(nameof(Structures))]
    public void Imported_virial_is_minus_the_strain_derivative_of_the_energy(Structure structure) =>
        EnergyDerivativeChecks.AssertVirialIsMinusTheStrainDerivative(PacemakerPotential(), structure);

    [Test]
    public void Imported_energy_is_rotation_invariant_and_sums_site_energies()
    {
        // The hand-written file above is not rotation invariant (its m-combinations are arbitrary); an export is.
        var basis = LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(new ChebExpCosRadialSpecification(4.5)).MaxBodyOrder(4).TotalDegree(6, 6, 4).Build();
        var potential = new YacePotential(YaceExport.ToDocument(Fixtures.RandomPotential(basis, 5)).Document);
        var cluster = Fixtures.Cluster(new Random(3), 7, "Si", "C");
        var rotation = RandomGeometry.Rotation(new Random(4));
        var rotated = cluster.WithPositions(cluster.Positions.Select(p =>
        {
            var (x, y, z) = RandomGeometry.Apply(rotation, p.X, p.Y, p.Z);
            return new Vec3(x, y, z);
        }));
        var e = potential.Evaluate(cluster);
        Assert.That(potential.Energy(rotated), Is.EqualTo(e.Energy).Within(1e-11 * Math.Abs(e.Energy)));
        Assert.That(e.SiteEnergies.Sum(), Is.EqualTo(e.Energy).Within(1e-12 * Math.Abs(e.Energy)));
        var atom = Structure.Isolated([Element.FromSymbol("Ni")], [Vec3.Zero]);
        Assert.That(PacemakerPotential().Energy(atom), Is.EqualTo(-1.25));
    }

    [Test]
    public void Writer_and_reader_round_trip_the_text()
    {
        var document = YaceReader.Parse(Pacemaker);
        var text = YaceWriter.ToText(document);
        Assert.That(YaceWriter.ToText(YaceReader.Parse(text)), Is.EqualTo(text));
        var tabulated = YaceExport.ToDocument(Fixtures.RandomPotential(Fixtures.Silicon, 2), new YaceExportOptions(YaceRadialForm.Tabulated, Tolerance: 1e-5));
        Assert.That(tabulated.Tabulated, Is.True);
        var tabulatedText = YaceWriter.ToText(tabulated.Document);
        var reread = YaceReader.Parse(tabulatedText);
        Assert.That(YaceWriter.ToText(reread), Is.EqualTo(tabulatedText));
        var s = Fixtures.RattledCrystal(new Random(1), 5.1, "Si");
        Assert.That(new YacePotential(reread).Energy(s), Is.EqualTo(new YacePotential(tabulated.Document).Energy(s)));
    }

    [Test]
    public void Export_writes_a_linear_embedding_the_reference_energies_and_the_file_atomically()
    {
        var potential = Fixtures.RandomPotential(LinearAce.Basis("Si").Cutoff(4.5).Radial(new ChebExpCosRadialSpecification(4.5))
            .MaxBodyOrder(3).TotalDegree(6, 5).Build(), 3);
        var path = Path.Combine(Path.GetTempPath(), $"ace-yace-{Guid.NewGuid():N}.yace");
        try
        {
            var result = LinearAce.ExportYace(potential, path);
            var loaded = LinearAce.LoadYace(path);
            var e = loaded.Document.Embeddings[0];
            Assert.That((e.Ndensity, e.Npoti, e.FsParameters[0], e.FsParameters[1]), Is.EqualTo((1, "FinnisSinclairShiftedScaled", 1.0, 1.0)));
            Assert.That(loaded.Document.E0[0], Is.EqualTo(Fixtures.SiliconEnergy));
            Assert.That(result.Tabulated, Is.False);
            Assert.That(loaded.Document.Bonds[new YaceBondKey(0, 0)], Is.InstanceOf<YaceAnalyticBond>());
            Assert.That(LinearAce.LoadPotential(path), Is.InstanceOf<YacePotential>());
            var json = Path.ChangeExtension(path, ".json");
            potential.Save(json);
            Assert.That(LinearAce.LoadPotential(json), Is.InstanceOf<Ace.Core.Potentials.LinearAcePotential>());
            File.Delete(json);
            Assert.That(Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"), Has.Length.EqualTo(1), "no temporary file left");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestCase("elements: [Si]\nE0: [0, 1]\n", "E0", "line 2")]
    [TestCase("elements: [Si]\nE0: [0]\nembeddings: {}\nbonds: {}\n", "functions", "missing")]
    [TestCase("elements: [Si]\nE0: [0]\nembeddings:\n  0: {ndensity: 1, FS_parameters: [1, 1], npoti: Other, rho_core_cutoff: 1, drho_core_cutoff: 1}\nbonds: {}\nfunctions: {}\n", "npoti", "line 4")]
    [TestCase("elements: [Si]\nE0: [0]\nembeddings: {}\nbonds:\n  [0, 0]: {radbasename: Foo, nradmax: 1, lmax: 0, nradbasemax: 1, radparameters: [1], radcoefficients: [[[1]]], rcut: 5}\nfunctions: {}\n", "Foo", "line 5")]
    [TestCase("elements: [Si]\nE0: [0]\nembeddings: {}\nbonds: {}\nfunctions:\n  0:\n    - {mu0: 0, rank: 2, ndensity: 1, num_ms_combs: 1, mus: [0, 0], ns: [1, 1], ls: [1, 1], ms_combs: [0, 2], ctildes: [1]}\n", "m = 2", "line 7")]
    [TestCase("elements: [Si\nE0: [0]\n", "not valid YAML", "line")]
    public void Bad_files_are_rejected_with_line_and_key(string text, string what, string where)
    {
        var e = Assert.Throws<PotentialFormatException>(() => YaceReader.Parse(text, "bad.yace"))!;
        Assert.That(e.Message, Does.Contain("bad.yace").And.Contain(what).And.Contain(where));
    }

    [Test]
    public void A_function_on_a_missing_bond_is_named()
    {
        var text = "elements: [Si, C]\nE0: [0, 0]\nembeddings:\n  0: {ndensity: 1, FS_parameters: [1, 1], npoti: FinnisSinclairShiftedScaled, rho_core_cutoff: 1e5, drho_core_cutoff: 1}\n"
            + "bonds:\n  [0, 0]: {radbasename: ChebExpCos, nradmax: 1, lmax: 0, nradbasemax: 1, radparameters: [1], radcoefficients: [[[1]]], rcut: 5}\n"
            + "functions:\n  0:\n    - {mu0: 0, rank: 1, ndensity: 1, num_ms_combs: 1, mus: [1], ns: [1], ls: [0], ms_combs: [0], ctildes: [1]}\n";
        var e = Assert.Throws<PotentialFormatException>(() => new YacePotential(YaceReader.Parse(text), "x.yace"))!;
        Assert.That(e.Message, Does.Contain("no bond [0, 1]"));
    }

    // Fuzz findings (2026-12-02, the yace target's million-input run): an unknown element symbol escaped as ArgumentException,
    // and YamlDotNet's node loader threw ArgumentException on a key without a name. Both are PotentialFormatException now.
    [TestCase("not valid YAML", "ZWxlbWVudHM6IFtTaV0KRTA6IFswXQpkZWx0YVNwbGluZUJpbnM6IDAuMDAwMzkzODM4NjEzMjk0MjQxMgpsbWF4czoKICA6IDAKZW1iZWRkaW5nczoKICAwOiB7bmRlbnNpdHk6IDEsIEZTX3BhcmFtZXRlcnM6IFsxLCAxXSwgbnBvdGk6IEZpbm5pc1NpbmNsYWlyU2hpZnRlZFNjYWxlZCwgcmhvX2NvcmVfY3V0b2ZmOiAxMDAwMDAsIGRyaG9fY29yZV9jdXRvZmY6IDI1MH0KYm9uZHM6CiAgWzAsIDBdOiB7bnJhZG1heDogNCwgbG1heDogMCwgbnJhZGJhc2VtYXg6IDQsIHJhZGJhc2VuYW1lOiBDaGViRXhwQ29zLCByYWRwYXLhbWV0ZXJzOiBbNS4yNV0sIHJhZGNvZWZmaWNpZW50czogW1tbMSwgMCwgMCwgMF1dLCBbWzAsIDEsIDAsIDBdXSwgW1swLCAwLCAxLCAwXV0sIFtbMCwgMCwgMF0sIGN0aWxkZXM6IFswLjAxNDk1ODcxNTI4MTM1MTQ5NV19CiAgICAtIHttdTA6IDAsIHJhbms6IDEsIG5kZW5zaXR5OiAxLCBudW1fbXNfY29tYnM6IDEsIG11czogMCwgMV1dXSwgcHJlaGM6IDAsIGxhbWJkYWpjOiAxLCByY3V0OiA0LjUsIGRjdXQ6IDAsIHJjdXRfaW46IDAsIGRjdXRfaW46IDAsIGlubmVyX2N1dG9mZl90eXBlOiBkaXN0YW5jZX0KZnVuY3Rpb25zOgogIDA6CiAgICAtIHttdTA6IDAsIHJhbms6dGlsZGVzOiBbMC4wMzUzNTIzMzYzMjAyNDQ5Nl19CiAgICAtIHttdTA6IDAsIHJhbms6IDEsIG5kZW5zaSAxLCBuZGVuc2l0eTogMSwgbnVtX21zX2NvbWJzOiAxLCBtdXM6IFswXSwgbnM6IFsxXSwgbHM6IFswXSwgbXNfY29tYnM6IFswXSwgY3RpbGRlczogWzAuMDM1MzUyMzM2MzIwMjQ0OTZdfQogICAgLSB7bXUwOiAwLCByYW5rOiAxLCBuZGVuc2l0eTogMSwgbnVtX21zX2NvbWJzOiAxLCBtdXM6IFswXSwgbnM6IFsyXSwgbHM6IFswXSwgbXNfY29tYnM6IFswXSwgY3RpbGRlczogWzAuMDIwMzU0NzM5NTg4NjkzOTA2XX0KICAgIC0ge211MDogMCwgcmFuazogMSwgbmRlbnNpdHk6IDEsIG51bV9tc19jb21iczogMSwgbXVzOiBbMF0sIG5zOiBbM10sIGxzOiBbMF0sIG1zX2NvbWJzOiBbMF0sIGN0aWxkZXM6IFswLjAxNDk1ODcxNTI4MTM1MTQ5NV19CiAgICAtIHttdTA6IDAsIHJhbms6IDEsIG5kZW5zaXR5OiAxLCBudW1fbXNfY29tYnM6IDEsIG11czogWzBdLCBucywgbXNfY29tYnM6IFswXSwgY3RpbGRlczogWzAuMDM1MzUyMzM2MzIwOiBbNF0sIGxzOiBbMF0sIG1zX2NvbWJzOiBbMF0sIGN0aWxkZXM6IFswLjAwNzA1MjM2OTc5NDM0Njk1NF19CiAgICAtIHttdTA6IDAsIHJhbms6IDIsIG5kZW5zaXR5OiAxLCBudW1fbXNfY29tYnM6IDEsIG11czogWzAsIDBdLCBuczogWzEsIDFdLCBsczogWzAsIDBdLCBtc19jb21iczogWzAsIDBdLCBjdGlsZGVzOg==")]
    [TestCase("is not a chemical element symbol", "ZWxlbWVudHM6IFvwU2ldCkUwOiBbMF0KZGVsdGFTcGxpbmVCaW5zOiAwLjAwMDM5MzgzODYxMzI5NDI0MTIKbG1heDogMAplbWJlZGRpbmdzOgogIDA6IHtuZGVuc2l0eTogMSwgRlNfcGFyYW1ldGVyczogWzEsIDFdLCBucG90aTogRmlubmlzU2luY2xhaXJTaGlmdGVkU2NhbGVkLCByaG9fY29yZV9jdXRvZmY6IDEwMDAwMCwgZHJob19jb3JlX2N1dG9mZjogMjUwfQpib25kczoKICBbMCwgMF06IHtucmFkbWF4OiA0LCBsbWF4OiAwLCBucmFkYmFzZW1heDogNCwgcmFkYmFzZW5hbWU6IENoZWJFeHBDb3MsIHJhZHBhcmFtZXRlcnM6IFs1LjI1XSwgcmFkY29lZmZpY2llbnRzOiBbW1sxLCAwLCAwLCAwXV0sIFtbMCwgMSwgMCwgMF1dLCBbWzAsIDAsIDEsIDBdXSwgW1swLCAwLCAwLCAxXV1dLCBwcmVoYzogMCwgbGFtYmRhaGM6IDEsIHJjdXQ6IDQuNSwgZGN1dDogMCwgcmN1dF9pbjogMCwgZGN1dF9pbjogMCwgaW5uZXJfY3V0b2ZmX3R5cGU6IGRpc3RhbmNlfQpmdW5jdGlvbnM6CiAgMDoKICAgIC0ge211MDogMCwgcmFuazogMSwgbmRlbnNpdHk6IDEsIG51bV9tc19jb21iczogMSwgbXVzOiBbMF0sIG5zOiBbMV0sIGxzOiBbMF0sIG1zX2NvbWJzOiBbMF0sIGN0aWxkZXM6IFswLjAzNTM1MjMzNjMyMDI0NDk2XX0KICAgIC0ge211MDogMCwgcmFuazogMSwgbmRlbnNpdHk6IDEsIG51bV9tc19jb21iczogMSwgbXVzOiBbMF0sIG5zOiBbMl0sIGxzOiBbMF0sIG1zX2NvbWJzOiBbMF0sIGN0aWxkZXM6IFswLjAyMDM1NDczOTU4ODY5MzkwNl19CiAgICAtIHttdTA6IDAsIHJhbms6IDEsIG5kZW5zaXR5OiAxLCBudW1fbXNfY29tYnM6IDEsIG11czogWzBdLCBuczogWzNdLCBsczogWzBdLCBtc19jb21iczogWzBdLCBjdGlsZGVzOiBbMC4wMTQ5NTg3MTUyODEzNTE0OTVdfQogICAgLSB7bXUwOiAwLCByYW5rOiAxLCBuZGVuc2l0eTogMSwgbnVtX21zX2NvbWJzOiAxLCBtdXM6IFswXSwgbnM6IFs0XSwgbHM6IFswXSwgbXNfY29tYnM6IFswXSwgY3RpbGRlczogWzAuMDA3MDUyMzY5Nzk0MzQ2OTU0XX0KICAgIC0ge211MDogMCwgcmFuazogMiwgbmRlbnNpdHk6IDEsIG51bV9tc19jb21iczogMSwgbXVzOiBbMCwgMF0sIG5zOiBbMSwgMV0sIGxzOiBbMCwgMF0sIG1zX2NvbWJzOiBbMCwgMF0sIGN0aWxkZXM6IFswLjAwMTU5MTU0OTQzMDkxODk1MzFdfQogICAgLSB7bXUwOiAwLCByYW5rOiAyLCBuZGVuc2l0eTogMSwgbnVtX21zX2NvbWJzOiAxLCBtdXM6IFswLCAwXSwgbnM6IFsxLCAyXSwgbHM6IFswLCAwXSwgbXNfY29tYnM6IFswLCAwXSwgY3RpbGRlczogWzAuMDAxMzI2MjkxMTkyNDMyNDYwOV19Cg==")]
    public void FuzzedFilesAreReportedAsFormatErrors(string expected, string base64)
    {
        var text = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        var e = Assert.Throws<PotentialFormatException>(() => _ = new YacePotential(YaceReader.Parse(text, "fuzz.yace"), "fuzz.yace"))!;
        Assert.That(e.Message, Does.Contain("fuzz.yace").And.Contain(expected));
    }
}
