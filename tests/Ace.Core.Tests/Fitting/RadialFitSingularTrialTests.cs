using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.TestUtilities;

namespace Ace.Core.Tests.Fitting;

/// <summary>
/// A radial fit on dimers only: the many-body functions are collinear with the pair functions there, BLR's lambda is tiny,
/// and some L-BFGS trial radials make the ridge system singular. Such trials must be rejected by the line search (the
/// step shrinks) instead of ending the fit with an exception (which this set and descriptor raised at iteration 47).
/// </summary>
[Category("SharedData")]
public class RadialFitSingularTrialTests
{
    [Test]
    public void Singular_trial_steps_are_rejected_and_the_fit_goes_on()
    {
        var all = ExtendedXyz.ReadAll(SharedData.Require("carbon/Tr124_dim.xyz"));
        var train = all.Where((_, k) => k % 2 == 0).ToList();
        var basis = LinearAce.Basis("C").Radial(new ChebExpCosRadialSpecification(5.0, 5.25)).FittedRadials(45)
            .MaxCorrelationOrder(3).MaxLabels([45, 5, 4], [0, 2, 2]).Build();
        var fit = LinearAce.Fit(basis).ReferenceEnergies(("C", -245.44385736)).Weights(energy: 60, forces: 1)
            .SmoothnessPrior(p: 4, scaleByColumnNorms: true).FitRadials(maxIterations: 60).Run(train);
        var steps = fit.RadialFit!.Steps;
        Assert.That(steps[^1].Iteration, Is.GreaterThan(47), fit.RadialFit.StopReason);
        Assert.That(steps.Zip(steps.Skip(1)).All(p => p.Second.Loss <= p.First.Loss), "every accepted step lowers the loss");
    }
}
