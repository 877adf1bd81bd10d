namespace Ace.Core.Solvers.Tests;

public abstract partial class SolverSuite
{
    /// <summary>An m x n problem whose last column is the sum of the first two (rank n - 1 when m &gt;= n).</summary>
    private static LeastSquaresProblem RankDeficient(int m, int n, int seed)
    {
        var random = new Random(seed);
        var design = TestProblems.Gaussian(random, m * n);
        for (var i = 0; i < m; i++)
        {
            design[i + (n - 1) * m] = design[i] + design[i + m];
        }
        var weights = Enumerable.Range(0, m).Select(_ => 0.5 + random.NextDouble()).ToArray();
        return new LeastSquaresProblem(m, n, design, TestProblems.Gaussian(random, m), weights);
    }

    [TestCase(30, 8, 7)]
    [TestCase(5, 8, 5)]
    public void Rank_deficient_problems_get_the_minimum_norm_solution_and_the_rank(int m, int n, int rank)
    {
        var problem = RankDeficient(m, n, seed: m * n);
        var expected = TestProblems.MinimumNormSolution(problem);

        foreach (var solver in new ILeastSquaresSolver[] { LeastSquares.TruncatedSvd(backend: Backend), LeastSquares.RankRevealingQr(backend: Backend) })
        {
            var solution = solver.Solve(problem);
            Assert.That(solution.EffectiveRank, Is.EqualTo(rank), solver.Name);
            Assert.That(TestProblems.MaxRelativeDifference(solution.Coefficients, expected), Is.LessThan(1e-10), solver.Name);
            Assert.That(solution.ResidualNorm, Is.EqualTo(TestProblems.ResidualNorm(problem, expected)).Within(1e-10 * TestProblems.WeightedTargets(problem).L2Norm()), solver.Name);
        }
    }

    [Test]
    public void Truncated_svd_with_a_rank_cap_keeps_the_leading_singular_triplets()
    {
        var problem = TestProblems.Random(25, 6, seed: 12);
        var solution = LeastSquares.TruncatedSvd(rank: 3, backend: Backend).Solve(problem);
        Assert.That(solution.EffectiveRank, Is.EqualTo(3));
        Assert.That(TestProblems.MaxRelativeDifference(solution.Coefficients, TestProblems.MinimumNormSolution(problem, rank: 3)),
            Is.LessThan(1e-10));
    }

    [Test]
    public void Qr_and_normal_equations_throw_on_a_singular_system()
    {
        var problem = RankDeficient(30, 8, seed: 13);
        var qr = Assert.Throws<SingularMatrixException>(() => LeastSquares.Qr(backend: Backend).Solve(problem));
        Assert.That(qr!.Message, Does.Contain("rank-deficient"));
        var normal = Assert.Throws<SingularMatrixException>(() => LeastSquares.NormalEquations(backend: Backend).Solve(problem));
        Assert.That(normal!.Message, Does.Contain("Tikhonov"));

        // A Tikhonov term makes the same system solvable.
        Assert.That(LeastSquares.NormalEquations(1e-3, backend: Backend).Solve(problem).Coefficients.ToArray(), Has.All.Matches<double>(double.IsFinite));
    }

    [Test]
    public void An_exactly_zero_column_is_reported_as_singular()
    {
        var design = TestProblems.Gaussian(new Random(14), 20 * 4);
        Array.Clear(design, 2 * 20, 20);
        var problem = new LeastSquaresProblem(20, 4, design, TestProblems.Gaussian(new Random(15), 20));
        Assert.Throws<SingularMatrixException>(() => LeastSquares.Qr(backend: Backend).Solve(problem));
        Assert.Throws<SingularMatrixException>(() => LeastSquares.NormalEquations(backend: Backend).Solve(problem));
        Assert.That(LeastSquares.RankRevealingQr(backend: Backend).Solve(problem).EffectiveRank, Is.EqualTo(3));
    }

    [Test]
    public void Qr_rejects_an_underdetermined_problem_and_points_to_the_solvers_that_handle_it()
    {
        var problem = TestProblems.Random(3, 5, seed: 16);
        var ex = Assert.Throws<ArgumentException>(() => LeastSquares.Qr(backend: Backend).Solve(problem));
        Assert.That(ex!.Message, Does.Contain("TruncatedSvd"));
    }
}
