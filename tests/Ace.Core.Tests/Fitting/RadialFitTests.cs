using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using Ace.Core.Potentials;
using Ace.Core.TestUtilities;

namespace Ace.Core.Tests.Fitting;

/// <summary>The loss gradient of fitted radials and the variable-projection fit (FitBuilder.FitRadials).</summary>
public class RadialFitTests
{
    private static readonly (string, double)[] References = [("Si", Fixtures.SiliconEnergy), ("C", Fixtures.CarbonEnergy)];

    /// <summary>Structures labelled (energies, forces, virials) by a teacher whose radials are moved further from the delta start.</summary>
    private static List<Structure> TeacherData(int count, int seed)
    {
        var teacher = Fixtures.RandomPotential(Fixtures.PerturbRadials(Fixtures.FittedSiliconCarbon, seed: 2, size: 0.4), seed: 5);
        var random = new Random(seed);
        return Enumerable.Range(0, count)
            .Select(i => i % 2 == 0
                ? Fixtures.Label(Fixtures.RattledCrystal(random, 5.0, "Si", "C"), teacher, "cell", virial: true)
                : Fixtures.Label(Fixtures.Cluster(random, 5, "Si", "C"), teacher, "cluster"))
            .ToList();
    }

    [TestCase(false)]
    [TestCase(true)]
    public void The_loss_gradients_in_coefficients_and_radials_are_finite_difference_derivatives(bool pure2b)
    {
        var basis = pure2b ? Fixtures.FittedSiliconCarbonPure2b : Fixtures.FittedSiliconCarbon;
        var data = TeacherData(3, seed: 1);
        var c = Fixtures.RandomCoefficients(basis, seed: 9);
        FitBuilder Fit(AceBasis b) => LinearAce.Fit(b).ReferenceEnergies(References).Weights(energy: 3, forces: 1, virial: 0.5)
            .Weights("cluster", energy: 2, forces: 1.5);
        var loss = Fit(basis).Loss(data, c);
        Assert.That(loss.RadialGradient, Has.Count.EqualTo(basis.FittedRadialParameters!.Count));

        foreach (int f in new[] { 0, 7, basis.ManyBodyFunctionCount - 1, basis.PairColumnRange.Start })
        {
            double Of(double x)
            {
                var shifted = (double[])c.Clone();
                shifted[f] = x;
                return Fit(basis).Loss(data, shifted).Value;
            }
            Assert.That(FiniteDifference.RelativeError(loss.CoefficientGradient[f], FiniteDifference.Derivative(Of, c[f], 1e-4)), Is.LessThan(1e-7), $"coefficient {f}");
        }
        var parameters = basis.FittedRadialParameters;
        var w = parameters.Values();
        foreach (int i in new[] { 0, 3, parameters.Count / 3, parameters.Count / 2 + 1, parameters.Count - 1 })
        {
            double Of(double x)
            {
                var shifted = (double[])w.Clone();
                shifted[i] = x;
                return Fit(AceBasis.Build(parameters.Specification(shifted))).Loss(data, c).Value;
            }
            Assert.That(FiniteDifference.RelativeError(loss.RadialGradient[i], FiniteDifference.Derivative(Of, w[i], 1e-5)), Is.LessThan(1e-6), $"radial parameter {i}");
        }
    }

    [TestCase(false)]
    [TestCase(true)]
    public void Fitting_the_radials_starts_at_the_linear_fit_lowers_the_loss_and_is_deterministic(bool pure2b)
    {
        var builder = LinearAce.Basis("Si", "C").Radial(new ChebExpCosRadialSpecification(4.5)).FittedRadials(6)
            .PairBasis(3, new TransformedJacobiRadialSpecification(2.0, 4.5, P: 1, Q: 3))
            .MaxBodyOrder(4).MaxLabels([5, 3, 2], [0, 2, 1]);
        var start = (pure2b ? builder.Purify(new PurificationOptions(PurificationKind.Pure2b)) : builder).Build();
        var training = TeacherData(6, seed: 3);
        var validation = TeacherData(2, seed: 4);
        FitBuilder Fit() => LinearAce.Fit(start).ReferenceEnergies(References).Weights(energy: 3, forces: 1, virial: 0.3)
            .Weights("cluster", energy: 3, forces: 1).Ridge(1e-3);
        var linear = Fit().Run(training);
        var progress = new List<RadialFitProgress>();
        var fitted = Fit().FitRadials(maxIterations: 4, validation: validation, smoothness: 1e-4, progress: new SynchronousProgress(progress)).Run(training);
        var report = fitted.RadialFit!;
        Assert.That(report.Steps[0].Iteration, Is.EqualTo(0));
        double linearLoss = Fit().Loss(training, linear.Potential.Coefficients).Value;
        Assert.That(report.Steps[0].DataLoss, Is.EqualTo(linearLoss).Within(1e-9 * linearLoss), "step 0 is the ordinary linear fit");
        double startEnergy = report.Start.Energy(validation[0]), linearEnergy = linear.Potential.Energy(validation[0]);
        Assert.That(startEnergy, Is.EqualTo(linearEnergy).Within(1e-9 * Math.Abs(linearEnergy)), "the reported start is the linear fit");
        for (int i = 1; i < report.Steps.Count; i++)
        {
            Assert.That(report.Steps[i].Loss, Is.LessThan(report.Steps[i - 1].Loss), $"step {i}");
        }
        Assert.That(report.Steps, Has.Count.GreaterThan(1));
        Assert.That(report.Steps[^1].DataLoss, Is.LessThan(0.9 * report.Steps[0].DataLoss));
        TestContext.Out.WriteLine($"pure2b {pure2b}: data loss {report.Steps[0].DataLoss:G4} -> {report.Steps[^1].DataLoss:G4} in {report.Steps.Count - 1} steps");
        Assert.That(progress.Select(p => p.Iteration), Is.EqualTo(report.Steps.Select(s => s.Iteration)));
        Assert.That(report.Steps.All(s => s.ValidationLoss is > 0), Is.True);
        var best = report.Steps[report.BestIteration];
        Assert.That(best.ValidationLoss, Is.EqualTo(report.Steps.Min(s => s.ValidationLoss)));
        Assert.That(report.BestIteration, Is.GreaterThan(0), "the teacher's radials differ from the start, so validation improves");
        Assert.That(fitted.Potential.Basis.FittedRadialParameters!.Values(), Is.Not.EqualTo(start.FittedRadialParameters!.Values()));

        var again = Fit().FitRadials(maxIterations: 4, validation: validation, smoothness: 1e-4).Run(training);
        Assert.That(again.Potential.Coefficients.ToArray(), Is.EqualTo(fitted.Potential.Coefficients.ToArray()), "bitwise reproducible");
        Assert.That(again.Potential.Basis.FittedRadialParameters!.Values(), Is.EqualTo(fitted.Potential.Basis.FittedRadialParameters.Values()));
        Assert.That(fitted.Potential.Provenance!.Solve, Does.Contain("FitRadials"));
    }

    [Test]
    public void Fitting_radials_needs_a_fitted_radial_basis_and_a_ridge_solve()
    {
        var data = TeacherData(2, seed: 5);
        Assert.That(() => LinearAce.Fit(Fixtures.SiliconCarbon).FitRadials().Run(data),
            Throws.InvalidOperationException.With.Message.Contains(".FittedRadials(primitiveCount)"));
        Assert.That(() => LinearAce.Fit(Fixtures.FittedSiliconCarbon).Solver(Ace.Core.Solvers.LeastSquares.Qr()).FitRadials().Run(data),
            Throws.InvalidOperationException.With.Message.Contains("conflict"));
        Assert.That(() => LinearAce.Fit(Fixtures.FittedSiliconCarbon).FitRadials(smoothness: -1), Throws.InstanceOf<ArgumentOutOfRangeException>());
    }

    /// <summary>Collects reports on the reporting thread (Progress&lt;T&gt; would post them later).</summary>
    private sealed class SynchronousProgress(List<RadialFitProgress> list) : IProgress<RadialFitProgress>
    {
        public void Report(RadialFitProgress value) => list.Add(value);
    }
}
