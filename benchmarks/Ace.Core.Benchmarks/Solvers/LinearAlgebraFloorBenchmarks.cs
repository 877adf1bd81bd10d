using Ace.Core.Solvers;
using Ace.Core.Solvers.Backends;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Ace.Core.Benchmarks.Solvers;

/// <summary>
/// The machine's floors for a fit with P = 2,798 functions, on the native backend (all BLAS threads): the rank-k
/// update of the normal equations (DSYRK, upper triangle, k = 2,998 rows, the default batch, and k = 55 rows, one
/// 18-atom structure) and DGEMM of the same shape, whose rates (k P^2 and 2 k P^2 flops) bound the assembly; and the
/// LAPACK factorisations the solvers rest on: the symmetric eigendecomposition (dsyevd, one per BLR solve and one per
/// fold of the cross-validated ridge) and the Cholesky solve (dpotrf + dpotrs, the fixed ridge and BLR's posterior
/// mean). Random data; the times do not depend on the values except the eigendecomposition's (deflation), for which
/// the matrix is the Gram matrix of the random rows.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class LinearAlgebraFloorBenchmarks
{
    private const int Columns = 2798, BatchRows = 2998, StructureRows = 55;
    private readonly ILinearAlgebraBackend _backend = NativeLapackBackend.Instance;
    private double[] _rows = [];
    private double[] _gram = [];
    private double[] _spd = [];
    private double[] _product = [];
    private double[] _eigenvalues = [];
    private double[] _eigenvectors = [];
    private double[] _factor = [];
    private double[] _rightHandSide = [];

    /// <summary>Random rows and their SPD Gram matrix (2,998 rows of 2,798 columns).</summary>
    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _rows = new double[BatchRows * Columns];
        for (int k = 0; k < _rows.Length; k++)
        {
            _rows[k] = random.NextDouble() - 0.5;
        }
        _gram = new double[Columns * Columns];
        _product = new double[Columns * Columns];
        var normal = new NormalEquations(Columns);
        normal.Add(BatchRows, _rows, new double[BatchRows], backend: _backend);
        _spd = normal.Gram.ToArray();
        _eigenvalues = new double[Columns];
        _eigenvectors = new double[Columns * Columns];
        _factor = new double[Columns * Columns];
        _rightHandSide = new double[Columns];
        Console.WriteLine($"LinearAlgebraFloorBenchmarks: {_backend.Name}, P = {Columns}");
    }

    /// <summary>DSYRK, k = 2,998 (the default batch): k P^2 flops.</summary>
    [Benchmark]
    public double SyrkBatch()
    {
#if ACE_BASELINE
        _backend.AddGram(BatchRows, Columns, _rows, MatrixLayout.RowMajor, _gram); // the baseline's update (it fills both triangles)
#else
        _backend.AddGramUpperTriangle(BatchRows, Columns, _rows, MatrixLayout.RowMajor, _gram);
#endif
        return _gram[0];
    }

    /// <summary>DSYRK, k = 55 (one 18-atom structure): k P^2 flops, bound by the P x P matrix's memory traffic.</summary>
    [Benchmark]
    public double SyrkStructure()
    {
#if ACE_BASELINE
        _backend.AddGram(StructureRows, Columns, _rows.AsSpan(0, StructureRows * Columns), MatrixLayout.RowMajor, _gram); // the baseline's update (it fills both triangles)
#else
        _backend.AddGramUpperTriangle(StructureRows, Columns, _rows.AsSpan(0, StructureRows * Columns), MatrixLayout.RowMajor, _gram);
#endif
        return _gram[0];
    }

    /// <summary>DGEMM of the same shape, P x P x 2,998: 2 k P^2 flops.</summary>
    [Benchmark]
    public double Gemm()
    {
        _backend.Gemm(false, true, Columns, Columns, BatchRows, 1, _rows, _rows, 1, _product);
        return _product[0];
    }

    /// <summary>dsyevd of the P x P Gram matrix, eigenvectors included.</summary>
    [Benchmark]
    public double Eigendecomposition()
    {
        _backend.SymmetricEigen(Columns, _spd, _eigenvalues, _eigenvectors);
        return _eigenvalues[^1];
    }

    /// <summary>dpotrf + dpotrs of the P x P Gram matrix, one right-hand side.</summary>
    [Benchmark]
    public double Cholesky()
    {
        _spd.CopyTo(_factor, 0);
        Array.Fill(_rightHandSide, 1.0);
        _backend.CholeskySolve(Columns, _factor, _rightHandSide, 1);
        return _rightHandSide[0];
    }
}
