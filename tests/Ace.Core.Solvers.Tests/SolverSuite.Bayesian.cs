using MathNet.Numerics.LinearAlgebra;

namespace Ace.Core.Solvers.Tests;

public abstract partial class SolverSuite
{
    private static readonly double[] Gamma6 = [1, 1.5, 2, 3, 4, 6];

    /// <summary>Brute force: log N(W y; 0, s0^2 A' A'^T + se^2 I) with A' = W A Gamma^-1, via an m x m Cholesky.</summary>
    private static double BruteForceLogEvidence(LeastSquaresProblem problem, double[]? gamma, double priorVariance, double noiseVariance)
    {
        var a = ScaledDesign(problem, gamma);
        var y = TestProblems.WeightedTargets(problem);
        var covariance = priorVariance * a.TransposeAndMultiply(a) + noiseVariance * Matrix<double>.Build.DenseIdentity(problem.Rows);
        var cholesky = covariance.Cholesky();
        return -0.5 * (y.DotProduct(cholesky.Solve(y)) + cholesky.DeterminantLn + problem.Rows * Math.Log(2 * Math.PI));
    }

    private static Matrix<double> ScaledDesign(LeastSquaresProblem problem, double[]? gamma)
    {
        var a = TestProblems.WeightedMatrix(problem);
        if (gamma is not null)
        {
            for (var j = 0; j < a.ColumnCount; j++)
            {
                a.SetColumn(j, a.Column(j) / gamma[j]);
            }
        }
        return a;
    }

    /// <summary>Brute force posterior (A^T W^2 A / se^2 + Gamma^2 / s0^2)^-1 and its mean.</summary>
    private static (Matrix<double> Covariance, Vector<double> Mean) BruteForcePosterior(LeastSquaresProblem problem,
        double[]? gamma, double priorVariance, double noiseVariance)
    {
        var a = TestProblems.WeightedMatrix(problem);
        var precision = a.TransposeThisAndMultiply(a) / noiseVariance;
        for (var j = 0; j < problem.Columns; j++)
        {
            var g = gamma?[j] ?? 1;
            precision[j, j] += g * g / priorVariance;
        }
        var covariance = precision.Inverse();
        return (covariance, covariance * a.TransposeThisAndMultiply(TestProblems.WeightedTargets(problem)) / noiseVariance);
    }

    private static IEnumerable<(string Name, double[]? Gamma)> Priors() => [("no prior", null), ("diagonal prior", Gamma6)];

    [TestCase(BlrMethod.Svd, 40)]
    [TestCase(BlrMethod.NormalEquations, 40)]
    [TestCase(BlrMethod.Svd, 4)]
    public void Blr_log_evidence_posterior_mean_and_covariance_match_brute_force(BlrMethod method, int rows)
    {
        var problem = TestProblems.Random(rows, 6, seed: 20 + rows);
        foreach (var (name, gamma) in Priors())
        {
            var prior = gamma is null ? null : Prior.FromDiagonal(gamma);
            var solution = LeastSquares.BayesianLinearRegression(prior, method, backend: Backend).Solve(problem);
            Assert.That(solution.Converged, Is.True, name);
            Assert.That(solution.LogEvidence,
                Is.EqualTo(BruteForceLogEvidence(problem, gamma, solution.PriorVariance, solution.NoiseVariance)).Within(1e-9).Percent, name);

            var (covariance, mean) = BruteForcePosterior(problem, gamma, solution.PriorVariance, solution.NoiseVariance);
            Assert.That(TestProblems.MaxRelativeDifference(solution.Coefficients, mean.ToArray()), Is.LessThan(1e-9), name);
            Assert.That(TestProblems.MaxRelativeDifference(solution.PosteriorCovariance(), covariance.ToColumnMajorArray()), Is.LessThan(1e-9), name);
        }
    }

    [TestCase(BlrMethod.Svd)]
    [TestCase(BlrMethod.NormalEquations)]
    public void Blr_variances_maximise_the_brute_force_evidence(BlrMethod method)
    {
        var (problem, _) = TestProblems.Noisy(60, 6, noise: 0.3, seed: 21);
        var solution = LeastSquares.BayesianLinearRegression(method: method, backend: Backend).Solve(problem);
        var best = BruteForceLogEvidence(problem, null, solution.PriorVariance, solution.NoiseVariance);
        foreach (var (alpha, sigma) in new[] { (1.02, 1.0), (0.98, 1.0), (1.0, 1.02), (1.0, 0.98), (1.02, 1.02), (0.98, 0.98) })
        {
            var perturbed = BruteForceLogEvidence(problem, null, alpha * solution.PriorVariance, sigma * solution.NoiseVariance);
            Assert.That(perturbed, Is.LessThan(best), $"({alpha}, {sigma})");
        }
    }

    [Test]
    public void Blr_svd_and_normal_equation_paths_agree_also_from_accumulated_normal_equations()
    {
        var problem = TestProblems.Random(90, 6, seed: 22);
        var prior = Prior.FromDiagonal(Gamma6);
        var svd = LeastSquares.BayesianLinearRegression(prior, BlrMethod.Svd, backend: Backend).Solve(problem);
        var normal = LeastSquares.BayesianLinearRegression(prior, BlrMethod.NormalEquations, backend: Backend).Solve(problem);
        var accumulated = LeastSquares.BayesianLinearRegression(prior, backend: Backend).Solve(NormalEquations.FromProblem(problem, Backend));

        foreach (var other in new[] { normal, accumulated })
        {
            Assert.That(TestProblems.MaxRelativeDifference(other.Coefficients, svd.Coefficients), Is.LessThan(1e-9));
            Assert.That(other.PriorVariance, Is.EqualTo(svd.PriorVariance).Within(1e-7).Percent);
            Assert.That(other.NoiseVariance, Is.EqualTo(svd.NoiseVariance).Within(1e-7).Percent);
            Assert.That(other.LogEvidence, Is.EqualTo(svd.LogEvidence).Within(1e-9).Percent);
            Assert.That(other.EffectiveParameters, Is.EqualTo(svd.EffectiveParameters).Within(1e-7).Percent);
            Assert.That(other.EffectiveRank, Is.EqualTo(6));
        }
    }

    [TestCase(BlrMethod.Svd)]
    [TestCase(BlrMethod.NormalEquations)]
    public void Blr_recovers_the_noise_level_of_synthetic_data_within_five_percent(BlrMethod method)
    {
        const double noise = 0.1;
        var (problem, truth) = TestProblems.Noisy(10_000, 30, noise, seed: 23);
        var solution = LeastSquares.BayesianLinearRegression(method: method, backend: Backend).Solve(problem);

        Assert.That(Math.Sqrt(solution.NoiseVariance), Is.EqualTo(noise).Within(5).Percent);
        Assert.That(TestProblems.MaxRelativeDifference(solution.Coefficients, truth), Is.LessThan(0.01));
        Assert.That(solution.EffectiveParameters, Is.EqualTo(30).Within(0.1));
        Assert.That(solution.Iterations, Is.InRange(1, 1000));
    }

    [Test]
    public void Blr_on_noise_free_data_stops_at_the_noise_floor()
    {
        var (problem, truth) = TestProblems.Noisy(50, 5, noise: 0, seed: 24);
        var solution = LeastSquares.BayesianLinearRegression(noiseVarianceFloor: 1e-10, backend: Backend).Solve(problem);
        Assert.That(solution.NoiseVariance, Is.EqualTo(1e-10));
        Assert.That(solution.Converged, Is.True);
        Assert.That(TestProblems.MaxRelativeDifference(solution.Coefficients, truth), Is.LessThan(1e-6));
    }

    [TestCase(40)]
    [TestCase(4)]
    public void Committee_has_the_posterior_mean_and_covariance_and_is_reproducible(int rows)
    {
        var (problem, _) = TestProblems.Noisy(rows, 6, noise: 0.5, seed: 25);
        var solution = LeastSquares.BayesianLinearRegression(Prior.FromDiagonal(Gamma6), BlrMethod.Svd, backend: Backend).Solve(problem);
        const int size = 20_000;
        var committee = solution.Committee(size, seed: 42);
        Assert.That(committee, Has.Length.EqualTo(size));

        int n = problem.Columns;
        var samples = Matrix<double>.Build.Dense(n, size, (j, s) => committee[s][j]);
        var mean = samples.RowSums() / size;
        var centred = samples - Matrix<double>.Build.Dense(n, size, (j, _) => mean[j]);
        var sampleCovariance = centred.TransposeAndMultiply(centred) / (size - 1);
        var covariance = Matrix<double>.Build.Dense(n, n, solution.PosteriorCovariance());

        for (var j = 0; j < n; j++)
        {
            var sd = Math.Sqrt(covariance[j, j]);
            Assert.That(mean[j], Is.EqualTo(solution.Coefficients[j]).Within(5 * sd / Math.Sqrt(size)), $"mean {j}");
            for (var i = 0; i < n; i++)
            {
                // Standard error of a sample covariance is about sqrt((C_ii C_jj + C_ij^2) / N) < 0.01 sd_i sd_j here.
                var scale = Math.Sqrt(covariance[i, i] * covariance[j, j]);
                Assert.That(sampleCovariance[i, j], Is.EqualTo(covariance[i, j]).Within(0.05 * scale), $"covariance ({i}, {j})");
            }
        }

        var again = solution.Committee(size, seed: 42);
        Assert.That(again[123], Is.EqualTo(committee[123]));
        Assert.That(solution.Committee(3, seed: 43)[0], Is.Not.EqualTo(committee[0]));
    }

    [Test]
    public void Blr_from_normal_equations_keeps_columns_the_data_cannot_see_at_round_off()
    {
        // 20 visible, badly conditioned columns (monomials x^k on [0, 1]) and 10 columns that are zero to rounding (as a
        // purified function on structures with too few neighbours). Their exact posterior mean is about 1e-14; the eigenvector sum
        // leaked ~eps ||G|| / gap into them, the Cholesky path with refinement does not.
        const int rows = 600, visible = 20, invisible = 10, columns = visible + invisible;
        var random = new Random(41);
        var design = new double[rows * columns];
        var targets = new double[rows];
        var noise = TestProblems.Gaussian(random, rows, 1e-3);
        var tiny = TestProblems.Gaussian(random, rows * invisible, 1e-18);
        for (var i = 0; i < rows; i++)
        {
            double x = random.NextDouble();
            for (var k = 0; k < visible; k++)
            {
                design[i + k * rows] = Math.Pow(x, k);
            }
            for (var k = 0; k < invisible; k++)
            {
                design[i + (visible + k) * rows] = tiny[i + k * rows];
            }
            targets[i] = Math.Sin(6 * x) + noise[i];
        }
        var problem = new LeastSquaresProblem(rows, columns, design, targets);
        var solution = LeastSquares.BayesianLinearRegression(null, BlrMethod.NormalEquations, backend: Backend).Solve(problem);
        var reference = LeastSquares.BayesianLinearRegression(null, BlrMethod.Svd, backend: Backend).Solve(problem);
        double visibleSize = solution.Coefficients[..visible].ToArray().Max(Math.Abs);
        double invisibleSize = solution.Coefficients[visible..].ToArray().Max(Math.Abs);
        double exactSize = reference.Coefficients[visible..].ToArray().Max(Math.Abs);
        Assert.That(visibleSize, Is.GreaterThan(1e-2), "the visible columns are fitted");
        Assert.That(invisibleSize, Is.LessThan(10 * exactSize + 1e-14), $"the columns the data cannot see stay at the SVD path's {exactSize:G3}");
        Assert.That(TestProblems.ResidualNorm(problem, solution.Coefficients), Is.LessThan(0.1));
    }
}
