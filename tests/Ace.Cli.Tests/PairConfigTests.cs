using Ace.Core;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Potentials;
using Ace.Core.Primitives;

namespace Ace.Cli.Tests;

/// <summary>A two-element fit from the command line with per-pair cutoffs and radial settings (`pairs:`), its info and report.</summary>
public class PairConfigTests : TemporaryFolderTest
{
    /// <summary>Random Si-C clusters labelled by a linear ACE model of the same per-pair basis, so the fit can recover it.</summary>
    private static List<Structure> Labelled(LinearAcePotential truth, int count, int seed)
    {
        var random = new Random(seed);
        var structures = new List<Structure>();
        while (structures.Count < count)
        {
            int atoms = 2 + structures.Count % 4;
            var positions = new List<Vec3>();
            while (positions.Count < atoms)
            {
                var p = new Vec3(3 * random.NextDouble(), 3 * random.NextDouble(), 3 * random.NextDouble());
                if (positions.All(x => (x - p).Norm > 1.5))
                {
                    positions.Add(p);
                }
            }
            var elements = Enumerable.Range(0, atoms).Select(i => Element.FromSymbol((i + structures.Count) % 2 == 0 ? "Si" : "C"));
            var s = Structure.Isolated(elements, positions);
            var e = truth.Evaluate(s);
            structures.Add(s.WithReferenceData(e.Energy, e.Forces, null));
        }
        return structures;
    }

    [Test]
    public void PairsSetPerPairCutoffsAndTheFitInfoAndReportShowEveryPair()
    {
        var basis = LinearAce.Basis("Si", "C").Cutoff(4.5).Radial(r0: 2.3).TotalDegree(6, 4)
            .Radial("Si", "C", new TransformedJacobiRadialSpecification(1.9, 4.0))
            .Radial("C", "C", new TransformedJacobiRadialSpecification(1.5, 3.5, PIn: 0)).Build();
        var random = new Random(1);
        var truth = new LinearAcePotential(basis, [.. Enumerable.Range(0, basis.FunctionCount).Select(k => (random.NextDouble() - 0.5) / (1 + 0.1 * k))]);
        ExtendedXyz.Write(Path.Combine(Folder, "train.xyz"), Labelled(truth, 40, 2));
        File.WriteAllText(Path.Combine(Folder, "fit.yaml"), """
            elements: [Si, C]
            cutoff: 4.5
            radial: {r0: 2.3}
            pairs: {Si-C: {cutoff: 4.0, r0: 1.9}, C-C: {cutoff: 3.5, r0: 1.5, pin: 0}}
            degrees: [6, 4]
            data: {train: train.xyz}
            solver: rrqr
            output: sic.json
            """);
        var (code, output) = CliRunner.Run("fit", Path.Combine(Folder, "fit.yaml"));
        Assert.That(code, Is.Zero, output);
        var fitted = LinearAcePotential.Load(Path.Combine(Folder, "sic.json"));
        Assert.That(fitted.Basis.Specification.PairRadials, Is.EquivalentTo(basis.Specification.PairRadials!), "the config's pairs are the library's per-pair radial bases");
        var check = Labelled(truth, 5, 9);
        Assert.That(check.Max(s => Math.Abs(fitted.Energy(s) - s.Energy!.Value)), Is.LessThan(1e-4), "the fit recovers the model of the same basis (eV)");
        (code, output) = CliRunner.Run("info", Path.Combine(Folder, "sic.json"));
        Assert.That(code, Is.Zero, output);
        Assert.That(output, Does.Contain("cutoff      Si-Si 4.5 A").And.Contain("cutoff      Si-C 4 A").And.Contain("cutoff      C-C 3.5 A"));
        var images = ReportTests.AssertPageAndPlots(Path.Combine(Folder, "sic-report"));
        Assert.That(images, Is.SupersetOf(new[] { "dimer-Si-Si.png", "dimer-Si-C.png", "dimer-C-C.png" }));
    }

    [Test]
    public void APairOfUnknownElementsIsABadConfigThatSaysWhere()
    {
        File.WriteAllText(Path.Combine(Folder, "fit.yaml"), "elements: [Si, C]\ncutoff: 5\npairs: {Si-O: {cutoff: 4}}\ndegrees: [6]\ndata: {train: t.xyz}\n");
        var (code, output) = CliRunner.Run("fit", Path.Combine(Folder, "fit.yaml"));
        Assert.That(code, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("fit.yaml:3").And.Contain("'Si-O' is not a pair of the elements (Si, C)"));
    }
}
