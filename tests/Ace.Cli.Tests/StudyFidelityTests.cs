using Ace.Cli.Commands;
using Ace.Core.Analysis;
using Ace.Core.Studies;
using Ace.Core.TestUtilities;

namespace Ace.Cli.Tests;

/// <summary>
/// The study's silicon conventions (issue 14): ACE1x's basis sizes, pure2b SI against fully purified PURE on dimers, and
/// dimer curves without spurious wells between 5 A and the cutoff, on the DFT clusters of ../shared/data/si.
/// </summary>
public class StudyFidelityTests
{
    private static readonly Lazy<StudySetup> Loaded = new(() =>
        StudySetup.Create(Path.GetDirectoryName(SharedData.Require("si/Si2_train.xyz"))!, quick: false));

    private static StudySetup Setup()
    {
        SharedData.Require("si/Si2_train.xyz");
        return Loaded.Value;
    }

    [Test]
    public void On_Si2_SI_and_PURE_agree_and_every_many_body_coefficient_is_switched_off()
    {
        var setup = Setup();
        var data = setup.Datasets.Single(d => d.Name == "Si2");
        int[][] specs = [[24], [24, 20], [24, 20, 16], [24, 20, 16, 12]];
        int[] counts = [24, 297, 802, 929];
        for (int k = 0; k < specs.Length; k++)
        {
            var coefficients = setup.Variants.Select(v =>
            {
                var basis = v.Build(specs[k]);
                Assert.That(basis.FunctionCount, Is.EqualTo(counts[k]), $"{v.Name} {string.Join('.', specs[k])}: ACE1x's size");
                var c = setup.ConfigureFit(basis).Run(data.Train).Potential.Coefficients.ToArray();
                foreach (var f in basis.Functions.Where(f => f.Kind == Core.Basis.BasisFunctionKind.ManyBody))
                {
                    Assert.That(Math.Abs(c[f.Column]), Is.LessThan(1e-9), $"{v.Name} {string.Join('.', specs[k])}: {f}");
                }
                return c;
            }).ToArray();
            for (int j = 0; j < coefficients[0].Length; j++)
            {
                Assert.That(coefficients[1][j], Is.EqualTo(coefficients[0][j]).Within(1e-9), $"{string.Join('.', specs[k])}: coefficient {j}, SI against PURE");
            }
        }
    }

    [Test]
    public void The_dimer_curves_of_Si234_and_Si2345_have_no_well_beyond_5_A()
    {
        // The cases: our earlier fits put wells of -1 to -4 eV near 5.7 A into these curves.
        var setup = Setup();
        foreach (var (name, degrees) in new[] { ("Si234", new[] { 24, 20 }), ("Si2345", new[] { 24, 20, 16, 12 }) })
        {
            var data = setup.Datasets.Single(d => d.Name == name);
            foreach (var variant in setup.Variants)
            {
                var potential = setup.ConfigureFit(variant.Build(degrees)).Run(data.Train).Potential;
                var dimer = ClusterCurves.Dimer(potential, setup.Element, ClusterCurves.Grid(4.5, potential.Cutoff, 76));
                Assert.That(ClusterCurves.DropBeyond(dimer, 5.0), Is.LessThan(0.05), $"{name} {variant.Name} {string.Join('.', degrees)}");
            }
        }
    }

    [Test]
    public void The_default_solver_keeps_the_coefficients_Si23_cannot_see_at_round_off()
    {
        // Si23 has at most two neighbours per atom: the purified functions of body orders 4 and 5 vanish on every training
        // structure (to rounding), so BLR's posterior mean for them is zero; the default solver must not leak into them.
        var setup = Setup();
        var data = setup.Datasets.Single(d => d.Name == "Si23");
        var basis = setup.Variants.Single(v => v.Name == "PURE").Build([24, 20, 16, 12]);
        var potential = setup.ConfigureFit(basis).Run(data.Train).Potential;
        var statistics = BodyOrderStatistics.Compute(basis, potential.Coefficients);
        foreach (int bodyOrder in new[] { 4, 5 })
        {
            double mean = statistics.Single(s => s.BodyOrder == bodyOrder).MeanAbsCoefficient;
            Assert.That(mean, Is.LessThanOrEqualTo(1e-11), $"mean |c| of body order {bodyOrder}");
        }
        Assert.That(statistics.Single(s => s.BodyOrder == 3).MeanAbsCoefficient, Is.GreaterThan(1e-3), "the control: body order 3 is fitted");
    }
}
