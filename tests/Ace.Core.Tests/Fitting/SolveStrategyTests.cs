using Ace.Core.Atoms;
using Ace.Core.Fitting;
using Ace.Core.Primitives;
using Ace.Core.Solvers;

namespace Ace.Core.Tests.Fitting;

/// <summary>The solve strategy of <see cref="FitBuilder"/>: each strategy's coefficients, and every conflicting combination refused.</summary>
public class SolveStrategyTests
{
    private static readonly List<Structure> Data = MakeData();

    private static List<Structure> MakeData()
    {
        var truth = Fixtures.RandomPotential(Fixtures.Silicon, seed: 6);
        var random = new Random(12);
        var list = new List<Structure>();
        for (int k = 0; k < 6; k++)
        {
            var s = k % 2 == 0
                ? Fixtures.Label(Fixtures.RattledCrystal(random, 5.25 + 0.03 * k, "Si"), truth, "bulk")
                : Fixtures.Label(Fixtures.Cluster(random, 3 + k % 3, "Si"), truth, "cluster");
            list.Add(s.WithReferenceData(s.Energy + 2e-3 * s.AtomCount * (random.NextDouble() - 0.5),
                s.Forces!.Value.Select(f => f + new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 0.02), null));
        }
        return list;
    }

    private static FitBuilder Start() =>
        LinearAce.Fit(Fixtures.Silicon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Weights(energy: 30, forces: 1);

    private static NormalEquations Normal => Start().AssembleNormalEquations(Data);

    private static double[] Coefficients(FitResult fit) => fit.Potential.Coefficients.ToArray();

    private static double[] GramNorms(NormalEquations normal) =>
        Enumerable.Range(0, normal.Columns).Select(j => Math.Sqrt(normal.Gram[j * normal.Columns + j])).ToArray();

    [Test]
    public void The_default_is_bayesian_evidence_without_a_prior_from_normal_equations()
    {
        var fit = Start().Run(Data);
        var expected = LeastSquares.BayesianLinearRegression().Solve(Normal);
        Assert.That(fit.Mode, Is.EqualTo(AssemblyMode.NormalEquations));
        Assert.That(fit.Solution, Is.InstanceOf<BayesianSolution>());
        Assert.That(fit.Solution.Solver, Is.EqualTo(expected.Solver));
        Assert.That(Coefficients(fit), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-12));
        var explicitBlr = Start().Solver(LeastSquares.BayesianLinearRegression()).Run(Data);
        Assert.That(Coefficients(explicitBlr), Is.EqualTo(Coefficients(fit)).Within(1e-12), "Solver(BLR) is the default");
    }

    [Test]
    public void The_smoothness_prior_with_evidence_equals_bayesian_regression_with_that_prior_in_both_assembly_modes()
    {
        var prior = SmoothnessPriors.Create(Fixtures.Silicon, p: 3);
        var expected = LeastSquares.BayesianLinearRegression(prior: prior).Solve(Normal);
        var streamed = Start().SmoothnessPrior(p: 3).Run(Data);
        var dense = Start().SmoothnessPrior(p: 3).Assembly(AssemblyMode.DenseDesign).Run(Data);
        Assert.That(Coefficients(streamed), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-10));
        Assert.That(dense.Mode, Is.EqualTo(AssemblyMode.DenseDesign));
        Assert.That(Coefficients(dense), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-6));
        var replaced = Start().SmoothnessPrior(p: 2).SmoothnessPrior(p: 3).Run(Data);
        Assert.That(Coefficients(replaced), Is.EqualTo(Coefficients(streamed)).Within(1e-12), "a later SmoothnessPrior replaces an earlier one");
    }

    [Test]
    public void A_fixed_ridge_solves_the_tikhonov_system_with_the_prior_in_either_order()
    {
        const double Lambda = 0.05;
        var plain = Start().Ridge(Lambda).Run(Data);
        var expectedPlain = LeastSquares.NormalEquations(tikhonov: Lambda).Solve(Normal);
        Assert.That(plain.Mode, Is.EqualTo(AssemblyMode.NormalEquations));
        Assert.That(plain.Ridge, Is.Null, "no cross-validation");
        Assert.That(plain.Solution.Solver, Is.EqualTo(expectedPlain.Solver));
        Assert.That(Coefficients(plain), Is.EqualTo(expectedPlain.Coefficients.ToArray()).Within(1e-12));

        var normal = Normal;
        var gamma = SmoothnessPriors.ScaleByColumnNorms(SmoothnessPriors.Degrees(Fixtures.Silicon, p: 2), GramNorms(normal));
        var expected = LeastSquares.NormalEquations(tikhonov: Lambda, prior: gamma).Solve(normal);
        var priorFirst = Start().SmoothnessPrior(p: 2, scaleByColumnNorms: true).Ridge(Lambda).Run(Data);
        var ridgeFirst = Start().Ridge(1).Ridge(Lambda).SmoothnessPrior(p: 2, scaleByColumnNorms: true).Run(Data);
        Assert.That(Coefficients(priorFirst), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-12));
        Assert.That(Coefficients(ridgeFirst), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-12), "either order; a later Ridge replaces an earlier one");
        Assert.That(Coefficients(priorFirst), Is.Not.EqualTo(Coefficients(plain)).Within(1e-6), "the prior changes the fit");

        // The dense design is solved by QR of [W A; lambda Gamma]: the same minimiser.
        var dense = Start().SmoothnessPrior(p: 2, scaleByColumnNorms: true).Ridge(Lambda).Assembly(AssemblyMode.DenseDesign).Run(Data);
        Assert.That(dense.Solution.Solver, Does.StartWith("QR"));
        Assert.That(Coefficients(dense), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-7));
    }

    [Test]
    public void Cross_validating_a_fixed_ridge_equals_fitting_each_fold_with_it()
    {
        const int K = 3;
        var cv = Start().Ridge(0.02).CrossValidate(Data, folds: K);
        for (int f = 0; f < K; f++)
        {
            var fit = Start().Ridge(0.02).Run(Data.Where((_, s) => s % K != f).ToList());
            Assert.That(cv.Folds[f].Solution.Coefficients.ToArray(), Is.EqualTo(Coefficients(fit)).Within(1e-10), $"fold {f}");
        }
    }

    [Test]
    public void An_explicit_solver_is_used_as_given_and_chooses_the_assembly()
    {
        var qr = Start().Solver(LeastSquares.Qr(tikhonov: 1e-3)).Run(Data);
        var expected = LeastSquares.Qr(tikhonov: 1e-3).Solve(Start().AssembleDesign(Data));
        Assert.That(qr.Mode, Is.EqualTo(AssemblyMode.DenseDesign), "QR needs the design matrix");
        Assert.That(qr.Solution.Solver, Is.EqualTo(expected.Solver));
        Assert.That(Coefficients(qr), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-12));
        var normal = Start().Solver(LeastSquares.Qr()).Solver(LeastSquares.NormalEquations(tikhonov: 1e-3)).Run(Data);
        Assert.That(normal.Mode, Is.EqualTo(AssemblyMode.NormalEquations), "a later Solver replaces an earlier one");
        Assert.That(Coefficients(normal), Is.EqualTo(LeastSquares.NormalEquations(tikhonov: 1e-3).Solve(Normal).Coefficients.ToArray()).Within(1e-12));
    }

    /// <summary>Two calls that cannot both hold; the message must name both.</summary>
    public static IEnumerable<TestCaseData> Conflicts()
    {
        static TestCaseData Case(string name, Func<FitBuilder, FitBuilder> calls, string first, string second) =>
            new TestCaseData(calls, first, second).SetName(name);
        yield return Case("Solver then SmoothnessPrior", b => b.Solver(LeastSquares.Qr()).SmoothnessPrior(), "Solver(QR", "SmoothnessPrior(p: 4");
        yield return Case("SmoothnessPrior then Solver", b => b.SmoothnessPrior(p: 3).Solver(LeastSquares.BayesianLinearRegression()), "SmoothnessPrior(p: 3", "Solver(Bayesian");
        yield return Case("Solver then Ridge", b => b.Solver(LeastSquares.Qr()).Ridge(0.1), "Solver(QR", "Ridge(lambda: 0.1)");
        yield return Case("Ridge then Solver", b => b.Ridge(0.1).Solver(LeastSquares.NormalEquations()), "Ridge(lambda: 0.1)", "Solver(normal equations");
        yield return Case("Solver then RidgeByCrossValidation", b => b.Solver(LeastSquares.NormalEquations()).RidgeByCrossValidation(4), "Solver(normal equations", "RidgeByCrossValidation(folds: 4)");
        yield return Case("RidgeByCrossValidation then Solver", b => b.RidgeByCrossValidation(4).Solver(LeastSquares.Lsqr()), "RidgeByCrossValidation(folds: 4)", "Solver(LSQR");
        yield return Case("Ridge then RidgeByCrossValidation", b => b.Ridge(0.1).RidgeByCrossValidation(3), "Ridge(lambda: 0.1)", "RidgeByCrossValidation(folds: 3)");
        yield return Case("RidgeByCrossValidation then Ridge", b => b.RidgeByCrossValidation(3).Ridge(0.1), "RidgeByCrossValidation(folds: 3)", "Ridge(lambda: 0.1)");
        yield return Case("Solver needing rows then normal equations", b => b.Solver(LeastSquares.Qr()).Assembly(AssemblyMode.NormalEquations), "Solver(QR", "Assembly(AssemblyMode.NormalEquations)");
        yield return Case("Normal equations then a solver needing rows", b => b.Assembly(AssemblyMode.NormalEquations).Solver(LeastSquares.TruncatedSvd()), "Solver(truncated SVD", "Assembly(AssemblyMode.NormalEquations)");
        yield return Case("RidgeByCrossValidation then dense design", b => b.RidgeByCrossValidation().Assembly(AssemblyMode.DenseDesign), "RidgeByCrossValidation(folds: 5)", "Assembly(AssemblyMode.DenseDesign)");
        yield return Case("Dense design then RidgeByCrossValidation", b => b.Assembly(AssemblyMode.DenseDesign).SmoothnessPrior().RidgeByCrossValidation(), "RidgeByCrossValidation(folds: 5)", "Assembly(AssemblyMode.DenseDesign)");
    }

    [TestCaseSource(nameof(Conflicts))]
    public void A_conflicting_combination_is_refused_naming_both_calls(Func<FitBuilder, FitBuilder> calls, string first, string second)
    {
        var builder = Start();
        var e = Assert.Throws<InvalidOperationException>(() => calls(builder))!;
        Assert.That(e.Message, Does.Contain(first).And.Contain(second).And.Contain("conflict"));
    }

    [Test]
    public void A_refused_call_leaves_the_builder_as_it_was()
    {
        var builder = Start().SmoothnessPrior(p: 3);
        Assert.Throws<InvalidOperationException>(() => builder.Solver(LeastSquares.Qr()));
        Assert.Throws<InvalidOperationException>(() => builder.Assembly(AssemblyMode.NormalEquations).Solver(LeastSquares.Qr()));
        var fit = builder.Assembly(AssemblyMode.Auto).Run(Data);
        Assert.That(Coefficients(fit), Is.EqualTo(Coefficients(Start().SmoothnessPrior(p: 3).Run(Data))).Within(1e-12));
    }

    [Test]
    public void Cross_validating_with_a_solver_that_needs_rows_names_both_calls()
    {
        Assert.That(() => Start().Solver(LeastSquares.RankRevealingQr()).CrossValidate(Data, folds: 3),
            Throws.InvalidOperationException.With.Message.Contains("Solver(").And.Message.Contains("CrossValidate(folds: 3)").And.Message.Contains("design matrix"));
    }

    [TestCase(0.0)]
    [TestCase(-1.0)]
    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    public void A_ridge_strength_must_be_positive_and_finite(double lambda)
    {
        Assert.That(() => Start().Ridge(lambda), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("lambda"));
    }
}
