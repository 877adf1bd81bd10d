using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Interop.Yace;
using Ace.Core.Potentials;

namespace Ace.Core.Tests.Interop;

/// <summary>Export to .yace and import again: the imported evaluator (complex harmonics, C-tilde) reproduces the potential.</summary>
public class YaceRoundTripTests
{
    private static LinearAcePotential Make(AceBasis basis, int seed) => Fixtures.RandomPotential(basis, seed);

    private static readonly Lazy<Dictionary<string, LinearAcePotential>> Potentials = new(() => new()
    {
        ["Si-C TJ, pair basis"] = Make(Fixtures.SiliconCarbon, 3),
        ["Si TJ"] = Make(Fixtures.Silicon, 4),
        ["Si TJ, pair basis of the same cutoff"] = Make(LinearAce.Basis("Si").Cutoff(4.5).Radial(r0: 2.2)
            .PairBasis(4, new TransformedJacobiRadialSpecification(2.2, 4.5, P: 1, Q: 3)).MaxBodyOrder(3).TotalDegree(6, 5).Build(), 10),
        ["Si-C ChebExpCos"] = Make(LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(new ChebExpCosRadialSpecification(4.5, 4.0))
            .MaxBodyOrder(4).TotalDegree(6, 6, 4).Build(), 5),
        ["Si ChebExpCos, same pair basis"] = Make(LinearAce.Basis("Si").Cutoff(4.5).Radial(new ChebExpCosRadialSpecification(4.5))
            .PairBasis(5, new ChebExpCosRadialSpecification(4.5)).MaxBodyOrder(3).TotalDegree(7, 6).Build(), 6),
        ["Si-C fitted radials over ChebExpCos"] = Make(Fixtures.PerturbRadials(LinearAce.Basis("Si", "C").Radial(new ChebExpCosRadialSpecification(4.5))
            .FittedRadials(6).MaxBodyOrder(4).MaxLabels([5, 3, 2], [0, 2, 1]).Build(), seed: 3, size: 0.3), 11),
        ["Si-C purified full"] = Make(LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(r0: 2.0).MaxBodyOrder(4).TotalDegree(6, 6, 4)
            .Purify().Build(), 7),
        ["Si purified pure2b"] = Make(LinearAce.Basis("Si").Cutoff(4.5).Radial(r0: 2.2).MaxBodyOrder(4).TotalDegree(7, 6, 5)
            .Purify(new PurificationOptions(PurificationKind.Pure2b)).Build(), 8),
        ["Si-C purified, order 1 removed, pair basis"] = Make(LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(r0: 2.0)
            .PairBasis(4, new TransformedJacobiRadialSpecification(2.0, 5.0, P: 1, Q: 3)).MaxBodyOrder(4).TotalDegree(6, 6, 4)
            .Purify(new PurificationOptions(PurificationKind.Full, 1)).Build(), 9),
    });

    private static IEnumerable<TestCaseData> Cases()
    {
        foreach (var name in new[] { "Si-C TJ, pair basis", "Si TJ", "Si TJ, pair basis of the same cutoff", "Si-C ChebExpCos", "Si ChebExpCos, same pair basis", "Si-C fitted radials over ChebExpCos", "Si-C purified full", "Si purified pure2b", "Si-C purified, order 1 removed, pair basis" })
        {
            yield return new TestCaseData(name, YaceRadialForm.Auto).SetName($"round trip: {name}");
            if (name.Contains("TJ", StringComparison.Ordinal) || name.Contains("purified", StringComparison.Ordinal))
            {
                yield return new TestCaseData(name, YaceRadialForm.Tabulated).SetName($"round trip, tabulated: {name}");
            }
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Export_then_import_reproduces_energies_forces_and_virials(string name, YaceRadialForm form)
    {
        var potential = Potentials.Value[name];
        var options = new YaceExportOptions(form);
        var export = YaceExport.ToDocument(potential, options);
        bool native = name.Contains("ChebExpCos", StringComparison.Ordinal);
        // A pair basis with its own (larger) cutoff ends with a kink inside the bond's range: no expansion converges, Auto tabulates.
        bool kinked = name.Contains("order 1 removed", StringComparison.Ordinal) || name == "Si-C TJ, pair basis";
        Assert.That(export.Tabulated, Is.EqualTo(form == YaceRadialForm.Tabulated || kinked), "radial form");
        Assert.That(export.ExpansionFailure is not null, Is.EqualTo(kinked && form == YaceRadialForm.Auto), "fallback reported");
        if (form == YaceRadialForm.Auto && !native && !kinked)
        {
            // Re-expanded: every bond fitted, the measured fit error (values and derivatives) within the tolerance.
            Assert.That(export.Expansions, Has.Count.EqualTo(potential.Elements.Count * potential.Elements.Count));
            Assert.That(export.Expansions.Max(e => e.MaxRelativeError), Is.LessThanOrEqualTo(options.Tolerance));
            Assert.That(export.Document.Bonds.Values.OfType<YaceAnalyticBond>().Select(b => b.Radbasename), Is.All.EqualTo("ChebExpCos"));
            TestContext.Out.WriteLine($"{name}: expansion degree {export.Expansions[0].Degree}, fit error {export.Expansions.Max(e => e.MaxRelativeError):G3}, deltaSplineBins {export.Document.DeltaSplineBins:G4}");
        }
        else
        {
            Assert.That(export.Expansions, Is.Empty);
        }
        // Tabulated documents are tens of MB of text; the text round trip is tested on its own (YaceFileTests).
        var imported = new YacePotential(export.Document);
        bool twoElements = potential.Elements.Count == 2;
        var random = new Random(17);
        var structures = new[]
        {
            Fixtures.RattledCrystal(random, 5.0, twoElements ? ["Si", "C"] : ["Si"]),
            Fixtures.Cluster(random, 7, twoElements ? ["Si", "C"] : ["Si"]),
        };
        foreach (var s in structures)
        {
            var a = potential.Evaluate(s);
            var b = imported.Evaluate(s);
            double eScale = Math.Abs(a.Energy - s.Elements.Sum(e => potential.ReferenceEnergy(e.Symbol)));
            Assert.That(Math.Abs(b.Energy - a.Energy) / eScale, Is.LessThan(1e-10), $"{name}: energy of {s}");
            double fScale = a.Forces.Max(f => f.Norm);
            double fWorst = a.Forces.Zip(b.Forces, (x, y) => (x - y).Norm).Max();
            Assert.That(fWorst / fScale, Is.LessThan(1e-10), $"{name}: forces of {s}");
            double vScale = Enumerable.Range(0, 9).Max(k => Math.Abs(a.Virial[k / 3, k % 3]));
            double vWorst = Enumerable.Range(0, 9).Max(k => Math.Abs(a.Virial[k / 3, k % 3] - b.Virial[k / 3, k % 3]));
            Assert.That(vWorst / vScale, Is.LessThan(1e-10), $"{name}: virial of {s}");
            TestContext.Out.WriteLine($"{name} / {s}: dE/E {Math.Abs(b.Energy - a.Energy) / eScale:G3}, dF/F {fWorst / fScale:G3}, dW/W {vWorst / vScale:G3}; tabulated {export.Tabulated}, bins {string.Join(",", export.Tables.Select(t => t.Bins).Distinct())}, functions {export.FunctionCount}, ms {export.MsCombinationCount}");
        }
    }

    [Test]
    public void Fitted_radials_export_only_natively_and_say_why_not()
    {
        var withPair = Fixtures.RandomPotential(Fixtures.FittedSiliconCarbon, 2);
        Assert.That(() => YaceExport.ToDocument(withPair), Throws.InvalidOperationException.With.Message.Contains("pair basis").And.Message.Contains("crad"));
        var fitted = Potentials.Value["Si-C fitted radials over ChebExpCos"];
        Assert.That(() => YaceExport.ToDocument(fitted, new YaceExportOptions(YaceRadialForm.Tabulated)),
            Throws.InvalidOperationException.With.Message.Contains("Tabulated radial form"));
        var bond = (YaceAnalyticBond)YaceExport.ToDocument(fitted).Document.Bonds[new YaceBondKey(0, 1)];
        var w = fitted.Basis.FittedRadialParameters!;
        var block = w.Blocks.First(b => b.Center == "Si" && b.Neighbour == "C" && b.N == 2 && b.L == 1);
        Assert.That(bond.Radcoefficients[1][1], Is.EqualTo(w.Values().AsSpan(block.Offset, block.Length).ToArray()), "crad[n-1][l] = W of (n, l)");

        var pure2b = Make(LinearAce.Basis("Si", "C").Radial(new ChebExpCosRadialSpecification(4.5)).FittedRadials(6).MaxBodyOrder(4)
            .MaxLabels([5, 3, 2], [0, 2, 1]).Purify(new PurificationOptions(PurificationKind.Pure2b)).Build(), 12);
        Assert.That(() => YaceExport.ToDocument(pure2b), Throws.InvalidOperationException.With.Message.Contains("purified (Pure2b)")
            .And.Message.Contains("no crad row").And.Message.Contains("Export the self-interacting fitted basis"));
    }
}
