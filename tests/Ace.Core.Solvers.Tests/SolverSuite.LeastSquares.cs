using MathNet.Numerics.LinearAlgebra;

namespace Ace.Core.Solvers.Tests;

public abstract partial class SolverSuite
{
    private const double Agreement = 1e-10;

    private IEnumerable<ILeastSquaresSolver> FullRankSolvers() =>
    [
        LeastSquares.Qr(backend: Backend),
        LeastSquares.NormalEquations(backend: Backend),
        LeastSquares.TruncatedSvd(backend: Backend),
        LeastSquares.RankRevealingQr(backend: Backend),
        LeastSquares.Lsqr(tolerance: 1e-14),
    ];

    [TestCase(60, 8)]
    [TestCase(200, 25)]
    public void All_solvers_agree_on_a_well_conditioned_problem_and_satisfy_the_optimality_condition(int rows, int columns)
    {
        var problem = TestProblems.Random(rows, columns, seed: rows + columns);
        var reference = LeastSquares.Qr(backend: Backend).Solve(problem);

        // Optimality: the weighted residual is orthogonal to every column, A^T W^2 (y - A c) = 0.
        var a = TestProblems.WeightedMatrix(problem);
        var gradient = a.TransposeThisAndMultiply(TestProblems.WeightedTargets(problem) - a * Vector<double>.Build.Dense(reference.ToArray()));
        Assert.That(gradient.InfinityNorm(), Is.LessThan(1e-11 * a.FrobeniusNorm() * TestProblems.WeightedTargets(problem).L2Norm()));
        Assert.That(reference.ResidualNorm, Is.EqualTo((TestProblems.WeightedTargets(problem) - a * Vector<double>.Build.Dense(reference.ToArray())).L2Norm()).Within(1e-12).Percent);

        foreach (var solver in FullRankSolvers())
        {
            var solution = solver.Solve(problem);
            Assert.That(TestProblems.MaxRelativeDifference(solution.Coefficients, reference.Coefficients), Is.LessThan(Agreement), solver.Name);
            Assert.That(solution.ResidualNorm, Is.EqualTo(reference.ResidualNorm).Within(1e-9).Percent, solver.Name);
            Assert.That(solution.EffectiveRank, Is.EqualTo(columns), solver.Name);
            Assert.That(solution.Converged, Is.True, solver.Name);
        }
    }

    [Test]
    public void Lsqr_reports_its_iterations_and_stops_at_the_limit()
    {
        var problem = TestProblems.Random(80, 20, seed: 7);
        var converged = LeastSquares.Lsqr(tolerance: 1e-12).Solve(problem);
        Assert.That(converged.Converged, Is.True);
        Assert.That(converged.Iterations, Is.InRange(1, 200));

        var limited = LeastSquares.Lsqr(tolerance: 1e-12, maxIterations: 3).Solve(problem);
        Assert.That(limited.Iterations, Is.EqualTo(3));
        Assert.That(limited.Converged, Is.False);
    }

    [Test]
    public void Tikhonov_with_a_prior_equals_plain_QR_of_the_explicitly_augmented_system()
    {
        var problem = TestProblems.Random(40, 6, seed: 8);
        var gamma = new[] { 1.0, 2, 3, 5, 8, 13 };
        const double lambda = 0.7;
        var prior = Prior.FromDiagonal(gamma);

        // Brute force: rows [W A; lambda Gamma], targets [W y; 0], unit weights.
        int m = problem.Rows, n = problem.Columns;
        var augmented = Matrix<double>.Build.Dense(m + n, n);
        augmented.SetSubMatrix(0, 0, TestProblems.WeightedMatrix(problem));
        for (var j = 0; j < n; j++)
        {
            augmented[m + j, j] = lambda * gamma[j];
        }
        var targets = new double[m + n];
        TestProblems.WeightedTargets(problem).ToArray().CopyTo(targets, 0);
        var expected = LeastSquares.Qr(backend: Backend).Solve(new LeastSquaresProblem(m + n, n, augmented.ToColumnMajorArray(), targets));

        var qr = LeastSquares.Qr(lambda, prior, Backend).Solve(problem);
        var normal = LeastSquares.NormalEquations(lambda, prior, Backend).Solve(problem);

        Assert.That(TestProblems.MaxRelativeDifference(qr.Coefficients, expected.Coefficients), Is.LessThan(Agreement));
        Assert.That(TestProblems.MaxRelativeDifference(normal.Coefficients, expected.Coefficients), Is.LessThan(Agreement));
        Assert.That(qr.ResidualNorm, Is.EqualTo(TestProblems.ResidualNorm(problem, qr.Coefficients)).Within(1e-12).Percent);
    }

    [Test]
    public void Damped_lsqr_equals_ridge_by_qr_and_by_normal_equations()
    {
        var problem = TestProblems.Random(50, 10, seed: 9);
        const double damping = 1.3;
        var qr = LeastSquares.Qr(damping, backend: Backend).Solve(problem);
        var ridge = LeastSquares.NormalEquations(damping, backend: Backend).Solve(problem);
        var lsqr = LeastSquares.Lsqr(damping, tolerance: 1e-14).Solve(problem);

        Assert.That(TestProblems.MaxRelativeDifference(ridge.Coefficients, qr.Coefficients), Is.LessThan(Agreement));
        Assert.That(TestProblems.MaxRelativeDifference(lsqr.Coefficients, qr.Coefficients), Is.LessThan(Agreement));
    }

    [Test]
    public void Accumulated_normal_equations_equal_the_one_shot_product_and_merging_equals_a_single_accumulator()
    {
        var problem = TestProblems.Random(37, 5, seed: 10);
        int m = problem.Rows, n = problem.Columns;
        var a = TestProblems.WeightedMatrix(problem);
        var b = TestProblems.WeightedTargets(problem);
        var expectedGram = a.TransposeThisAndMultiply(a).ToColumnMajorArray();
        var expectedProjected = a.TransposeThisAndMultiply(b).ToArray();

        var oneShot = NormalEquations.FromProblem(problem, Backend);

        // Stream the rows in uneven row-major blocks into two accumulators, then merge.
        var first = new NormalEquations(n);
        var second = new NormalEquations(n);
        var boundaries = new[] { 0, 3, 4, 20, 21, m };
        for (var block = 0; block + 1 < boundaries.Length; block++)
        {
            int start = boundaries[block], count = boundaries[block + 1] - start;
            var rows = new double[count * n];
            for (var r = 0; r < count; r++)
            {
                for (var j = 0; j < n; j++)
                {
                    rows[r * n + j] = problem.Design[start + r + j * m];
                }
            }
            var target = block % 2 == 0 ? first : second;
            target.Add(count, rows, problem.Targets.Slice(start, count), problem.Weights.Slice(start, count), Backend);
        }
        var merged = new NormalEquations(n);
        merged.Merge(first);
        merged.Merge(second);

        foreach (var (name, accumulated) in new[] { ("one-shot", oneShot), ("merged", merged) })
        {
            Assert.That(TestProblems.MaxRelativeDifference(accumulated.Gram, expectedGram), Is.LessThan(1e-14), name);
            Assert.That(TestProblems.MaxRelativeDifference(accumulated.ProjectedTargets, expectedProjected), Is.LessThan(1e-14), name);
            Assert.That(accumulated.TargetSquaredNorm, Is.EqualTo(b.DotProduct(b)).Within(1e-12).Percent, name);
            Assert.That(accumulated.RowCount, Is.EqualTo(m), name);
        }

        var fromRows = LeastSquares.NormalEquations(backend: Backend).Solve(problem);
        var fromMerged = LeastSquares.NormalEquations(backend: Backend).Solve(merged);
        Assert.That(TestProblems.MaxRelativeDifference(fromMerged.Coefficients, fromRows.Coefficients), Is.LessThan(Agreement));
        Assert.That(fromMerged.ResidualNorm, Is.EqualTo(fromRows.ResidualNorm).Within(1e-6).Percent);
    }

    [Test]
    public void Per_thread_accumulators_merged_after_a_parallel_loop_equal_the_one_shot_product()
    {
        var problem = TestProblems.Random(300, 12, seed: 17);
        int m = problem.Rows, n = problem.Columns;
        var total = new NormalEquations(n);
        var gate = new object();
        Parallel.For(0, m / 10, () => new NormalEquations(n), (block, _, local) =>
        {
            var rows = new double[10 * n];
            for (var r = 0; r < 10; r++)
            {
                for (var j = 0; j < n; j++)
                {
                    rows[r * n + j] = problem.Design[block * 10 + r + j * m];
                }
            }
            local.Add(10, rows, problem.Targets.Slice(block * 10, 10), problem.Weights.Slice(block * 10, 10), Backend);
            return local;
        }, local =>
        {
            lock (gate)
            {
                total.Merge(local);
            }
        });

        var oneShot = NormalEquations.FromProblem(problem, Backend);
        Assert.That(total.RowCount, Is.EqualTo(m));
        Assert.That(TestProblems.MaxRelativeDifference(total.Gram, oneShot.Gram), Is.LessThan(1e-13));
        Assert.That(TestProblems.MaxRelativeDifference(total.ProjectedTargets, oneShot.ProjectedTargets), Is.LessThan(1e-13));
        Assert.That(total.TargetSquaredNorm, Is.EqualTo(oneShot.TargetSquaredNorm).Within(1e-12).Percent);
    }

    [Test]
    public void Solvers_that_need_rows_reject_normal_equations_naming_those_that_accept_them()
    {
        var normal = NormalEquations.FromProblem(TestProblems.Random(10, 3, seed: 11), Backend);
        foreach (var solver in new ILeastSquaresSolver[]
                 {
                     LeastSquares.Qr(backend: Backend), LeastSquares.Lsqr(), LeastSquares.TruncatedSvd(backend: Backend),
                     LeastSquares.RankRevealingQr(backend: Backend),
                 })
        {
            Assert.That(solver.AcceptsNormalEquations, Is.False);
            var ex = Assert.Throws<NotSupportedException>(() => solver.Solve(normal));
            Assert.That(ex!.Message, Does.Contain("LeastSquares.NormalEquations").And.Contain("LeastSquares.BayesianLinearRegression"));
        }
        Assert.That(LeastSquares.NormalEquations(backend: Backend).AcceptsNormalEquations, Is.True);
        Assert.That(LeastSquares.BayesianLinearRegression(backend: Backend).AcceptsNormalEquations, Is.True);
        Assert.That(Assert.Throws<NotSupportedException>(() => LeastSquares.BayesianLinearRegression(method: BlrMethod.Svd, backend: Backend).Solve(normal))!.Message,
            Does.Contain("BlrMethod.NormalEquations"));
    }
}
