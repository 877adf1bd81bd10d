using Ace.Core.Analysis;
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Interop.Yace;
using Ace.Core.Studies;

namespace Ace.Core.Studies.Tests;

/// <summary>The two-element workflow of samples/binary.cs and docs/multi-element.md, smaller: generate, fit, check, export.</summary>
public sealed class BinaryWorkflowTests
{
    [Test]
    public void SiliconGermaniumFitReproducesTheReferenceOnValidationData()
    {
        var data = BinaryStudyData.Generate(new BinaryStudyDataOptions(ClustersPerSize: 60, Cells: 12));
        var basis = LinearAce.Basis("Si", "Ge").Cutoff(4.2).Radial(r0: 2.4).MaxBodyOrder(3).TotalDegree(18, 12)
            .Radial("Si", "Si", new TransformedJacobiRadialSpecification(2.35, 4.0))
            .Radial("Ge", "Ge", new TransformedJacobiRadialSpecification(2.45, 4.2))
            .Radial("Si", "Ge", new TransformedJacobiRadialSpecification(2.4, 4.1))
            .Build();
        var fit = LinearAce.Fit(basis).Weights(energy: 30, forces: 1).Run(data.Train);
        var validation = fit.Errors(data.Validation);
        TestContext.Out.WriteLine($"{basis.FunctionCount} functions, {data.Train.Count} training structures");
        TestContext.Out.WriteLine(validation);

        // Stillinger-Weber is exactly two- plus three-body, so a body-order-3 basis fits it closely; the reference
        // energies span about 2 eV/atom and forces about 10 eV/A, so these bounds are well under one percent
        // (measured: 5.5 meV/atom, 89 meV/A, dimers 1-2 meV).
        Assert.That(validation.Overall.EnergyRmse, Is.LessThan(10), "validation energy RMSE, meV/atom");
        Assert.That(validation.Overall.ForceRmse, Is.LessThan(150), "validation force RMSE, meV/A");

        // Every pair's dimer curve follows the reference's pair term inside the bonding range.
        var reference = BinaryStillingerWeber.SiliconGermanium;
        var grid = ClusterCurves.Grid(2.1, 3.8, 35);
        foreach (var (a, b) in new[] { ("Si", "Si"), ("Ge", "Ge"), ("Si", "Ge") })
        {
            var (ea, eb) = (Element.FromSymbol(a), Element.FromSymbol(b));
            var curve = ClusterCurves.Dimer($"{a}-{b}", s => fit.Potential.Evaluate(s).Energy, ea, eb, grid);
            double rms = curve.RmsDeviation(r => reference.PairEnergy(ea, eb, r), 2.1, 3.8);
            TestContext.Out.WriteLine($"{a}-{b} dimer RMS deviation {1000 * rms:F1} meV");
            Assert.That(rms, Is.LessThan(0.01), $"{a}-{b} dimer curve RMS deviation, eV");
        }

        // The export to .yace evaluates like the fitted potential.
        var path = Path.Combine(Path.GetTempPath(), $"binary-{Guid.NewGuid():N}.yace");
        try
        {
            // Tables to 1e-7 relative: the default 1e-10 is beyond what rounding allows for this degree-18 radial basis.
            LinearAce.ExportYace(fit.Potential, path, new YaceExportOptions(Tolerance: 1e-7));
            var exported = LinearAce.LoadYace(path);
            foreach (var structure in data.Validation.Where(s => s.Species.Length == 2).Take(5))
            {
                double expected = fit.Potential.Evaluate(structure).Energy;
                Assert.That(exported.Evaluate(structure).Energy, Is.EqualTo(expected).Within(1e-5 * Math.Max(1, Math.Abs(expected))), structure.ToString());
            }
        }
        finally
        {
            File.Delete(path);
        }
    }
}
