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
    public void With_acefits_own_prior_Si2_keeps_exact_zeros_and_SI_equals_PURE()
    {
        // --ace1-prior: ACE1's scaling of the coupled basis (docs/study-si.md, "The prior"). Its weak prior on low-degree
        // many-body functions fitted the round-off of their columns (3.6e-8) until the basis wrote exact zeros.
        var setup = Setup() with { SmoothnessExponent = StudySetup.AcefitSmoothness, Ace1Scaling = true };
        var data = setup.Datasets.Single(d => d.Name == "Si2");
        var coefficients = setup.Variants.Select(v =>
        {
            var basis = v.Build([24, 20, 16]);
            var fit = setup.ConfigureFit(basis).Run(data.Train);
            Assert.That(fit.Solution.Solver, Does.Contain("prior"));
            var expected = Core.LinearAce.Fit(basis).ReferenceEnergies((setup.Element, setup.E0)).Weights(energy: setup.EnergyWeight, forces: 1)
                .ScaleEnergy(setup.EnergyScaling).Ace1SmoothnessPrior(4, 1.0).Run(data.Train).Potential.Coefficients.ToArray();
            var c = fit.Potential.Coefficients.ToArray();
            Assert.That(c, Is.EqualTo(expected), $"{v.Name}: the study's fit is the builder's Ace1SmoothnessPrior");
            foreach (var f in basis.Functions.Where(f => f.Kind == Core.Basis.BasisFunctionKind.ManyBody))
            {
                Assert.That(c[f.Column], Is.EqualTo(0.0), $"{v.Name}: {f}");
            }
            return c;
        }).ToArray();
        Assert.That(coefficients[1], Is.EqualTo(coefficients[0]).Within(1e-9), "SI against PURE");
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
    public void No_dimer_curve_of_body_order_2_or_3_falls_more_than_50_meV_below_its_value_at_5_A()
    {
        // The acceptance criterion on the fits cheap enough for CI: every set, both variants, 24 and 24.20, through
        // the study driver and its tail score (docs/study-si.md lists every fit of the full study).
        var setup = Setup();
        var study = new BodyOrderStudySettings(setup.Element, setup.Datasets, setup.Variants, [24, 20], setup.ConfigureFit, setup.Reference)
        {
            CurveStep = 0.05,
        };
        var fits = BodyOrderStudy.Run(study);
        Assert.That(fits, Has.Count.EqualTo(setup.Datasets.Count * 2 * 2));
        foreach (var fit in fits)
        {
            Assert.That(fit.Dimer.X[^1], Is.EqualTo(6.0).Within(1e-12), "the curve runs to the cutoff");
            Assert.That(fit.DimerTailDrop, Is.LessThan(0.05), $"{fit.Dataset} {fit.Variant} body order {fit.MaxBodyOrder}");
        }
    }

    [Test]
    public void Si345_at_body_order_5_misses_the_criterion_by_the_decay_of_a_positive_tail_not_by_a_well()
    {
        // The one fit of the study that fails the 50 meV criterion (docs/study-si.md, Findings; 69 meV SI, 86 meV PURE):
        // Si345 has no dimers, and at body order 5 its pair potential (the only term on a dimer: every many-body function
        // of both variants vanishes on one neighbour) ends the training distances at +60-80 meV and decays to zero at the
        // cutoff. The drop is that decay; the curve dips at most 10 meV below zero.
        var setup = Setup();
        var data = setup.Datasets.Single(d => d.Name == "Si345");
        foreach (var variant in setup.Variants)
        {
            var potential = setup.ConfigureFit(variant.Build([24, 20, 16, 12])).Run(data.Train).Potential;
            var dimer = ClusterCurves.Dimer(potential, setup.Element, ClusterCurves.Grid(5.0, potential.Cutoff, 51));
            Assert.That(ClusterCurves.DropBeyond(dimer, 5.0), Is.GreaterThan(0.05), $"{variant.Name}: still fails the criterion");
            Assert.That(dimer.Energies[0], Is.GreaterThan(0.05), $"{variant.Name}: positive at 5 A");
            Assert.That(dimer.Energies.Min(), Is.GreaterThan(-0.02), $"{variant.Name}: no well below zero beyond 5 A");
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
