using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Errors;
using Ace.Core.Fitting;
using Ace.Core.Primitives;
using Ace.Core.Solvers;

namespace Ace.Core.Tests.Fitting;

public class CrossValidationTests
{
    /// <summary>12 labelled Si structures (6 bulk, 6 cluster, interleaved) from a linear model of the small basis, with noise when asked.</summary>
    private static List<Structure> Data(double noise, int seed = 8, int count = 12)
    {
        var truth = Fixtures.RandomPotential(Fixtures.Silicon, seed: 4);
        var random = new Random(seed);
        var list = new List<Structure>();
        for (int k = 0; k < count; k++)
        {
            var s = k % 2 == 0
                ? Fixtures.Label(Fixtures.RattledCrystal(random, 5.2 + 0.03 * k, "Si"), truth, "bulk")
                : Fixtures.Label(Fixtures.Cluster(random, 3 + k % 3, "Si"), truth, "cluster");
            list.Add(noise == 0 ? s : s.WithReferenceData(s.Energy + noise * s.AtomCount * (random.NextDouble() - 0.5),
                s.Forces!.Value.Select(f => f + new Vec3(random.NextDouble() - 0.5, random.NextDouble() - 0.5, random.NextDouble() - 0.5) * 10 * noise), null));
        }
        return list;
    }

    /// <summary>A basis of 59 functions, much more than the 13 of the model that made the data: it overfits noise.</summary>
    private static readonly AceBasis Large = LinearAce.Basis("Si").Cutoff(4.5).Radial(r0: 2.3).MaxBodyOrder(4).TotalDegree(10, 10, 6).Build();

    private static FitBuilder Start(AceBasis? basis = null) =>
        LinearAce.Fit(basis ?? Fixtures.Silicon).ReferenceEnergies(("Si", Fixtures.SiliconEnergy)).Weights(energy: 30, forces: 1);

    private static List<Structure> Fold(List<Structure> data, int folds, int f, bool heldOut) =>
        data.Where((_, s) => (s % folds == f) == heldOut).ToList();

    public enum Configuration { DefaultBlr, FixedRidge, ColumnScaledSmoothnessBlr }

    private static FitBuilder Configure(Configuration configuration) => configuration switch
    {
        Configuration.DefaultBlr => Start(),
        Configuration.FixedRidge => Start().Solver(LeastSquares.NormalEquations(tikhonov: 1e-3)),
        _ => Start().SmoothnessPrior(p: 2, scaleByColumnNorms: true),
    };

    [TestCase(Configuration.DefaultBlr)]
    [TestCase(Configuration.FixedRidge)]
    [TestCase(Configuration.ColumnScaledSmoothnessBlr)]
    public void Out_of_fold_errors_equal_fitting_each_fold_separately(Configuration configuration)
    {
        var data = Data(noise: 1e-3);
        const int K = 4;
        var cv = Configure(configuration).CrossValidate(data, folds: K);
        Assert.That(cv.FoldCount, Is.EqualTo(K));
        double e2 = 0, e1 = 0, f2 = 0, f1 = 0;
        long components = 0;
        for (int f = 0; f < K; f++)
        {
            var fit = Configure(configuration).Run(Fold(data, K, f, heldOut: false));
            var expected = ErrorTable.Compute(fit.Potential, Fold(data, K, f, heldOut: true)).Overall;
            var fold = cv.Folds[f];
            Assert.That(fold.Solver, Is.EqualTo(fit.Solution.Solver));
            Assert.That(fold.TrainingRows, Is.EqualTo(fit.Rows));
            var actual = fold.Errors.Overall;
            Assert.That(actual.EnergyRmse, Is.EqualTo(expected.EnergyRmse).Within(1e-8 * expected.EnergyRmse), $"fold {f}");
            Assert.That(actual.EnergyMae, Is.EqualTo(expected.EnergyMae).Within(1e-8 * expected.EnergyMae), $"fold {f}");
            Assert.That(actual.ForceRmse, Is.EqualTo(expected.ForceRmse).Within(1e-8 * expected.ForceRmse), $"fold {f}");
            Assert.That(actual.ForceMae, Is.EqualTo(expected.ForceMae).Within(1e-8 * expected.ForceMae), $"fold {f}");
            e2 += expected.EnergyRmse * expected.EnergyRmse * expected.Structures;
            e1 += expected.EnergyMae * expected.Structures;
            f2 += expected.ForceRmse * expected.ForceRmse * 3 * expected.Atoms;
            f1 += expected.ForceMae * 3 * expected.Atoms;
            components += 3 * expected.Atoms;
        }
        var overall = cv.Errors.Overall;
        Assert.That(overall.EnergyRmse, Is.EqualTo(Math.Sqrt(e2 / data.Count)).Within(1e-8 * overall.EnergyRmse));
        Assert.That(overall.EnergyMae, Is.EqualTo(e1 / data.Count).Within(1e-8 * overall.EnergyMae));
        Assert.That(overall.ForceRmse, Is.EqualTo(Math.Sqrt(f2 / components)).Within(1e-8 * overall.ForceRmse));
        Assert.That(overall.ForceMae, Is.EqualTo(f1 / components).Within(1e-8 * overall.ForceMae));
    }

    [Test]
    public void Every_structure_is_held_out_exactly_once_and_progress_covers_one_assembly()
    {
        var data = Data(noise: 1e-3, count: 11);
        var reports = new List<AssemblyProgress>();
        var cv = Start().Progress(new SynchronousProgress(reports)).CrossValidate(data, folds: 3);
        var heldOut = cv.Folds.SelectMany(f => f.HeldOut).Order().ToList();
        Assert.That(heldOut, Is.EqualTo(Enumerable.Range(0, data.Count)), "each structure in exactly one fold");
        foreach (var fold in cv.Folds)
        {
            Assert.That(fold.HeldOut.All(s => s % 3 == fold.Index), $"fold {fold.Index} holds s mod 3 == {fold.Index}");
            Assert.That(fold.Errors.Overall.Structures, Is.EqualTo(fold.HeldOut.Count));
        }
        Assert.That(cv.Errors.Overall.Structures, Is.EqualTo(data.Count));
        Assert.That(cv.Errors.Overall.Atoms, Is.EqualTo(data.Sum(s => s.AtomCount)));
        Assert.That(cv.Errors.Groups.Select(g => (g.Group, g.Structures, g.Atoms)), Is.EqualTo(new[]
        {
            ("bulk", 6, data.Where(s => s.ConfigType == "bulk").Sum(s => s.AtomCount)),
            ("cluster", 5, data.Where(s => s.ConfigType == "cluster").Sum(s => s.AtomCount)),
        }));
        long totalRows = data.Sum(s => 1 + 3L * s.AtomCount);
        foreach (var fold in cv.Folds)
        {
            Assert.That(fold.TrainingRows, Is.EqualTo(totalRows - fold.HeldOut.Sum(s => 1 + 3L * data[s].AtomCount)));
        }
        lock (reports)
        {
            Assert.That(reports, Has.Count.EqualTo(data.Count), "one assembly: each structure once");
            Assert.That(reports.Max(r => r.StructuresDone), Is.EqualTo(data.Count));
        }
        var text = cv.ToString();
        Assert.That(text, Does.Contain("3-fold cross-validation").And.Contain("fold 2: 3 held out").And.Contain("out-of-fold errors"));
    }

    [Test]
    public void Bad_fold_counts_structures_and_solvers_throw()
    {
        var data = Data(noise: 0, count: 4);
        Assert.That(() => Start().CrossValidate(data, folds: 1),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("folds").And.Message.Contains("at least 2 folds"));
        Assert.That(() => Start().CrossValidate(data, folds: 5),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("folds").And.Message.Contains("the training set has 4"));
        Assert.That(() => Start().RidgeByCrossValidation(folds: 1), Throws.InstanceOf<ArgumentOutOfRangeException>().With.Property("ParamName").EqualTo("folds"));
        Assert.That(() => Start().RidgeByCrossValidation(folds: 5).Run(data),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("5 folds need at least 5 structures"));
        Assert.That(() => Start().RidgeByCrossValidation(folds: 2).CrossValidate(data, folds: 2),
            Throws.InstanceOf<ArgumentOutOfRangeException>().With.Message.Contains("at least 3 folds"));
        Assert.That(() => Start().RidgeByCrossValidation().Assembly(AssemblyMode.DenseDesign).Run(data), Throws.InvalidOperationException);
        Assert.That(() => Start().Solver(LeastSquares.Qr()).CrossValidate(data, folds: 2), Throws.InvalidOperationException.With.Message.Contains("design matrix"));
        Assert.That(() => Start().CrossValidate([], folds: 2), Throws.ArgumentException.With.Message.Contains("empty"));
        var noForces = data[1].WithReferenceData(data[1].Energy, null, null);
        var e = Assert.Throws<TrainingDataException>(() => Start().CrossValidate([data[0], noForces, data[2]], folds: 2))!;
        Assert.That(e.StructureIndex, Is.EqualTo(1));
    }

    [Test]
    public void The_chosen_lambda_minimises_the_cross_validation_loss_and_the_fit_is_that_ridge_on_all_data()
    {
        var data = Data(noise: 3e-3, count: 8);
        const int K = 4;
        FitBuilder Builder() => Start(Large).RidgeByCrossValidation(folds: K).SmoothnessPrior(p: 2, scaleByColumnNorms: true);
        var fit = Builder().Run(data);
        var ridge = fit.Ridge!;
        Assert.That(ridge, Is.Not.Null);
        Assert.That(ridge.Folds, Is.EqualTo(K));
        Assert.That(ridge.Candidates, Has.Count.GreaterThanOrEqualTo(10));
        Assert.That(ridge.Candidates.Select(c => c.Lambda), Is.Ordered.Ascending);
        Assert.That(ridge.Candidates.All(c => ridge.Loss <= c.Loss));
        Assert.That(ridge.Candidates.Count(c => c.Lambda == ridge.Lambda), Is.EqualTo(1));
        Assert.That(ridge.Lambda, Is.InRange(1e-3 * ridge.Scale, 10 * ridge.Scale), "noisy data, large basis: well inside the grid");
        Assert.That(ridge.Loss, Is.LessThan(0.5 * ridge.Candidates[0].Loss), "regularisation clearly beats the smallest lambda");
        Assert.That(ridge.Loss, Is.LessThan(0.5 * ridge.Candidates[^1].Loss), "and the largest");

        // The final coefficients: ridge with the chosen lambda and the prior column-scaled by all the data.
        var normal = Start(Large).AssembleNormalEquations(data);
        var prior = SmoothnessPriors.ScaleByColumnNorms(SmoothnessPriors.Degrees(Large, p: 2), GramNorms(normal));
        var expected = LeastSquares.NormalEquations(tikhonov: ridge.Lambda, prior: prior).Solve(normal);
        Assert.That(fit.Potential.Coefficients.ToArray(), Is.EqualTo(expected.Coefficients.ToArray()).Within(1e-10));
        Assert.That(fit.Solution.Solver, Does.Contain("4-fold cross-validation").And.Contain("tikhonov"));
        Assert.That(fit.Mode, Is.EqualTo(AssemblyMode.NormalEquations));

        // The loss of candidates, by brute force: fit the other folds with that lambda, score the held-out fold.
        double BruteForceLoss(double lambda)
        {
            double loss = 0;
            for (int f = 0; f < K; f++)
            {
                var training = Start(Large).AssembleNormalEquations(Fold(data, K, f, heldOut: false));
                var heldOut = Start(Large).AssembleNormalEquations(Fold(data, K, f, heldOut: true));
                var foldPrior = SmoothnessPriors.ScaleByColumnNorms(SmoothnessPriors.Degrees(Large, p: 2), GramNorms(training));
                var c = LeastSquares.NormalEquations(tikhonov: lambda, prior: foldPrior).Solve(training).Coefficients;
                double residual = ResidualNorm(heldOut, c);
                loss += residual * residual;
            }
            return loss;
        }
        foreach (var candidate in new[] { ridge.Candidates.Single(c => c.Lambda == ridge.Lambda), ridge.Candidates[^2], ridge.Candidates[2] })
        {
            // The eigendecomposition and Cholesky differ by rounding times the condition number, at most about
            // n (lambda0 / lambda)^2 (the largest eigenvalue is at most the trace, n lambda0^2).
            double tolerance = Math.Max(1e-10, 2.2e-16 * Large.FunctionCount * Math.Pow(ridge.Scale / candidate.Lambda, 2));
            Assert.That(candidate.Loss, Is.EqualTo(BruteForceLoss(candidate.Lambda)).Within(tolerance * candidate.Loss), $"lambda {candidate.Lambda}");
        }

        // Either order of SmoothnessPrior and RidgeByCrossValidation; a later Solver would drop both: refused.
        var other = Start(Large).SmoothnessPrior(p: 2, scaleByColumnNorms: true).RidgeByCrossValidation(folds: K).Run(data);
        Assert.That(other.Ridge!.Lambda, Is.EqualTo(ridge.Lambda));
        Assert.That(other.Potential.Coefficients.ToArray(), Is.EqualTo(fit.Potential.Coefficients.ToArray()).Within(1e-10));
        Assert.That(() => Builder().Solver(LeastSquares.BayesianLinearRegression()),
            Throws.InvalidOperationException.With.Message.Contains("RidgeByCrossValidation(folds: 4)").And.Message.Contains("Solver("));
        Assert.That(ridge.ToString(), Does.Contain("ridge by 4-fold cross-validation").And.Contain("*"));
    }

    [Test]
    public void Exactly_representable_data_choose_the_smallest_lambdas_and_fit_almost_exactly()
    {
        var data = Data(noise: 0, count: 12);
        var fit = Start().RidgeByCrossValidation(folds: 3).Run(data);
        var ridge = fit.Ridge!;
        // The loss keeps falling towards small lambda until it reaches rounding level (about 1e-12 here), so the
        // choice is among the smallest candidates, below 1e-4 lambda0 (the grid spans 1e-6 .. 1e3 lambda0).
        Assert.That(ridge.Lambda, Is.LessThan(1e-4 * ridge.Scale), "the small end of the grid");
        Assert.That(ridge.Loss, Is.LessThan(1e-6 * ridge.Candidates[^1].Loss));
        var errors = fit.Errors(data).Overall;
        Assert.That(errors.EnergyRmse, Is.LessThan(1e-4), "meV/atom");
        Assert.That(errors.ForceRmse, Is.LessThan(1e-3), "meV/A");
        var identity = LeastSquares.NormalEquations(tikhonov: ridge.Lambda).Solve(Start().AssembleNormalEquations(data));
        Assert.That(fit.Potential.Coefficients.ToArray(), Is.EqualTo(identity.Coefficients.ToArray()).Within(1e-10), "Gamma is the identity without a prior");
    }

    [Test]
    public void Cross_validating_a_cross_validated_ridge_runs_the_inner_selection_over_the_other_folds()
    {
        var data = Data(noise: 3e-3, count: 9);
        const int K = 3;
        var cv = Start().RidgeByCrossValidation().CrossValidate(data, folds: K);
        for (int f = 0; f < K; f++)
        {
            // With the structure count a multiple of K, the other folds' structures s in order fall into the inner
            // folds exactly as RidgeByCrossValidation(K - 1) assigns them.
            var fit = Start().RidgeByCrossValidation(folds: K - 1).Run(Fold(data, K, f, heldOut: false));
            var fold = cv.Folds[f];
            Assert.That(fold.Ridge!.Folds, Is.EqualTo(K - 1));
            Assert.That(fold.Ridge.Lambda, Is.EqualTo(fit.Ridge!.Lambda).Within(1e-12 * fit.Ridge.Lambda));
            Assert.That(fold.Solution.Coefficients.ToArray(), Is.EqualTo(fit.Potential.Coefficients.ToArray()).Within(1e-8));
        }
    }

    private static double[] GramNorms(NormalEquations normal) =>
        Enumerable.Range(0, normal.Columns).Select(j => Math.Sqrt(normal.Gram[j * normal.Columns + j])).ToArray();

    /// <summary>||W (y - A c)|| from the normal equations, written out independently of NormalEquations.ResidualNorm.</summary>
    private static double ResidualNorm(NormalEquations normal, ReadOnlySpan<double> c)
    {
        int n = normal.Columns;
        double quadratic = 0, linear = 0;
        for (int i = 0; i < n; i++)
        {
            linear += c[i] * normal.ProjectedTargets[i];
            for (int j = 0; j < n; j++)
            {
                quadratic += c[i] * normal.Gram[i + j * n] * c[j];
            }
        }
        return Math.Sqrt(normal.TargetSquaredNorm - 2 * linear + quadratic);
    }

    private sealed class SynchronousProgress(List<AssemblyProgress> reports) : IProgress<AssemblyProgress>
    {
        public void Report(AssemblyProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
