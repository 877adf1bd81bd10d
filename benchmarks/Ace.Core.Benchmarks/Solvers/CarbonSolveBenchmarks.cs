using Ace.Core.Basis;
using Ace.Core.Benchmarks.Fitting;
using Ace.Core.Fitting;
using Ace.Core.Solvers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Ace.Core.Benchmarks.Solvers;

/// <summary>
/// The solves of a carbon fit from its normal equations, to set beside their LAPACK floors
/// (<see cref="LinearAlgebraFloorBenchmarks"/>): the 2,798-function basis, the first 200 structures of Tr1k_n.xyz
/// (energy weight 60 per atom, forces 1), the column-scaled smoothness prior p = 4. Bayesian linear regression (one
/// eigendecomposition, the evidence iterations on its spectrum, then a refined Cholesky solve of the posterior mean)
/// and ridge with a fixed strength (one Cholesky solve).
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class CarbonSolveBenchmarks
{
    private const int StructureCount = 200;
    private NormalEquations _normal = null!;
    private Prior _prior = null!;

    /// <summary>Assembles the normal equations and the prior.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var structures = CarbonFitData.Structures.Take(StructureCount).ToList();
        if (structures.Count < StructureCount)
        {
            throw new InvalidOperationException("CarbonSolveBenchmarks needs ../shared/data/carbon/Tr1k_n.xyz (set ACE_SHARED_DATA)");
        }
        AceBasis basis = CarbonFitData.LargeBasis();
        _normal = CarbonFitData.Fit(basis, Environment.ProcessorCount).Weights(energy: 60, forces: 1).AssembleNormalEquations(structures);
        int n = _normal.Columns;
        var norms = new double[n];
        for (int j = 0; j < n; j++)
        {
            norms[j] = Math.Sqrt(_normal.Gram[j * n + j]);
        }
        _prior = SmoothnessPriors.ScaleByColumnNorms(SmoothnessPriors.Degrees(basis, p: 4), norms);
        Console.WriteLine($"CarbonSolveBenchmarks: {n} functions, {_normal.RowCount} rows");
    }

    /// <summary>Bayesian linear regression from the normal equations.</summary>
    [Benchmark]
    public double Blr() => LeastSquares.BayesianLinearRegression(_prior).Solve(_normal).LogEvidence;

    /// <summary>Ridge with a fixed strength (lambda = 1e-6, of the order cross-validation chooses for this prior).</summary>
    [Benchmark]
    public double Ridge() => LeastSquares.NormalEquations(1e-6, _prior).Solve(_normal).ResidualNorm;
}
