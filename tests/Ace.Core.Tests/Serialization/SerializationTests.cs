using System.Text.Json.Nodes;
using Ace.Core.Potentials;
using Ace.Core.Serialization;

namespace Ace.Core.Tests.Serialization;

public class SerializationTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ace-core-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Predictions_after_loading_are_bitwise_equal()
    {
        var potential = Fixtures.RandomPotential(Fixtures.SiliconCarbon, seed: 12);
        var path = Path.Combine(_folder, "si-c.json");
        potential.Save(path);
        var loaded = LinearAce.Load(path);
        Assert.That(loaded.Coefficients.ToArray(), Is.EqualTo(potential.Coefficients.ToArray()));
        Assert.That(loaded.Basis.Specification, Is.EqualTo(potential.Basis.Specification).Using(new JsonEquality()));
        Assert.That(loaded.ReferenceEnergies, Is.EquivalentTo(potential.ReferenceEnergies));
        var random = new Random(4);
        foreach (var s in new[] { Fixtures.RattledCrystal(random, 5.0, "Si", "C"), Fixtures.Cluster(random, 5, "C", "Si") })
        {
            var a = potential.Evaluate(s);
            var b = loaded.Evaluate(s);
            Assert.That(BitConverter.DoubleToInt64Bits(b.Energy), Is.EqualTo(BitConverter.DoubleToInt64Bits(a.Energy)));
            Assert.That(b.Forces, Is.EqualTo(a.Forces));
            Assert.That(b.Virial, Is.EqualTo(a.Virial));
        }
        Assert.That(Directory.GetFiles(_folder), Is.EqualTo(new[] { path }), "no temporary file is left behind");
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_fitted_radial_potential_round_trips_bitwise(bool pure2b)
    {
        var potential = Fixtures.RandomPotential(pure2b ? Fixtures.FittedSiliconCarbonPure2b : Fixtures.FittedSiliconCarbon, seed: 13);
        var path = Path.Combine(_folder, "fitted.json");
        potential.Save(path);
        Assert.That(File.ReadAllText(path), Does.Contain("\"Fitted\"").And.Contain("primitiveCount"));
        Assert.That(File.ReadAllText(path).Contains("Pure2b", StringComparison.Ordinal), Is.EqualTo(pure2b));
        var loaded = LinearAce.Load(path);
        Assert.That(loaded.Basis.FittedRadialParameters!.Values(), Is.EqualTo(potential.Basis.FittedRadialParameters!.Values()));
        Assert.That(loaded.Basis.Specification, Is.EqualTo(potential.Basis.Specification).Using(new JsonEquality()));
        var s = Fixtures.RattledCrystal(new Random(6), 5.0, "Si", "C");
        var (a, b) = (potential.Evaluate(s), loaded.Evaluate(s));
        Assert.That(BitConverter.DoubleToInt64Bits(b.Energy), Is.EqualTo(BitConverter.DoubleToInt64Bits(a.Energy)));
        Assert.That(b.Forces, Is.EqualTo(a.Forces));
        Assert.That(b.Virial, Is.EqualTo(a.Virial));
    }

    [Test]
    public void The_study_basis_round_trips_ACE1x_pair_basis_selection_and_pure2b()
    {
        // New in issue 14: the "EnvelopedLegendre" pair radial kind, TotalDegreeSelection.Arithmetic and pure2b; files
        // without them load as before (the arithmetic defaults to Exact).
        var basis = LinearAce.Basis("Si").Cutoff(5.5).Radial(r0: 2.3).TotalDegree(8, 6, 4)
            .DegreeArithmetic(Basis.TotalDegreeArithmetic.Ace1xFloatingPoint).PairBasis(8).WithoutCorrelationOrderOne()
            .Purify(new Basis.PurificationOptions(Basis.PurificationKind.Pure2b)).Build();
        var random = new Random(3);
        var potential = Fixtures.RandomPotential(basis, seed: 3);
        var json = PotentialSerializer.ToJson(potential);
        Assert.That(json, Does.Contain("\"EnvelopedLegendre\"").And.Contain("Ace1xFloatingPoint").And.Contain("Pure2b"));
        var path = Path.Combine(_folder, "study.json");
        potential.Save(path);
        var loaded = LinearAce.Load(path);
        Assert.That(loaded.Basis.Specification, Is.EqualTo(potential.Basis.Specification).Using(new JsonEquality()));
        var s = Fixtures.Cluster(random, 5, "Si");
        Assert.That(loaded.Energy(s), Is.EqualTo(potential.Energy(s)));
        var old = JsonNode.Parse(json)!;
        RemoveArithmetic(old);
        old.AsObject().Remove("checksum");   // a version-1 file: written before the checksum
        old["version"] = 1;
        var oldPath = Path.Combine(_folder, "old.json");
        File.WriteAllText(oldPath, old.ToJsonString());
        var selection = (Basis.TotalDegreeSelection)LinearAce.Load(oldPath).Basis.Specification.Selection;
        Assert.That(selection.Arithmetic, Is.EqualTo(Basis.TotalDegreeArithmetic.Exact), "a file without the field keeps the exact rule");
    }

    private static void RemoveArithmetic(JsonNode node)
    {
        if (node is JsonObject o)
        {
            o.Remove("arithmetic");
            foreach (var (_, child) in o.ToList())
            {
                if (child is not null)
                {
                    RemoveArithmetic(child);
                }
            }
        }
        else if (node is JsonArray a)
        {
            foreach (var child in a)
            {
                if (child is not null)
                {
                    RemoveArithmetic(child);
                }
            }
        }
    }

    [Test]
    public void The_document_has_a_format_a_version_and_readable_labels()
    {
        var json = JsonNode.Parse(PotentialSerializer.ToJson(Fixtures.RandomPotential(Fixtures.Silicon, seed: 1)))!;
        Assert.That((string?)json["format"], Is.EqualTo(PotentialSerializer.FormatName));
        Assert.That((int?)json["version"], Is.EqualTo(PotentialSerializer.CurrentVersion));
        Assert.That((string?)json["functions"]![0], Does.StartWith("Si nu=1"));
        Assert.That((double?)json["referenceEnergies"]!["Si"], Is.EqualTo(Fixtures.SiliconEnergy));
    }

    [Test]
    public void Saving_over_an_existing_file_replaces_it()
    {
        var path = Path.Combine(_folder, "p.json");
        Fixtures.RandomPotential(Fixtures.Silicon, seed: 1).Save(path);
        var second = Fixtures.RandomPotential(Fixtures.Silicon, seed: 2);
        second.Save(path);
        Assert.That(LinearAcePotential.Load(path).Coefficients.ToArray(), Is.EqualTo(second.Coefficients.ToArray()));
    }

    [Test]
    public void A_newer_version_is_refused_with_a_clear_error()
    {
        var json = JsonNode.Parse(PotentialSerializer.ToJson(Fixtures.RandomPotential(Fixtures.Silicon, seed: 1)))!;
        json["version"] = PotentialSerializer.CurrentVersion + 1;
        var path = Path.Combine(_folder, "newer.json");
        File.WriteAllText(path, json.ToJsonString());
        var e = Assert.Throws<PotentialFormatException>(() => LinearAcePotential.Load(path))!;
        Assert.That(e.Message, Does.Contain(path).And.Contain($"version {PotentialSerializer.CurrentVersion + 1}").And.Contain("newer"));
    }

    [TestCase("{\"format\": \"Ace.Core.LinearAcePotential\", \"version\": 1, \"basis\": ", "not valid JSON")]
    [TestCase("[1, 2, 3]", "no \"format\"")]
    [TestCase("{\"format\": \"something else\", \"version\": 1}", "something else")]
    [TestCase("{\"format\": \"Ace.Core.LinearAcePotential\"}", "version")]
    [TestCase("{\"format\": \"Ace.Core.LinearAcePotential\", \"version\": 1}", "lacks")]
    public void Corrupt_documents_are_refused_with_a_clear_error(string text, string expected)
    {
        var e = Assert.Throws<PotentialFormatException>(() => PotentialSerializer.FromJson(text))!;
        Assert.That(e.Message, Does.Contain(expected));
    }

    [Test]
    public void Coefficients_that_do_not_fit_the_basis_are_refused()
    {
        var json = JsonNode.Parse(PotentialSerializer.ToJson(Fixtures.RandomPotential(Fixtures.Silicon, seed: 1)))!;
        json["coefficients"]!.AsArray().RemoveAt(0);
        var e = Assert.Throws<PotentialFormatException>(() => PotentialSerializer.FromJson(json.ToJsonString()))!;
        Assert.That(e.Message, Does.Contain("coefficients"));
        json = JsonNode.Parse(PotentialSerializer.ToJson(Fixtures.RandomPotential(Fixtures.Silicon, seed: 1)))!;
        json["functions"]![0] = "Si nu=9";
        Assert.That(Assert.Throws<PotentialFormatException>(() => PotentialSerializer.FromJson(json.ToJsonString()))!.Message, Does.Contain("function 0"));
    }

    [Test]
    public void Every_edit_after_saving_is_detected_naming_the_section()
    {
        var json = PotentialSerializer.ToJson(Fixtures.RandomPotential(Fixtures.Silicon, seed: 1));
        Assert.That(JsonNode.Parse(json)!["checksum"]!["algorithm"]!.GetValue<string>(), Is.EqualTo("sha256"));
        string Edit(Action<JsonNode> edit)
        {
            var node = JsonNode.Parse(json)!;
            edit(node);
            return Assert.Throws<PotentialFormatException>(() => PotentialSerializer.FromJson(node.ToJsonString()))!.Message;
        }
        Assert.That(Edit(n => n.AsObject().Remove("referenceEnergies")), Does.Contain("\"referenceEnergies\""));
        Assert.That(Edit(n => n["referenceEnergies"]!.AsObject().Remove("Si")), Does.Contain("\"referenceEnergies\"").And.Contain("changed after saving"));
        Assert.That(Edit(n => n["basis"]!["radial"]!["r0"] = n["basis"]!["radial"]!["r0"]!.GetValue<double>() + 0.01), Does.Contain("\"basis\"").And.Contain("changed after saving"));
        var digit = JsonNode.Parse(json)!["coefficients"]![3]!.GetValue<double>();
        Assert.That(Edit(n => n["coefficients"]![3] = digit * (1 + 1e-12)), Does.Contain("\"coefficients\"").And.Contain("changed"));
        Assert.That(Edit(n => n["trust"] = new JsonObject { ["added"] = 1 }), Does.Contain("\"trust\"").And.Contain("added after saving"));
        Assert.That(Edit(n => n.AsObject().Remove("checksum")), Does.Contain("no \"checksum\""));
        Assert.That(Edit(n => n["referenceEnergies"]!["Si"] = double.MaxValue), Does.Contain("referenceEnergies"));
        // Whitespace and key order are not content.
        var reordered = JsonNode.Parse(json)!.AsObject();
        var basis = reordered["basis"]!.DeepClone();
        reordered.Remove("basis");
        reordered["basis"] = basis;
        Assert.DoesNotThrow(() => PotentialSerializer.FromJson(reordered.ToJsonString()));
    }

    [Test]
    public void An_enormous_basis_in_a_file_is_refused_before_it_is_built()
    {
        var node = JsonNode.Parse(PotentialSerializer.ToJson(Fixtures.RandomPotential(Fixtures.Silicon, seed: 1)))!;
        node["basis"]!["selection"]!["maxDegrees"]![0]!["numerator"] = 100000000;
        var e = Assert.Throws<PotentialFormatException>(() => PotentialSerializer.FromJson(node.ToJsonString()))!;
        Assert.That(e.Message, Does.Contain("\"basis\"").And.Contain("functions").And.Contain("limit"));
    }

    /// <summary>Compares specifications through their JSON (records with lists compare lists by reference).</summary>
    private sealed class JsonEquality : IEqualityComparer<Basis.AceBasisSpecification>
    {
        public bool Equals(Basis.AceBasisSpecification? x, Basis.AceBasisSpecification? y) =>
            System.Text.Json.JsonSerializer.Serialize(x) == System.Text.Json.JsonSerializer.Serialize(y);

        public int GetHashCode(Basis.AceBasisSpecification obj) => 0;
    }
}
