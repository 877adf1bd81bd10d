using System.Globalization;
using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;

namespace Ace.Core.Benchmarks.Solvers;

/// <summary>
/// Dense weighted least squares, rows x columns (20000 x 1000 by default), managed (Math.NET, the baseline of each
/// category) against native LAPACK/BLAS: A^T A alone, QR, normal equations with Cholesky, and Bayesian linear
/// regression (automatic method: the normal-equations path at this aspect ratio). The managed cases take ~10-40 s
/// per invocation, so the job runs each benchmark once per iteration without pilot or warm-up stages.
/// For a smoke run set <c>ACE_SOLVER_BENCH_SIZE=2000x100</c> (any "rowsxcolumns") and use <c>--job dry</c>.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 0, iterationCount: 3)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LeastSquaresBenchmarks
{
    private LeastSquaresProblem _problem = null!;

    /// <summary>The problem size, "rowsxcolumns"; from ACE_SOLVER_BENCH_SIZE when set.</summary>
    [ParamsSource(nameof(Sizes))]
    public string Size { get; set; } = "20000x1000";

    public static IEnumerable<string> Sizes()
    {
        var size = Environment.GetEnvironmentVariable("ACE_SOLVER_BENCH_SIZE");
        yield return string.IsNullOrWhiteSpace(size) ? "20000x1000" : size.Trim();
    }

    [GlobalSetup]
    public void Setup()
    {
        var parts = Size.Split('x');
        int rows = int.Parse(parts[0], CultureInfo.InvariantCulture), columns = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var random = new Random(2026);
        var design = new double[rows * columns];
        for (var k = 0; k < design.Length; k++)
        {
            design[k] = 2 * random.NextDouble() - 1;
        }
        var targets = new double[rows];
        var weights = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            targets[i] = 2 * random.NextDouble() - 1;
            weights[i] = 0.5 + random.NextDouble();
        }
        _problem = new LeastSquaresProblem(rows, columns, design, targets, weights);
    }

    private static ILinearAlgebraBackend Managed => ManagedBackend.Instance;

    private static ILinearAlgebraBackend Native => NativeLapackBackend.Instance;

    [Benchmark(Baseline = true), BenchmarkCategory("Gram")]
    public double Gram_Managed() => NormalEquations.FromProblem(_problem, Managed).Gram[0];

    [Benchmark, BenchmarkCategory("Gram")]
    public double Gram_Native() => NormalEquations.FromProblem(_problem, Native).Gram[0];

    [Benchmark(Baseline = true), BenchmarkCategory("QR")]
    public double Qr_Managed() => global::Ace.Core.Solvers.LeastSquares.Qr(backend: Managed).Solve(_problem).ResidualNorm;

    [Benchmark, BenchmarkCategory("QR")]
    public double Qr_Native() => global::Ace.Core.Solvers.LeastSquares.Qr(backend: Native).Solve(_problem).ResidualNorm;

    [Benchmark(Baseline = true), BenchmarkCategory("NormalEquations")]
    public double NormalEquations_Managed() => global::Ace.Core.Solvers.LeastSquares.NormalEquations(backend: Managed).Solve(_problem).ResidualNorm;

    [Benchmark, BenchmarkCategory("NormalEquations")]
    public double NormalEquations_Native() => global::Ace.Core.Solvers.LeastSquares.NormalEquations(backend: Native).Solve(_problem).ResidualNorm;

    [Benchmark(Baseline = true), BenchmarkCategory("BLR")]
    public double Blr_Managed() => global::Ace.Core.Solvers.LeastSquares.BayesianLinearRegression(backend: Managed).Solve(_problem).LogEvidence;

    [Benchmark, BenchmarkCategory("BLR")]
    public double Blr_Native() => global::Ace.Core.Solvers.LeastSquares.BayesianLinearRegression(backend: Native).Solve(_problem).LogEvidence;
}
