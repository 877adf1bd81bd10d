#if !ACE_BASELINE
using Ace.Core.Atoms;
using Ace.Core.Basis;
using Ace.Core.Fitting;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace Ace.Core.Benchmarks.Fitting;

/// <summary>
/// Streamed normal equations against the dense design rows, on all cores: the first 100 structures of Tr1k_n.xyz
/// (1,760 atoms, 5,380 energy and force rows) with the 2,798-function carbon basis (<see cref="CarbonFitData.LargeBasis"/>).
/// The baseline updates the normal equations once per structure (<c>AssemblyBatchRows(1)</c>: k = the 3N + 1 rows of
/// one structure, the update bound by reading and writing the P x P matrix); the others batch consecutive structures
/// (512 rows, and the default, 2,998 rows for 2,798 functions). <see cref="DenseRows"/> computes the same rows into the
/// dense design matrix without any update: the floor the streamed path approaches. Time per structure.
/// </summary>
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class BatchedAssemblyBenchmarks
{
    private const int StructureCount = 100;
    private IReadOnlyList<Structure> _structures = [];
    private AceBasis? _basis;

    /// <summary>Loads the data and builds the basis.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _structures = CarbonFitData.Structures.Take(StructureCount).ToList();
        if (_structures.Count < StructureCount)
        {
            throw new InvalidOperationException("BatchedAssemblyBenchmarks needs ../shared/data/carbon/Tr1k_n.xyz (set ACE_SHARED_DATA)");
        }
        _basis = CarbonFitData.LargeBasis();
        Console.WriteLine($"BatchedAssemblyBenchmarks: {StructureCount} structures, {_structures.Sum(s => s.AtomCount)} atoms, {_basis.FunctionCount} functions, {Environment.ProcessorCount} threads");
    }

    private FitBuilder Fit() => CarbonFitData.Fit(_basis!, Environment.ProcessorCount).Weights(energy: 60, forces: 1);

    /// <summary>One rank-k update per structure (k = 3N + 1).</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = StructureCount)]
    public long PerStructure() => Fit().AssemblyBatchRows(1).AssembleNormalEquations(_structures).RowCount;

    /// <summary>Updates of at most 512 rows.</summary>
    [Benchmark(OperationsPerInvoke = StructureCount)]
    public long Batch512() => Fit().AssemblyBatchRows(512).AssembleNormalEquations(_structures).RowCount;

    /// <summary>The default batch (64 MiB of rows: 2,998 rows here).</summary>
    [Benchmark(OperationsPerInvoke = StructureCount)]
    public long BatchDefault() => Fit().AssembleNormalEquations(_structures).RowCount;

    /// <summary>The same rows into the dense design matrix, no normal equations.</summary>
    [Benchmark(OperationsPerInvoke = StructureCount)]
    public long DenseRows() => Fit().AssembleDesign(_structures).Rows;
}
#endif
